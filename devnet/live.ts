// After the history: keep the chain moving like a real one, one block every blockTimeMs,
// stamped with the wall clock, carrying a little activity. Transactions sent by anyone
// else meanwhile wait in the mempool and land in the next block.
import { encodeFunctionData } from 'viem';
import { allianceRegistryAbi } from '../contracts/registry';
import { patentNumber, patentTitle } from './catalogue';
import type { Eip1193 } from './node';
import { chance, int, pick, stream, type Rng } from './rng';
import { encodeTx, type PlannedTx } from './plan';
import { quarterOf } from '../rules/quarter';

type Hex = `0x${string}`;

export interface LiveOptions {
  provider: Eip1193;
  registry: Hex;
  seed: number;
  blockTimeMs: number;
  /** Current members (may be empty: then only transfers). */
  members: Hex[];
  users: Hex[];
  onError?: (err: unknown) => void;
  /** The node whose turn it is (sealers.ts); absent: the node's default coinbase. */
  nextSealer?: () => Hex;
}

export interface LiveLoop {
  stop(): Promise<void>;
}

export async function startLive(opts: LiveOptions): Promise<LiveLoop> {
  const { provider } = opts;
  const rng = stream(opts.seed, `live/${Date.now()}`);
  const head = (await provider.request({ method: 'eth_getBlockByNumber', params: ['latest', false] })) as {
    timestamp: string;
  };
  let lastTimestamp = Number(head.timestamp);
  let serial = 0;
  let stopped = false;
  let inFlight: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  await provider.request({ method: 'evm_setAutomine', params: [false] });

  const tick = async () => {
    // Timestamps are whole seconds and strictly increasing: with a sub-second block time,
    // skip the tick rather than let the chain run ahead of the wall clock.
    const now = Math.floor(Date.now() / 1000);
    if (now <= lastTimestamp) return;
    const txs = liveTxs(rng, opts, serial);
    serial += txs.length;
    for (const tx of txs) await provider.request({ method: 'eth_sendTransaction', params: [encodeTx(tx)] });
    lastTimestamp = now;
    if (opts.nextSealer) await provider.request({ method: 'anvil_setCoinbase', params: [opts.nextSealer()] });
    await provider.request({ method: 'evm_mine', params: [lastTimestamp] });
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      inFlight = tick()
        .catch((err) => opts.onError?.(err))
        .finally(schedule);
    }, opts.blockTimeMs);
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}

function liveTxs(rng: Rng, opts: LiveOptions, serial: number): PlannedTx[] {
  const txs: PlannedTx[] = [];
  const n = int(rng, 1, 3);
  for (let i = 0; i < n; i++) {
    const from = pick(rng, opts.users);
    let to = pick(rng, opts.users);
    if (to === from) to = pick(rng, opts.members.length ? opts.members : opts.users);
    txs.push({
      from,
      to,
      value: BigInt(int(rng, 1, 50_000)) * 10n ** 15n,
      gas: 21_000n,
      legacy: chance(rng, 0.3),
      tip: BigInt(int(rng, 1, 20)) * 10n ** 8n,
    });
  }
  if (opts.members.length > 0 && chance(rng, 0.15)) {
    const now = new Date();
    // Live numbers live in the 9xxxxxx serial range, which the history never uses.
    const applicationNo = patentNumber(now.getUTCFullYear(), 9_000_000 + ((serial * 7919 + int(rng, 0, 999)) % 999_999));
    txs.push({
      from: pick(rng, opts.members),
      to: opts.registry,
      data: encodeFunctionData({
        abi: allianceRegistryAbi,
        functionName: 'filePatent',
        args: [applicationNo.bytes32, patentTitle(rng), BigInt(Math.floor(now.getTime() / 1000) - int(rng, 0, 30) * 86_400)],
      }),
      gas: 250_000n,
      legacy: false,
      tip: 10n ** 9n,
    });
  }
  if (opts.members.length > 0 && chance(rng, 0.1)) {
    const period = quarterOf(Math.floor(Date.now() / 1000) - 92 * 86_400);
    txs.push({
      from: pick(rng, opts.members),
      to: opts.registry,
      data: encodeFunctionData({
        abi: allianceRegistryAbi,
        functionName: 'reportOutput',
        args: [period, BigInt(int(rng, 200, 20_000)) * 1000n],
      }),
      gas: 120_000n,
      legacy: false,
      tip: 10n ** 9n,
    });
  }
  return txs;
}
