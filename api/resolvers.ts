// Resolvers for schema.graphql, typed by the generated api/generated/graphql.ts.

import { DEVNET_CHAIN_ID, ALLIANCE_LAUNCH_DATE } from '../config/constants';
import type { Resolvers, Interval as IntervalT } from './generated/graphql';
import type { Context } from './context';
import type {
  BlockRow, DecodedModel, KpiIdName, KpiModel, MemberModel, RegistryEventModel, ScenarioModel, StageName, TxRow,
} from './models';
import type { AllianceState, PeriodModel } from './state';
import { KPI_ORDER } from './state';
import { BigIntScalar, TimestampScalar } from './scalars';
import { badInput } from './errors';
import * as v from './validate';
import { expectedProgress, kpiStatus, progress } from './kpi/maths';
import { ledgerTotal, type LedgerEntry } from './kpi/ledger';
import { breakdown, kpiSeries } from './kpi/series';
import { buckets, dateString, dayNumber, quarterInPeriod, quarterLabel, quarterRange } from './kpi/time';

/** Blocks this deep are treated as final (long cache headers). */
export const FINAL_CONFIRMATIONS = 64;
const SYNCING_LAG = 2;

function splitName(name: string): { en: string; zh: string } {
  const i = name.indexOf(' / ');
  return i < 0 ? { en: name, zh: name } : { en: name.slice(0, i).trim(), zh: name.slice(i + 3).trim() };
}

function decoded(name: string | null, args: string | null): DecodedModel | null {
  if (!name) return null;
  let parsed: unknown = [];
  try {
    parsed = args ? JSON.parse(args) : [];
  } catch {
    parsed = [];
  }
  const text = (x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x));
  const list = Array.isArray(parsed)
    ? parsed.map((x, i) =>
        x && typeof x === 'object' && 'name' in x && 'value' in x
          ? { name: String((x as { name: unknown }).name), value: text((x as { value: unknown }).value) }
          : { name: String(i), value: text(x) },
      )
    : parsed && typeof parsed === 'object'
      ? Object.entries(parsed as Record<string, unknown>).map(([k, x]) => ({ name: k, value: text(x) }))
      : [];
  return { name, args: list };
}

function connection<T>(rows: T[], n: number, cursorOf: (row: T) => string) {
  const page = rows.slice(0, n);
  const edges = page.map((node) => ({ cursor: cursorOf(node), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > n, endCursor: edges.length ? edges[edges.length - 1]!.cursor : null } };
}

const txCursor = (t: { block_number: number; tx_index: number }) => v.encodeCursor('tx', t.block_number, t.tx_index);
const eventKey = (e: RegistryEventModel) => `${e.blockNumber}-${e.logIndex}`;

function markFinal(ctx: Context, blockNumber: number) {
  if (ctx.head.current.indexedHead - blockNumber + 1 < FINAL_CONFIRMATIONS) ctx.cache.finalOnly = false;
}

async function txPage(
  ctx: Context,
  args: { address?: string | null; block?: number | null; first?: number | null; after?: string | null },
) {
  const n = v.pageSize(args.first);
  const { db } = ctx;
  if (args.address != null && args.block != null) throw badInput('give address or block, not both');
  if (args.block != null) {
    const block = v.blockNumber(args.block);
    let q = db.selectFrom('transactions').selectAll().where('block_number', '=', block).orderBy('tx_index').limit(n + 1);
    if (args.after != null) {
      const [b, i] = v.decodeNumericCursor(args.after, 'tx', 2);
      if (b !== block) throw badInput('after is not a valid cursor for this list');
      q = q.where('tx_index', '>', i!);
    }
    const rows = await q.execute();
    for (const r of rows) ctx.loaders.txByHash.prime(r.hash, r);
    return connection(rows, n, txCursor);
  }
  let after: number[] | undefined;
  if (args.after != null) after = v.decodeNumericCursor(args.after, 'tx', 2);
  if (args.address != null) {
    const address = v.address(args.address);
    let q = db
      .selectFrom('address_transactions')
      .select(['block_number', 'tx_index', 'tx_hash'])
      .where('address', '=', address)
      .orderBy('block_number', 'desc')
      .orderBy('tx_index', 'desc')
      .limit(n + 1);
    if (after) q = q.where((eb) => eb(eb.refTuple('block_number', 'tx_index'), '<', eb.tuple(after[0]!, after[1]!)));
    const refs = await q.execute();
    const txs = await ctx.loaders.txByHash.loadMany(refs.map((r) => r.tx_hash));
    const rows = txs.filter((t): t is TxRow => !!t && !(t instanceof Error));
    return connection(rows, n, txCursor);
  }
  let q = db.selectFrom('transactions').selectAll().orderBy('block_number', 'desc').orderBy('tx_index', 'desc').limit(n + 1);
  if (after) q = q.where((eb) => eb(eb.refTuple('block_number', 'tx_index'), '<', eb.tuple(after[0]!, after[1]!)));
  const rows = await q.execute();
  for (const r of rows) ctx.loaders.txByHash.prime(r.hash, r);
  return connection(rows, n, txCursor);
}

function resolvePeriod(state: AllianceState, id: string | null | undefined): PeriodModel | undefined {
  if (id != null && (id.length > 40 || !/^\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}$/.test(id))) {
    throw badInput('period must be a plan period id such as 2020-04-14_2025-04-14 (see alliance.periods)');
  }
  return state.period(id);
}

function buildKpi(state: AllianceState, id: KpiIdName, period: PeriodModel): KpiModel | null {
  const target = period.targets.get(id);
  if (!target) return null;
  return state.cached(`kpi:${id}:${period.id}`, () => {
    const entries = state.ledger(id, period);
    const current = ledgerTotal(entries);
    const p = progress(current, target.target);
    const expected = expectedProgress(state.asOf, period.start, period.end);
    return {
      id, period: period.id, current, target: target.target, periodStart: period.start, periodEnd: period.end,
      progress: p, expectedProgress: expected, status: kpiStatus(p, expected), asOf: state.asOf,
      targetTxHash: target.txHash, entries, state, periodModel: period,
    };
  });
}

function recordSector(state: AllianceState, e: RegistryEventModel): string | null {
  if (e.kind === 'stage') return state.scenarios.get(e.scenarioId)?.sector ?? null;
  if (e.kind === 'membership' && e.sector) return e.sector;
  return state.members.get(e.member)?.sector ?? null;
}

function sliceKey(state: AllianceState, by: string) {
  return (e: LedgerEntry) => {
    const m = state.members.get(e.record.member);
    switch (by) {
      case 'MEMBER':
        return { key: e.record.member, label: m?.name || e.record.member, member: e.record.member };
      case 'SECTOR': {
        const s = recordSector(state, e.record) ?? 'unknown';
        return { key: s, label: s };
      }
      case 'REGION': {
        const r = m ? (m.country === 'CN' ? 'DOMESTIC' : 'OVERSEAS') : 'UNKNOWN';
        return { key: r, label: r };
      }
      default: {
        const c = m?.country || 'unknown';
        return { key: c, label: c };
      }
    }
  };
}

function kpiBreakdown(k: KpiModel, by: string, limit: number | null | undefined) {
  const n = limit ?? 10;
  if (!Number.isInteger(n) || n < 1 || n > 50) throw badInput('limit must be from 1 to 50');
  return k.state.cached(`breakdown:${k.id}:${k.period}:${by}:${n}`, () =>
    breakdown(k.entries, sliceKey(k.state, by), by === 'MEMBER' ? n : undefined),
  );
}

const member = async (ctx: Context, address: string | null | undefined): Promise<MemberModel | null> =>
  address ? ((await ctx.head.allianceState()).members.get(address) ?? null) : null;

const eventFields = {
  time: (e: RegistryEventModel) => e.time,
  date: (e: RegistryEventModel) => dateString(e.time),
  member: (e: RegistryEventModel, _: unknown, ctx: Context) => member(ctx, e.member),
  transaction: async (e: RegistryEventModel, _: unknown, ctx: Context) => (await ctx.loaders.txByHash.load(e.txHash)) ?? null,
};

function stageFilter(stage: string | null | undefined): StageName | undefined {
  return (stage ?? undefined) as StageName | undefined;
}

async function* newBlocks(ctx: Context): AsyncGenerator<{ newBlock: BlockRow }> {
  const queue: BlockRow[] = [];
  let wake: (() => void) | undefined;
  const unsubscribe = ctx.head.subscribe((b) => {
    queue.push(b);
    wake?.();
  });
  try {
    for (;;) {
      while (queue.length) yield { newBlock: queue.shift()! };
      await new Promise<void>((r) => (wake = r));
      wake = undefined;
    }
  } finally {
    unsubscribe();
  }
}

async function chainStats(ctx: Context, metric: string, interval: IntervalT, fromArg?: number | null, toArg?: number | null) {
  const head = ctx.head.current;
  const latest = head.latestBlockTime ?? Math.floor(Date.now() / 1000);
  const to = toArg ?? (dayNumber(latest) + 1) * 86_400;
  const from = fromArg ?? to - 90 * 86_400;
  if (from >= to) throw badInput('from must be before to');
  let list: Array<{ from: number; to: number }>;
  try {
    list = buckets(from, to - 1, interval, 5000);
  } catch {
    throw badInput('too many points: use a larger interval or a shorter range');
  }
  const firstDay = dayNumber(list[0]!.from);
  const lastDay = dayNumber(list[list.length - 1]!.to) - 1;
  const points = list.map((b) => ({ date: dateString(b.from), from: b.from, to: b.to, value: 0 }));
  const indexOf = (day: number) => {
    // buckets are sorted: binary search the one holding this day
    const t = day * 86_400;
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid]!.from <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  if (metric === 'ACTIVE_ACCOUNTS' && interval !== 'DAY') {
    const rows = await ctx.db
      .selectFrom('daily_active_accounts')
      .select(['day', 'address'])
      .where('day', '>=', firstDay)
      .where('day', '<=', lastDay)
      .execute();
    const sets = points.map(() => new Set<string>());
    for (const r of rows) sets[indexOf(r.day)]!.add(r.address);
    sets.forEach((s, i) => (points[i]!.value = s.size));
    return points;
  }
  const rows = await ctx.db
    .selectFrom('daily_stats')
    .selectAll()
    .where('day', '>=', firstDay)
    .where('day', '<=', lastDay)
    .orderBy('day')
    .execute();
  const span = points.map(() => ({ time: 0, gaps: 0 }));
  for (const r of rows) {
    const i = indexOf(r.day);
    const p = points[i]!;
    switch (metric) {
      case 'TRANSACTIONS':
        p.value += Number(r.tx_count);
        break;
      case 'BLOCKS':
        p.value += Number(r.block_count);
        break;
      case 'GAS_USED':
        p.value += Number(r.gas_used);
        break;
      case 'ACTIVE_ACCOUNTS':
        p.value += Number(r.active_accounts);
        break;
      case 'AVG_BLOCK_TIME':
        span[i]!.time += Number(r.last_block_time) - Number(r.first_block_time);
        span[i]!.gaps += Math.max(0, Number(r.block_count) - 1);
        break;
    }
  }
  if (metric === 'AVG_BLOCK_TIME') span.forEach((s, i) => (points[i]!.value = s.gaps ? s.time / s.gaps : 0));
  return points;
}

export const resolvers: Resolvers = {
  BigInt: BigIntScalar,
  Timestamp: TimestampScalar,

  Query: {
    status: (_p, _a, ctx) => ctx.head.current,

    block: async (_p, { number, hash }, ctx) => {
      if ((number == null) === (hash == null)) throw badInput('give exactly one of number or hash');
      const row = number != null
        ? await ctx.loaders.blockByNumber.load(v.blockNumber(number, 'number'))
        : await ctx.loaders.blockByHash.load(v.hash32(hash!));
      if (row) markFinal(ctx, Number(row.number));
      else ctx.cache.finalOnly = false;
      return row ?? null;
    },

    blocks: async (_p, { first, after }, ctx) => {
      const n = v.pageSize(first);
      let q = ctx.db.selectFrom('blocks').selectAll().orderBy('number', 'desc').limit(n + 1);
      if (after != null) q = q.where('number', '<', v.decodeNumericCursor(after, 'block', 1)[0]!);
      const rows = await q.execute();
      for (const r of rows) ctx.loaders.blockByNumber.prime(Number(r.number), r);
      return connection(rows, n, (b) => v.encodeCursor('block', b.number));
    },

    transaction: async (_p, { hash }, ctx) => {
      const row = await ctx.loaders.txByHash.load(v.hash32(hash));
      if (row) markFinal(ctx, Number(row.block_number));
      else ctx.cache.finalOnly = false;
      return row ?? null;
    },

    transactions: (_p, args, ctx) => txPage(ctx, args),

    account: (_p, { address }, ctx) => ctx.loaders.account.load(v.address(address)),

    search: async (_p, { query }, ctx) => {
      const q = query.trim();
      if (q.length === 0 || q.length > 200) throw badInput('query must be 1–200 characters');
      if (/^\d{1,15}$/.test(q)) return (await ctx.loaders.blockByNumber.load(Number(q))) ?? null;
      if (/^0x[0-9a-fA-F]{64}$/.test(q)) {
        const h = q.toLowerCase();
        const [tx, block] = await Promise.all([ctx.loaders.txByHash.load(h), ctx.loaders.blockByHash.load(h)]);
        return tx ?? block ?? null;
      }
      if (/^0x[0-9a-fA-F]{40}$/.test(q)) {
        const a = q.toLowerCase();
        const m = await member(ctx, a);
        return m ?? ctx.loaders.account.load(a);
      }
      const state = await ctx.head.allianceState();
      const needle = q.toLowerCase();
      const rank = (m: MemberModel) => {
        const { en, zh } = splitName(m.name);
        const names = [en.toLowerCase(), zh.toLowerCase(), m.name.toLowerCase()];
        if (names.includes(needle)) return 0;
        if (names.some((x) => x.startsWith(needle))) return 1;
        if (names.some((x) => x.includes(needle))) return 2;
        return 3;
      };
      let best: MemberModel | null = null;
      let bestRank = 3;
      for (const m of state.membersSorted) {
        const r = rank(m) + (m.active ? 0 : 0.5);
        if (r < bestRank) {
          best = m;
          bestRank = r;
        }
      }
      return best;
    },

    alliance: () => ({}),

    kpis: async (_p, { period }, ctx) => {
      const state = await ctx.head.allianceState();
      const p = resolvePeriod(state, period);
      if (!p) return [];
      return KPI_ORDER.map((id) => buildKpi(state, id, p)).filter((k): k is KpiModel => k !== null);
    },

    kpi: async (_p, { id, period }, ctx) => {
      const state = await ctx.head.allianceState();
      const p = resolvePeriod(state, period);
      return p ? buildKpi(state, id, p) : null;
    },

    members: async (_p, args, ctx) => {
      const state = await ctx.head.allianceState();
      const country = args.country?.toUpperCase();
      const order = args.orderBy ?? 'NAME';
      const list = state.cached(`members:${country}:${args.sector}:${args.region}:${args.includeRemoved}:${order}`, () => {
        const filtered = state.membersSorted.filter(
          (m) =>
            (args.includeRemoved || m.active) &&
            (!country || m.country === country) &&
            (!args.sector || m.sector === args.sector) &&
            (!args.region || (m.country === 'CN') === (args.region === 'DOMESTIC')),
        );
        const cmp: Record<string, (a: MemberModel, b: MemberModel) => number> = {
          NAME: () => 0,
          PATENTS: (a, b) => b.patentCount - a.patentCount,
          OUTPUT_VALUE: (a, b) => (b.outputValue > a.outputValue ? 1 : b.outputValue < a.outputValue ? -1 : 0),
          ADMITTED_AT: (a, b) => b.admittedAt - a.admittedAt,
        };
        return [...filtered].sort(cmp[order]); // stable: ties stay in name order
      });
      return v.pageList(list, (m) => m.address, 'member', args.first, args.after);
    },

    member: async (_p, { address }, ctx) => member(ctx, v.address(address)),

    patents: async (_p, args, ctx) => {
      const state = await ctx.head.allianceState();
      const who = args.member != null ? v.address(args.member, 'member') : undefined;
      const list = state.cached(`patents:${who}:${args.from}:${args.to}`, () =>
        state.patents.filter(
          (p) => (!who || p.member === who) && (args.from == null || p.filedAt >= args.from) && (args.to == null || p.filedAt < args.to),
        ),
      );
      return v.pageList(list, eventKey, 'patent', args.first, args.after);
    },

    scenarios: async (_p, args, ctx) => {
      const state = await ctx.head.allianceState();
      const stage = stageFilter(args.stage);
      const list = state.scenariosSorted.filter((s) => (!stage || s.stage === stage) && (!args.sector || s.sector === args.sector));
      return v.pageList(list, (s) => String(s.id), 'scenario', args.first, args.after);
    },

    outputReports: async (_p, args, ctx) => {
      const state = await ctx.head.allianceState();
      const who = args.member != null ? v.address(args.member, 'member') : undefined;
      if (args.period != null && !/^\d{4}[1-4]$/.test(String(args.period))) throw badInput('period must be a quarter written YYYYQ, e.g. 20202');
      const list = state.cached(`reports:${who}:${args.period}:${args.includeSuperseded}`, () =>
        state.reports.filter(
          (r) => (!who || r.member === who) && (args.period == null || r.period === args.period) && (args.includeSuperseded !== false || !r.superseded),
        ),
      );
      return v.pageList(list, eventKey, 'report', args.first, args.after);
    },

    chainStats: (_p, { metric, interval, from, to }, ctx) => chainStats(ctx, metric, interval ?? 'DAY', from, to),
  },

  Subscription: {
    newBlock: {
      subscribe: (_p, _a, ctx) => newBlocks(ctx),
    },
  },

  Status: {
    isDevnet: (s) => s.chainId === DEVNET_CHAIN_ID,
    lag: (s) => Math.max(0, s.chainHead - s.indexedHead),
    syncing: (s) => s.chainHead - s.indexedHead > SYNCING_LAG,
  },

  Block: {
    number: (b) => Number(b.number),
    parentHash: (b) => b.parent_hash,
    parent: async (b, _a, ctx) => (Number(b.number) > 0 ? ((await ctx.loaders.blockByNumber.load(Number(b.number) - 1)) ?? null) : null),
    timestamp: (b) => Number(b.timestamp),
    minerMember: (b, _a, ctx) => member(ctx, b.miner),
    gasUsed: (b) => String(b.gas_used),
    gasLimit: (b) => String(b.gas_limit),
    baseFeePerGas: (b) => (b.base_fee_per_gas == null ? null : String(b.base_fee_per_gas)),
    txCount: (b) => b.tx_count,
    confirmations: (b, _a, ctx) => Math.max(0, ctx.head.current.indexedHead - Number(b.number) + 1),
    finalized: (b, _a, ctx) => ctx.head.current.indexedHead - Number(b.number) + 1 >= FINAL_CONFIRMATIONS,
    transactions: (b, { first, after }, ctx) => txPage(ctx, { block: Number(b.number), first, after }),
  },

  Transaction: {
    blockNumber: (t) => Number(t.block_number),
    block: async (t, _a, ctx) => (await ctx.loaders.blockByNumber.load(Number(t.block_number)))!,
    index: (t) => t.tx_index,
    timestamp: (t) => Number(t.timestamp),
    from: (t) => t.from_address,
    to: (t) => t.to_address,
    fromMember: (t, _a, ctx) => member(ctx, t.from_address),
    toMember: (t, _a, ctx) => member(ctx, t.to_address),
    value: (t) => String(t.value),
    nonce: (t) => Number(t.nonce),
    gas: (t) => String(t.gas),
    gasPrice: (t) => (t.gas_price == null ? null : String(t.gas_price)),
    maxFeePerGas: (t) => (t.max_fee_per_gas == null ? null : String(t.max_fee_per_gas)),
    maxPriorityFeePerGas: (t) => (t.max_priority_fee_per_gas == null ? null : String(t.max_priority_fee_per_gas)),
    methodId: (t) => (t.input.length >= 10 ? t.input.slice(0, 10) : null),
    status: (t) => (t.status === 1 ? 'SUCCESS' : 'FAILED'),
    gasUsed: (t) => String(t.gas_used),
    effectiveGasPrice: (t) => String(t.effective_gas_price),
    fee: (t) => (BigInt(t.gas_used) * BigInt(String(t.effective_gas_price))).toString(),
    contractAddress: (t) => t.contract_address,
    decodedCall: (t) => decoded(t.method_name, t.method_args),
    logs: (t, _a, ctx) => ctx.loaders.logsByTx.load(t.hash),
  },

  Log: {
    logIndex: (l) => l.log_index,
    blockNumber: (l) => Number(l.block_number),
    txHash: (l) => l.tx_hash,
    txIndex: (l) => l.tx_index,
    topics: (l) => [l.topic0, l.topic1, l.topic2, l.topic3].filter((t): t is string => t != null),
    decoded: (l) => decoded(l.event_name, l.event_args),
  },

  Account: {
    isContract: (a) => !!a.row?.is_contract,
    txCount: (a) => Number(a.row?.tx_count ?? 0),
    firstSeenBlock: (a) => (a.row ? Number(a.row.first_seen_block) : null),
    creationTx: (a) => a.row?.creation_tx ?? null,
    member: (a, _a, ctx) => member(ctx, a.address),
    transactions: (a, { first, after }, ctx) => txPage(ctx, { address: a.address, first, after }),
  },

  SearchResult: {
    __resolveType: (obj) => {
      if ('parent_hash' in obj) return 'Block';
      if ('from_address' in obj) return 'Transaction';
      if ('history' in obj) return 'Member';
      return 'Account';
    },
  },

  Alliance: {
    name: () => 'Chongqing Blockchain Innovation Alliance',
    chainName: () => 'Yu Express Chain',
    launchDate: () => ALLIANCE_LAUNCH_DATE,
    registry: (_a, _args, ctx) => ctx.head.current.registry,
    memberCount: async (_a, _args, ctx) => (await ctx.head.allianceState()).membersSorted.filter((m) => m.active).length,
    domesticMemberCount: async (_a, _args, ctx) =>
      (await ctx.head.allianceState()).membersSorted.filter((m) => m.active && m.country === 'CN').length,
    overseasMemberCount: async (_a, _args, ctx) =>
      (await ctx.head.allianceState()).membersSorted.filter((m) => m.active && m.country !== 'CN').length,
    periods: async (_a, _args, ctx) => (await ctx.head.allianceState()).periods,
    currentPeriod: async (_a, _args, ctx) => (await ctx.head.allianceState()).currentPeriod ?? null,
    quarterlyOutput: async (_a, { period }, ctx) => {
      const state = await ctx.head.allianceState();
      const p = period != null ? resolvePeriod(state, period) : undefined;
      if (period != null && !p) return [];
      return state.cached(`quarterly:${p?.id}`, () => {
        const sums = new Map<number, { amount: bigint; members: Set<string> }>();
        for (const r of state.reports) {
          if (r.superseded || (p && !quarterInPeriod(r.period, p.start, p.end))) continue;
          const s = sums.get(r.period) ?? { amount: 0n, members: new Set<string>() };
          s.amount += r.amount;
          s.members.add(r.member);
          sums.set(r.period, s);
        }
        return [...sums.entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([quarter, s]) => ({
            quarter, label: quarterLabel(quarter), ...quarterRange(quarter), amount: s.amount.toString(), memberCount: s.members.size,
          }));
      });
    },
    breakdown: async (_a, { kpi, by, period, limit }, ctx) => {
      const state = await ctx.head.allianceState();
      const p = resolvePeriod(state, period);
      const k = p ? buildKpi(state, kpi, p) : null;
      return k ? kpiBreakdown(k, by, limit) : [];
    },
    scenarioPipeline: async (_a, _args, ctx) => {
      const state = await ctx.head.allianceState();
      return (['PILOT', 'IN_DEPTH', 'RETIRED'] as const).map((stage) => ({
        stage, count: state.scenariosSorted.filter((s) => s.stage === stage).length,
      }));
    },
    sectors: async (_a, _args, ctx) => {
      const state = await ctx.head.allianceState();
      const counts = new Map<string, number>();
      for (const m of state.membersSorted) if (m.active) counts.set(m.sector, (counts.get(m.sector) ?? 0) + 1);
      return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([sector, count]) => ({ sector, count }));
    },
  },

  PlanPeriod: {
    startDate: (p) => dateString(p.start),
    endDate: (p) => dateString(p.end),
  },

  Kpi: {
    current: (k) => k.current.toString(),
    target: (k) => k.target.toString(),
    series: (k, { interval }) => {
      const iv = interval ?? 'MONTH';
      return k.state.cached(`series:${k.id}:${k.period}:${iv}`, () =>
        kpiSeries(k.entries, { periodStart: k.periodStart, periodEnd: k.periodEnd, asOf: k.asOf, target: k.target, interval: iv }).map(
          (p) => ({ ...p, value: p.value.toString(), delta: p.delta.toString() }),
        ),
      );
    },
    evidence: (k, args) => {
      const who = args.member != null ? v.address(args.member, 'member') : undefined;
      const country = args.country?.toUpperCase();
      const key = `evidence:${k.id}:${k.period}:${args.from}:${args.to}:${who}:${args.sector}:${args.region}:${country}:${args.countedOnly}`;
      const list = k.state.cached(key, () =>
        k.entries
          .filter((e) => {
            if (args.countedOnly && !e.counted) return false;
            if (args.from != null && e.time < args.from) return false;
            if (args.to != null && e.time >= args.to) return false;
            if (who && e.record.member !== who) return false;
            const m = k.state.members.get(e.record.member);
            if (args.sector && recordSector(k.state, e.record) !== args.sector) return false;
            if (args.region && (m?.country === 'CN') !== (args.region === 'DOMESTIC')) return false;
            if (country && m?.country !== country) return false;
            return true;
          })
          .reverse(),
      );
      const page = v.pageList(list, (e) => eventKey(e.record), 'evidence', args.first, args.after);
      return {
        ...page,
        edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.record, counted: edge.node.counted, delta: edge.node.delta })),
      };
    },
    breakdown: (k, { by, limit }) => kpiBreakdown(k, by, limit),
  },

  EvidenceEdge: {
    delta: (e) => e.delta.toString(),
  },

  BreakdownSlice: {
    value: (s) => s.value.toString(),
    member: (s, _a, ctx) => member(ctx, s.member),
  },

  RegistryEvent: {
    __resolveType: (e) =>
      e.kind === 'patent' ? 'Patent' : e.kind === 'report' ? 'OutputReport' : e.kind === 'stage' ? 'ScenarioStageChange' : 'MembershipChange',
  },

  Patent: { ...eventFields },

  OutputReport: {
    ...eventFields,
    periodLabel: (r) => quarterLabel(r.period),
    amount: (r) => r.amount.toString(),
  },

  ScenarioStageChange: {
    ...eventFields,
    scenario: async (c, _a, ctx) => (await ctx.head.allianceState()).scenarios.get(c.scenarioId)!,
  },

  MembershipChange: {
    ...eventFields,
    kind: (e) => (e.change === 'admitted' ? 'ADMITTED' : 'REMOVED'),
  },

  Scenario: {
    nameEn: (s: ScenarioModel) => splitName(s.name).en,
    nameZh: (s: ScenarioModel) => splitName(s.name).zh,
    leadMember: (s, _a, ctx) => member(ctx, s.leadMember),
    leadMemberAddress: (s) => s.leadMember,
  },

  Member: {
    nameEn: (m) => splitName(m.name).en,
    nameZh: (m) => splitName(m.name).zh,
    domestic: (m) => m.country === 'CN',
    region: (m) => (m.country === 'CN' ? 'DOMESTIC' : 'OVERSEAS'),
    outputValue: (m) => m.outputValue.toString(),
    patents: async (m, { first, after }, ctx) => {
      const state = await ctx.head.allianceState();
      const list = state.cached(`patents:${m.address}:undefined:undefined`, () => state.patents.filter((p) => p.member === m.address));
      return v.pageList(list, eventKey, 'patent', first, after);
    },
    reports: async (m, { first, after }, ctx) => {
      const state = await ctx.head.allianceState();
      const list = state.cached(`reports:${m.address}:undefined:true`, () => state.reports.filter((r) => r.member === m.address));
      return v.pageList(list, eventKey, 'report', first, after);
    },
    scenarios: async (m, _a, ctx) => (await ctx.head.allianceState()).scenariosSorted.filter((s) => s.leadMember === m.address),
    account: (m, _a, ctx) => ctx.loaders.account.load(m.address),
  },
};

