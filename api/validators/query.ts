// Reads behind `validators`, `Block.sealer` and the member page's nodes. Per sealer: blocks
// sealed in the 24 h and 7 d before the head block's time (chain time, so a historical or
// paused chain reads the same every time) and all time, its share, its last block, its node
// registration, and its status by the pure rule in status.ts.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { validatorStatus, type ValidatorStatus } from './status';

export interface ValidatorOptions {
  /** Missed turns after which a sealer is OFFLINE. */
  offlineAfterTurns: number;
  /** Blocks looked back over to count the validators in the rotation. */
  rotationWindow: number;
  /** Evaluate as of this block (default: the newest sealed block). */
  head?: number;
}

export interface NodeInfo {
  node: string;
  member: string;
  label: string | null;
  registeredAt: number;
  registeredBlock: number;
  /** Block of the NodeDeregistered that retired it, if any. */
  deregisteredBlock: number | null;
}

export interface ValidatorRow {
  address: string;
  member: string | null;
  nodeLabel: string | null;
  registered: boolean;
  blocksSealed: number;
  blocks24h: number;
  blocks7d: number;
  share: number;
  share24h: number;
  share7d: number;
  lastSealedBlock: number;
  lastSealedAt: number;
  status: ValidatorStatus;
}

export interface ValidatorSummary {
  head: number;
  headTime: number;
  setSize: number;
  validators: ValidatorRow[];
}

const DAY = 86_400;

/** Node registrations as of `head`: the latest registration of each node, and whether it was retired since. */
export async function nodesAt(db: Kysely<Database>, head: number, member?: string): Promise<Map<string, NodeInfo>> {
  let q = db.selectFrom('node_events').selectAll().where('block_number', '<=', head);
  if (member) q = q.where('member', '=', member.toLowerCase());
  const rows = await q.orderBy('block_number').orderBy('log_index').execute();
  const out = new Map<string, NodeInfo>();
  for (const r of rows) {
    if (r.kind === 'registered') {
      out.set(r.node, { node: r.node, member: r.member, label: r.label, registeredAt: Number(r.at), registeredBlock: Number(r.block_number), deregisteredBlock: null });
    } else {
      const n = out.get(r.node);
      if (n) n.deregisteredBlock = Number(r.block_number);
    }
  }
  return out;
}

export async function sealedHead(db: Kysely<Database>): Promise<{ number: number; timestamp: number } | null> {
  const r = await db.selectFrom('block_sealers').select(['block_number', 'timestamp']).orderBy('block_number', 'desc').limit(1).executeTakeFirst();
  return r ? { number: Number(r.block_number), timestamp: Number(r.timestamp) } : null;
}

export async function loadValidators(db: Kysely<Database>, o: ValidatorOptions): Promise<ValidatorSummary> {
  const top = await sealedHead(db);
  if (!top) return { head: 0, headTime: 0, setSize: 0, validators: [] };
  const head = Math.min(o.head ?? top.number, top.number);
  const headRow = await db.selectFrom('block_sealers').select('timestamp').where('block_number', '<=', head).orderBy('block_number', 'desc').limit(1).executeTakeFirst();
  const headTime = Number(headRow?.timestamp ?? 0);
  const since24 = headTime - DAY;
  const since7 = headTime - 7 * DAY;

  const agg = await db
    .selectFrom('block_sealers')
    .where('block_number', '<=', head)
    .select((eb) => [
      'sealer',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.max('block_number').as('last'),
      sql<number | string>`sum(case when "timestamp" > ${since24} then 1 else 0 end)`.as('n24'),
      sql<number | string>`sum(case when "timestamp" > ${since7} then 1 else 0 end)`.as('n7'),
    ])
    .groupBy('sealer')
    .execute();
  const lastBlocks = agg.map((a) => Number(a.last));
  const times = new Map<number, number>();
  for (let i = 0; i < lastBlocks.length; i += 500) {
    const part = lastBlocks.slice(i, i + 500);
    const rows = await db.selectFrom('block_sealers').select(['block_number', 'timestamp']).where('block_number', 'in', part).execute();
    for (const r of rows) times.set(Number(r.block_number), Number(r.timestamp));
  }
  const windowStart = Math.max(1, head - o.rotationWindow + 1);
  const inWindow = await db
    .selectFrom('block_sealers')
    .select((eb) => eb.fn.count<number | string>('sealer').distinct().as('k'))
    .where('block_number', '>=', windowStart)
    .where('block_number', '<=', head)
    .executeTakeFirst();
  const setSize = Math.max(1, Number(inWindow?.k ?? 1));
  const nodes = await nodesAt(db, head);

  const total = agg.reduce((s, a) => s + Number(a.n), 0);
  const total24 = agg.reduce((s, a) => s + Number(a.n24), 0);
  const total7 = agg.reduce((s, a) => s + Number(a.n7), 0);
  const ratio = (n: number, d: number) => (d > 0 ? n / d : 0);
  const validators = agg
    .map((a): ValidatorRow => {
      const node = nodes.get(a.sealer);
      const last = Number(a.last);
      return {
        address: a.sealer,
        member: node?.member ?? null,
        nodeLabel: node?.label ?? null,
        registered: node != null && node.deregisteredBlock == null,
        blocksSealed: Number(a.n),
        blocks24h: Number(a.n24),
        blocks7d: Number(a.n7),
        share: ratio(Number(a.n), total),
        share24h: ratio(Number(a.n24), total24),
        share7d: ratio(Number(a.n7), total7),
        lastSealedBlock: last,
        lastSealedAt: times.get(last) ?? 0,
        status: validatorStatus({ head, lastSealedBlock: last, setSize, offlineAfterTurns: o.offlineAfterTurns }),
      };
    })
    .sort((x, y) => y.blocksSealed - x.blocksSealed || (x.address < y.address ? -1 : 1));
  return { head, headTime, setSize, validators };
}

/** Sealer of each block (by number), with its node registration, for block lists and pages. */
export async function sealersOf(db: Kysely<Database>, numbers: readonly number[]): Promise<Map<number, { sealer: string; member: string | null; nodeLabel: string | null }>> {
  const out = new Map<number, { sealer: string; member: string | null; nodeLabel: string | null }>();
  if (numbers.length === 0) return out;
  const rows = await db.selectFrom('block_sealers').select(['block_number', 'sealer']).where('block_number', 'in', [...numbers]).execute();
  if (rows.length === 0) return out;
  const sealers = [...new Set(rows.map((r) => r.sealer))];
  const events = await db
    .selectFrom('node_events')
    .select(['node', 'member', 'label', 'block_number'])
    .where('kind', '=', 'registered')
    .where('node', 'in', sealers)
    .orderBy('block_number')
    .execute();
  const reg = new Map(events.map((e) => [e.node, e]));
  for (const r of rows) {
    const e = reg.get(r.sealer);
    out.set(Number(r.block_number), { sealer: r.sealer, member: e?.member ?? null, nodeLabel: e?.label ?? null });
  }
  return out;
}
