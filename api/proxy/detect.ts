// Proxy standards: where each keeps the address of the code it runs. Pure.
// - EIP-1967: the implementation in slot keccak256("eip1967.proxy.implementation") - 1, or a
//   beacon in keccak256("eip1967.proxy.beacon") - 1 whose implementation() names it; upgrades
//   emit Upgraded(address indexed) and BeaconUpgraded(address indexed).
// - EIP-1822 (UUPS as first specified): the implementation in slot keccak256("PROXIABLE").
// - EIP-1167: a minimal proxy, 45 bytes of code with the implementation's address inside.
import { keccak256, stringToBytes, toEventSelector } from 'viem';

const below = (label: string) => `0x${(BigInt(keccak256(stringToBytes(label))) - 1n).toString(16).padStart(64, '0')}` as const;

export const IMPLEMENTATION_SLOT = below('eip1967.proxy.implementation');
export const BEACON_SLOT = below('eip1967.proxy.beacon');
export const PROXIABLE_SLOT = keccak256(stringToBytes('PROXIABLE'));
export const UPGRADED_TOPIC = toEventSelector('Upgraded(address)');
export const BEACON_UPGRADED_TOPIC = toEventSelector('BeaconUpgraded(address)');
/** implementation(): what a beacon answers. */
export const IMPLEMENTATION_CALL = '0x5c60da1b';

export type ProxyKind = 'EIP1967' | 'EIP1967_BEACON' | 'EIP1822' | 'EIP1167';

const EIP1167 = /^363d3d373d3d3d363d73([0-9a-f]{40})5af43d82803e903d91602b57fd5bf3$/;

/** The implementation an EIP-1167 minimal proxy's runtime code delegates to, if it is one. */
export function eip1167Target(code: string): string | undefined {
  const m = EIP1167.exec(code.replace(/^0x/i, '').toLowerCase());
  return m ? `0x${m[1]}` : undefined;
}

/** The address in the low 20 bytes of a storage word or topic; undefined for zero. */
export function wordAddress(word: string | null | undefined): string | undefined {
  if (!word) return undefined;
  const hex = word.replace(/^0x/i, '').toLowerCase().padStart(64, '0');
  const address = hex.slice(24);
  return /^0+$/.test(address) ? undefined : `0x${address}`;
}
