// Plain traffic in every block: up to two coin transfers between users and members (both
// transaction types, tips of 0.1 to 3 gwei) and, rarely, a tiny contract deployed by a user.
import { chance, int, pick, type Rng } from '../rng';
import { GWEI } from './tx';
import type { Hex, PlanContext, PlannedTx } from './types';

// Tiny init code deploying a contract whose code is PUSH1 1 PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN
// (answers every call with 1): enough for the explorer to show contract creations.
export const TINY_CONTRACTS: Hex[] = [
  '0x69600160005260206000f3600052600a6016f3',
  '0x6960ff60005260206000f3600052600a6016f3',
];

/** `r` is the transfers stream, drawn from once per planned block. */
export function trafficPlanner(r: Rng, { owner, members, users }: PlanContext) {
  const counts = { transfers: 0, deployments: 0 };
  return {
    counts,
    block(): PlannedTx[] {
      const txs: PlannedTx[] = [];
      const transfers = int(r, 0, 2);
      for (let t = 0; t < transfers; t++) {
        const sender = chance(r, 0.7) ? pick(r, users) : pick(r, members);
        let recipient = chance(r, 0.6) ? pick(r, users) : pick(r, members);
        if (recipient === sender) recipient = owner;
        txs.push({
          from: sender,
          to: recipient,
          value: BigInt(int(r, 1, 200_000)) * 10n ** 14n,
          gas: 21_000n,
          legacy: chance(r, 0.35),
          tip: BigInt(int(r, 1, 30)) * (GWEI / 10n),
        });
        counts.transfers++;
      }
      if (chance(r, 0.004)) {
        txs.push({ from: pick(r, users), data: pick(r, TINY_CONTRACTS), gas: 100_000n, legacy: chance(r, 0.5), tip: GWEI });
        counts.deployments++;
      }
      return txs;
    },
  };
}
