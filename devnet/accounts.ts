// Deterministic accounts: every key is derived from the seed, so the same seed gives the
// same addresses, the same genesis and the same chain.
import { keccak256, stringToHex } from 'viem';
import { privateKeyToAddress } from 'viem/accounts';
import { ENTERPRISES } from './catalogue';

type Hex = `0x${string}`;

export interface Account {
  privateKey: Hex;
  address: Hex;
}

export interface DevnetAccounts {
  /** The alliance secretariat: deploys and owns the registry. */
  owner: Account;
  /** One per catalogue member enterprise, in catalogue order. */
  members: Account[];
  /** Ordinary chain users: transfers, contract deployments, the odd failed call. */
  users: Account[];
}

/** One member account per catalogue enterprise. */
export const MEMBER_ACCOUNTS = ENTERPRISES.length;
export const USER_ACCOUNTS = 40;
/** 1,000,000 native coins each: nobody runs dry in years of simulated activity. */
export const GENESIS_BALANCE = 10n ** 24n;

function derive(seed: number, role: string, index: number): Account {
  const privateKey = keccak256(stringToHex(`yuscan-devnet/${seed}/${role}/${index}`));
  return { privateKey, address: privateKeyToAddress(privateKey).toLowerCase() as Hex };
}

export function deriveAccounts(seed: number): DevnetAccounts {
  return {
    owner: derive(seed, 'owner', 0),
    members: Array.from({ length: MEMBER_ACCOUNTS }, (_, i) => derive(seed, 'member', i)),
    users: Array.from({ length: USER_ACCOUNTS }, (_, i) => derive(seed, 'user', i)),
  };
}

export function allAccounts(a: DevnetAccounts): Account[] {
  return [a.owner, ...a.members, ...a.users];
}
