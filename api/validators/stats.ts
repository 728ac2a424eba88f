// Charts and history for /stats and /validators: the spread of block times, blocks per
// validator per bucket, and the validator set as the headers state it.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Interval } from '../generated/enums';
import { bucketStart, buckets, dateString } from '../kpi/time';

/** Upper bounds (seconds, exclusive) of the block-time buckets; the last bucket is open. */
export const BLOCK_TIME_EDGES = [1, 2, 3, 5, 10, 15, 30, 60, 300, 900, 3600, 21_600, 86_400] as const;

export interface BlockTimeBucket {
  minSeconds: number;
  maxSeconds: number | null;
  count: number;
}

/** Pure: histogram of the gaps between consecutive timestamps (ascending input). */
export function blockTimeHistogram(timestamps: readonly number[]): BlockTimeBucket[] {
  const out: BlockTimeBucket[] = [0, ...BLOCK_TIME_EDGES].map((min, i) => ({ minSeconds: min, maxSeconds: BLOCK_TIME_EDGES[i] ?? null, count: 0 }));
  for (let i = 1; i < timestamps.length; i++) {
    const gap = timestamps[i]! - timestamps[i - 1]!;
    let b = BLOCK_TIME_EDGES.findIndex((edge) => gap < edge);
    if (b < 0) b = BLOCK_TIME_EDGES.length;
    out[b]!.count++;
  }
  return out;
}

export async function blockTimeDistribution(db: Kysely<Database>, blocks: number): Promise<BlockTimeBucket[]> {
  const rows = await db.selectFrom('blocks').select('timestamp').orderBy('number', 'desc').limit(blocks + 1).execute();
  return blockTimeHistogram(rows.map((r) => Number(r.timestamp)).reverse());
}

export interface SeriesPoint {
  date: string;
  from: number;
  to: number;
  value: number;
}

/** Blocks sealed per sealer in each of the last `count` buckets up to the newest sealed block. */
export async function blocksPerValidator(db: Kysely<Database>, interval: Interval, count: number): Promise<{ address: string; points: SeriesPoint[] }[]> {
  const top = await db.selectFrom('block_sealers').select('timestamp').orderBy('block_number', 'desc').limit(1).executeTakeFirst();
  if (!top) return [];
  let start = bucketStart(Number(top.timestamp), interval);
  for (let i = 1; i < count; i++) start = bucketStart(start - 1, interval);
  const list = buckets(start, Number(top.timestamp), interval, 1000);
  const rows = await db.selectFrom('block_sealers').select(['sealer', 'timestamp']).where('timestamp', '>=', start).execute();
  const series = new Map<string, number[]>();
  for (const r of rows) {
    const t = Number(r.timestamp);
    const i = list.findIndex((b) => t >= b.from && t < b.to);
    if (i < 0) continue;
    let counts = series.get(r.sealer);
    if (!counts) series.set(r.sealer, (counts = new Array<number>(list.length).fill(0)));
    counts[i]!++;
  }
  return [...series.entries()]
    .map(([address, counts]) => ({ address, points: list.map((b, i) => ({ date: dateString(b.from), from: b.from, to: b.to, value: counts[i]! })) }))
    .sort((a, b) => a.address.localeCompare(b.address));
}

export interface SetChange {
  blockNumber: number;
  validators: string[];
  added: string[];
  removed: string[];
}

/** Pure: fold stated sets into changes (repeats dropped), oldest first. */
export function foldSetChanges(rows: readonly { block_number: number; validators: string }[]): SetChange[] {
  const out: SetChange[] = [];
  let prev: string[] | null = null;
  for (const r of rows) {
    const set = JSON.parse(r.validators) as string[];
    if (prev && prev.length === set.length && prev.every((v, i) => v === set[i])) continue;
    out.push({
      blockNumber: r.block_number,
      validators: set,
      added: prev ? set.filter((v) => !prev!.includes(v)) : set,
      removed: prev ? prev.filter((v) => !set.includes(v)) : [],
    });
    prev = set;
  }
  return out;
}

/** The newest `first` changes, newest first. Reads every stated set (one row per batch at most). */
export async function validatorSetChanges(db: Kysely<Database>, first: number): Promise<SetChange[]> {
  const rows = await db.selectFrom('validator_sets').select(['block_number', 'validators']).orderBy('block_number').execute();
  return foldSetChanges(rows.map((r) => ({ block_number: Number(r.block_number), validators: r.validators }))).reverse().slice(0, first);
}

export async function validatorVotes(db: Kysely<Database>, first: number) {
  const rows = await db.selectFrom('validator_votes').selectAll().orderBy('block_number', 'desc').limit(first).execute();
  return rows.map((r) => ({ blockNumber: Number(r.block_number), proposer: r.proposer, candidate: r.candidate, add: Number(r.add) === 1 }));
}
