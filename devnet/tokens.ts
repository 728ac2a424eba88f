// What a public-service chain carries besides the registry: members' own contracts. The
// secretariat deploys four demo contracts in block 2 and, block by block, the simulated
// history uses them:
//  - ServiceCredit (ERC-20): credits issued to members, paid between members, burned;
//  - PatentCertificate (ERC-721): certificates minted to members, licensed on, revoked;
//  - WarehouseReceipt (ERC-1155): lots issued to depositors (single and batch), pledged
//    to lenders, redeemed on pick-up;
//  - SubsidyPool: subsidies paid out in native coin by the contract (internal transactions),
//    one payee per disbursement being a contract that refuses the value.
// Pure and driven by its own PRNG stream ('tokens'), so the registry history's draws are
// unchanged; the plan's blocks only gain transactions.
import { encodeFunctionData, getContractAddress } from 'viem';
import {
  patentCertificateAbi, patentCertificateBytecode, serviceCreditAbi, serviceCreditBytecode, subsidyPoolAbi,
  subsidyPoolBytecode, warehouseReceiptAbi, warehouseReceiptBytecode,
} from '../contracts/demo/artifacts';
import type { DevnetAccounts } from './accounts';
import type { HistoryPlan, PlannedTx } from './plan';
import { chance, int, pick, stream, type Rng } from './rng';

type Hex = `0x${string}`;

const GWEI = 1_000_000_000n;
const COIN = 10n ** 18n;

export interface DemoContracts {
  serviceCredit: Hex;
  patentCertificate: Hex;
  warehouseReceipt: Hex;
  subsidyPool: Hex;
}

export interface TokenActivityCounts {
  tokenTransfers: number;
  subsidyPayouts: number;
  txs: number;
}

/** Init code in deployment order; the issuer deploys them with consecutive nonces. */
const DEPLOY_ORDER: [keyof DemoContracts, Hex][] = [
  ['serviceCredit', serviceCreditBytecode],
  ['patentCertificate', patentCertificateBytecode],
  ['warehouseReceipt', warehouseReceiptBytecode],
  ['subsidyPool', subsidyPoolBytecode],
];

/** Where the demo contracts land when `issuer` deploys them starting at `firstNonce`. */
export function demoContractAddresses(issuer: Hex, firstNonce: number): DemoContracts {
  const out = {} as DemoContracts;
  DEPLOY_ORDER.forEach(([name], i) => {
    out[name] = getContractAddress({ from: issuer, nonce: BigInt(firstNonce + i) }).toLowerCase() as Hex;
  });
  return out;
}

/** Deployment transactions for the demo contracts. */
export function demoDeployTxs(issuer: Hex): PlannedTx[] {
  return DEPLOY_ORDER.map(([, data]) => ({ from: issuer, data, gas: 3_000_000n, legacy: false, tip: GWEI / 10n }));
}

/** Holdings the planner tracks so that every planned transfer succeeds. */
export class Ledger {
  credits = new Map<Hex, bigint>();
  certOwner = new Map<bigint, Hex>();
  receipts = new Map<string, bigint>(); // `${holder}/${id}`
  nextCert = 1n;
  nextLot = 1n;

  holders<K>(m: Map<K, bigint>): K[] {
    return [...m].filter(([, v]) => v > 0n).map(([k]) => k);
  }
}

/**
 * Activity for one block, drawn from `rng`. `issuer` is the secretariat (deployer of the
 * contracts); `members` send and receive.
 */
export function blockActivity(rng: Rng, c: DemoContracts, issuer: Hex, members: Hex[], book: Ledger, counts: TokenActivityCounts): PlannedTx[] {
  const txs: PlannedTx[] = [];
  const tx = (from: Hex, to: Hex, data: Hex, gas: bigint, value?: bigint) => {
    txs.push({ from, to, data, gas, value, legacy: false, tip: GWEI / 10n });
    counts.txs++;
  };
  const other = (m: Hex) => {
    const o = pick(rng, members);
    return o === m ? members[(members.indexOf(m) + 1) % members.length]! : o;
  };
  const credit = (fn: string, args: unknown[]) => encodeFunctionData({ abi: serviceCreditAbi, functionName: fn as never, args: args as never });
  const cert = (fn: string, args: unknown[]) => encodeFunctionData({ abi: patentCertificateAbi, functionName: fn as never, args: args as never });
  const receipt = (fn: string, args: unknown[]) => encodeFunctionData({ abi: warehouseReceiptAbi, functionName: fn as never, args: args as never });

  // Service credits (2 decimals).
  if (chance(rng, 0.35)) {
    const to = pick(rng, members);
    const amount = BigInt(int(rng, 100, 5_000)) * 100n;
    tx(issuer, c.serviceCredit, credit('mint', [to, amount]), 90_000n);
    book.credits.set(to, (book.credits.get(to) ?? 0n) + amount);
    counts.tokenTransfers++;
  }
  for (let k = int(rng, 0, 2); k > 0; k--) {
    const payers = book.holders(book.credits);
    if (payers.length === 0) break;
    const from = pick(rng, payers);
    const have = book.credits.get(from)!;
    const to = other(from);
    if (chance(rng, 0.05)) {
      const amount = have / 10n + 1n;
      tx(from, c.serviceCredit, credit('burn', [amount]), 70_000n);
      book.credits.set(from, have - amount);
    } else {
      const amount = (have * BigInt(int(rng, 1, 40))) / 100n + 1n;
      tx(from, c.serviceCredit, credit('transfer', [to, amount]), 70_000n);
      book.credits.set(from, have - amount);
      book.credits.set(to, (book.credits.get(to) ?? 0n) + amount);
    }
    counts.tokenTransfers++;
  }

  // Patent certificates.
  if (chance(rng, 0.2)) {
    const to = pick(rng, members);
    const id = book.nextCert++;
    tx(issuer, c.patentCertificate, cert('mint', [to, id]), 120_000n);
    book.certOwner.set(id, to);
    counts.tokenTransfers++;
  }
  if (book.certOwner.size > 0 && chance(rng, 0.12)) {
    const id = pick(rng, [...book.certOwner.keys()]);
    const owner = book.certOwner.get(id)!;
    if (chance(rng, 0.1)) {
      tx(issuer, c.patentCertificate, cert('revoke', [id]), 80_000n);
      book.certOwner.delete(id);
    } else {
      const to = other(owner);
      tx(owner, c.patentCertificate, cert('transferFrom', [owner, to, id]), 90_000n);
      book.certOwner.set(id, to);
    }
    counts.tokenTransfers++;
  }

  // Warehouse receipts.
  if (chance(rng, 0.15)) {
    const to = pick(rng, members);
    if (chance(rng, 0.3)) {
      const ids = [book.nextLot++, book.nextLot++, book.nextLot++];
      const amounts = ids.map(() => BigInt(int(rng, 10, 500)));
      tx(issuer, c.warehouseReceipt, receipt('issueBatch', [to, ids, amounts]), 250_000n);
      ids.forEach((id, i) => book.receipts.set(`${to}/${id}`, amounts[i]!));
      counts.tokenTransfers += ids.length;
    } else {
      const id = book.nextLot++;
      const amount = BigInt(int(rng, 10, 500));
      tx(issuer, c.warehouseReceipt, receipt('issue', [to, id, amount]), 120_000n);
      book.receipts.set(`${to}/${id}`, amount);
      counts.tokenTransfers++;
    }
  }
  const held = book.holders(book.receipts);
  if (held.length > 0 && chance(rng, 0.2)) {
    const key = pick(rng, held);
    const [holder, idText] = key.split('/') as [Hex, string];
    const id = BigInt(idText);
    const have = book.receipts.get(key)!;
    const amount = have / BigInt(int(rng, 1, 4)) || have;
    book.receipts.set(key, have - amount);
    if (chance(rng, 0.3)) {
      tx(holder, c.warehouseReceipt, receipt('redeem', [id, amount]), 80_000n);
    } else {
      const to = other(holder);
      tx(holder, c.warehouseReceipt, receipt('safeTransferFrom', [holder, to, id, amount, '0x']), 110_000n);
      book.receipts.set(`${to}/${id}`, (book.receipts.get(`${to}/${id}`) ?? 0n) + amount);
    }
    counts.tokenTransfers++;
  }

  // Subsidies in native coin, paid by the pool; the ServiceCredit contract has no receive
  // function, so its payment fails inside a successful disbursement.
  if (chance(rng, 0.04)) {
    const payees = [pick(rng, members), pick(rng, members), c.serviceCredit];
    const amounts = payees.map(() => BigInt(int(rng, 1, 50)) * COIN);
    const total = amounts.reduce((a, b) => a + b, 0n);
    tx(issuer, c.subsidyPool, encodeFunctionData({ abi: subsidyPoolAbi, functionName: 'disburse', args: [payees, amounts] }), 200_000n, total);
    counts.subsidyPayouts += payees.length;
  }
  return txs;
}

/**
 * Add the demo contracts and their activity to a history plan, in place: deployments
 * first in its first block (the owner's nonces 1–4, right after the registry's 0), then
 * activity appended to every later block. Returns the contract addresses and counts.
 */
export function addTokenActivity(plan: HistoryPlan, seed: number, accounts: DevnetAccounts): { contracts: DemoContracts; counts: TokenActivityCounts } {
  const counts: TokenActivityCounts = { tokenTransfers: 0, subsidyPayouts: 0, txs: 0 };
  const issuer = plan.owner;
  const contracts = demoContractAddresses(issuer, 1);
  const first = plan.blocks[0];
  if (!first) return { contracts, counts };
  first.txs.unshift(...demoDeployTxs(issuer));
  counts.txs += DEPLOY_ORDER.length;
  const rng = stream(seed, 'tokens');
  const members = accounts.members.map((m) => m.address);
  const book = new Ledger();
  for (const block of plan.blocks.slice(1)) block.txs.push(...blockActivity(rng, contracts, issuer, members, book, counts));
  plan.counts.txs += counts.txs;
  return { contracts, counts };
}
