// The API over a devnet with years of simulated history, indexed by the real indexer, on
// SQLite and PostgreSQL. Values are checked against the node through viem, and every KPI
// against an independent count of the registry's events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, decodeFunctionData, http, type PublicClient } from 'viem';
import { allianceRegistryAbi, bytes32ToAscii } from '../contracts/registry';
import { DEVNET_CHAIN_ID } from '../config/constants';
import { bucketStart, dateString } from '../api/kpi/time';
import { startApiWorld, freshDatabaseUrl, gql, type ApiWorld } from './helpers/api';

const PHASE1_START = Date.parse('2020-04-14T00:00:00+08:00') / 1000;
const PHASE2_START = Date.parse('2025-04-14T00:00:00+08:00') / 1000;
const PHASE2_END = Date.parse('2030-04-14T00:00:00+08:00') / 1000;

type Ev = { eventName: string; args: Record<string, any>; blockNumber: bigint; logIndex: number; transactionHash: string };

/**
 * The KPI rules (docs/architecture.md), computed straight from the chain's events for the plan period
 * that starts at `periodStart` (default: the latest targets set). An ended period counts
 * members and scenarios as they stood at its end, and is ACHIEVED or MISSED.
 */
function independentKpis(events: Ev[], now: number, periodStart?: number) {
  const sorted = [...events].sort((a, b) => Number(a.blockNumber - b.blockNumber) || a.logIndex - b.logIndex);
  const targets = new Map<string, { target: bigint; start: number; end: number }>();
  for (const e of sorted) {
    const a = e.args;
    if (e.eventName === 'TargetSet' && (periodStart === undefined || Number(a.periodStart) === periodStart)) {
      targets.set(bytes32ToAscii(a.kpi), { target: a.target, start: Number(a.periodStart), end: Number(a.periodEnd) });
    }
  }
  const { start, end } = targets.get('patents')!;
  // Members and in-depth scenarios as they stood before `cutoff`; the latest report per (member, quarter).
  const standing = (cutoff: number) => {
    const members = new Map<string, boolean>();
    const stages = new Map<bigint, number>();
    const reports = new Map<string, { period: number; amount: bigint }>();
    for (const e of sorted) {
      const a = e.args;
      const before = a.at === undefined || Number(a.at) < cutoff;
      switch (e.eventName) {
        case 'MemberAdmitted':
          if (before) members.set(a.member.toLowerCase(), true);
          break;
        case 'MemberRemoved':
          if (before) members.set(a.member.toLowerCase(), false);
          break;
        case 'ScenarioLaunched':
          if (before) stages.set(a.scenarioId, 0);
          break;
        case 'ScenarioStageChanged':
          if (before) stages.set(a.scenarioId, Number(a.stage));
          break;
        case 'OutputReported': {
          const key = `${a.member.toLowerCase()}:${a.period}`;
          reports.set(key, { period: Number(a.period), amount: a.amountCny });
          break;
        }
      }
    }
    const inDepth = BigInt([...stages.values()].filter((s) => s === 1).length);
    return { members: BigInt([...members.values()].filter(Boolean).length), inDepth, reports };
  };
  const { reports, ...atEnd } = standing(end);
  const atStart = standing(start);
  // A quarter counts toward the plan that holds most of its days (its midpoint).
  const quarterCounts = (q: number) => {
    const y = Math.floor(q / 10);
    const n = q % 10;
    const from = Date.UTC(y, (n - 1) * 3, 1) / 1000;
    const to = Date.UTC(y, n * 3, 1) / 1000;
    return (from + to) / 2 >= start && (from + to) / 2 < end;
  };
  const current = {
    PATENTS: BigInt(sorted.filter((e) => e.eventName === 'PatentFiled' && Number(e.args.filedAt) >= start && Number(e.args.filedAt) < end).length),
    SCENARIOS: atEnd.inDepth,
    OUTPUT_VALUE: [...reports.values()].filter((r) => quarterCounts(r.period)).reduce((s, r) => s + r.amount, 0n),
    MEMBERS: atEnd.members,
  };
  // Stocks count their pace from where they stood when the period began; flows from 0.
  const startLevel = { PATENTS: 0n, SCENARIOS: atStart.inDepth, OUTPUT_VALUE: 0n, MEMBERS: atStart.members };
  const keyOf = { PATENTS: 'patents', SCENARIOS: 'scenarios', OUTPUT_VALUE: 'outputValue', MEMBERS: 'members' } as const;
  const out: Record<string, any> = {};
  for (const id of Object.keys(current) as Array<keyof typeof current>) {
    const t = targets.get(keyOf[id])!;
    const progress = Number(current[id]) / Number(t.target);
    const expected = Math.min(1, Math.max(0, (now - t.start) / (t.end - t.start)));
    // DESIGN.md: the projected figure at period end, at the pace since the start, against 110 / 100 / 90 % of the target.
    const elapsed = BigInt(Math.max(0, Math.min(now, t.end) - t.start));
    const gain = current[id] - startLevel[id];
    const projected = elapsed > 0n && now < t.end ? current[id] + (gain > 0n ? (gain * BigInt(t.end - now)) / elapsed : 0n) : null;
    const share = (p: number) => projected !== null && projected * 100n >= t.target * BigInt(p);
    const status =
      current[id] >= t.target ? 'ACHIEVED' : now >= t.end ? 'MISSED' : share(110) ? 'AHEAD' : share(100) ? 'ON_TRACK' : share(90) ? 'AT_RISK' : 'BEHIND';
    out[id] = {
      current: current[id], target: t.target, start: t.start, end: t.end, progress, expected, status, startLevel: startLevel[id],
      projected: current[id] >= t.target ? null : projected,
    };
  }
  return out;
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`API over an indexed devnet (${dialect})`, () => {
    let w: ApiWorld;
    let chain: PublicClient;
    let events: Ev[];
    let head: bigint;
    let now: number;
    const q = (query: string, variables?: Record<string, unknown>) => gql(w.server.url, query, variables);
    const data = async (query: string, variables?: Record<string, unknown>) => {
      const r = await q(query, variables);
      expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
      return r.body.data;
    };

    beforeAll(async () => {
      w = await startApiWorld(await freshDatabaseUrl(dialect, `api_${dialect}`));
      chain = createPublicClient({ transport: http(w.devnet.rpcUrl, { batch: { batchSize: 200 } }) });
      head = await chain.getBlockNumber();
      now = Number((await chain.getBlock({ blockNumber: head })).timestamp);
      events = (await chain.getContractEvents({ address: w.devnet.registry, abi: allianceRegistryAbi, fromBlock: 0n, toBlock: head })) as unknown as Ev[];
      await w.server.head.poll();
    });
    afterAll(async () => w?.close());

    it('status matches the node', async () => {
      const d = await data('{ status { chainId isDevnet chainHead indexedHead lag syncing registry latestBlockTime latestBlockHash } }');
      expect(d.status).toMatchObject({
        chainId: DEVNET_CHAIN_ID, isDevnet: true, indexedHead: Number(head), lag: 0, syncing: false,
        registry: w.devnet.registry.toLowerCase(), latestBlockTime: now,
      });
      expect(await chain.getChainId()).toBe(DEVNET_CHAIN_ID);
      expect(d.status.latestBlockHash).toBe((await chain.getBlock({ blockNumber: head })).hash);
    });

    it('blocks by number, by hash and as a connection match the node', async () => {
      for (const n of [1n, head / 2n, head]) {
        const b = await chain.getBlock({ blockNumber: n });
        const byNumber = await data(`query($n: Int) { block(number: $n) { number hash parentHash timestamp miner gasUsed gasLimit baseFeePerGas txCount size transactions(first: 100) { edges { node { hash } } } } }`, { n: Number(n) });
        expect(byNumber.block).toMatchObject({
          number: Number(n), hash: b.hash, parentHash: b.parentHash, timestamp: Number(b.timestamp), miner: b.miner.toLowerCase(),
          gasUsed: b.gasUsed.toString(), gasLimit: b.gasLimit.toString(), baseFeePerGas: b.baseFeePerGas?.toString() ?? null,
          txCount: b.transactions.length, size: Number(b.size),
        });
        expect(byNumber.block.transactions.edges.map((e: any) => e.node.hash)).toEqual(b.transactions.slice(0, 100));
        const byHash = await data(`query($h: String) { block(hash: $h) { number } }`, { h: b.hash.toUpperCase().replace('0X', '0x') });
        expect(byHash.block.number).toBe(Number(n));
      }
      const p1 = await data('{ blocks(first: 3) { edges { cursor node { number } } pageInfo { hasNextPage endCursor } } }');
      expect(p1.blocks.edges.map((e: any) => e.node.number)).toEqual([Number(head), Number(head) - 1, Number(head) - 2]);
      const p2 = await data('query($a: String) { blocks(first: 3, after: $a) { edges { node { number } } } }', { a: p1.blocks.pageInfo.endCursor });
      expect(p2.blocks.edges.map((e: any) => e.node.number)).toEqual([Number(head) - 3, Number(head) - 4, Number(head) - 5]);
      expect(await data('{ block(number: 99999999) { number } }')).toEqual({ block: null });
    });

    it('a registry transaction, its logs and decoded call match the node', async () => {
      const patent = events.find((e) => e.eventName === 'PatentFiled')!;
      const tx = await chain.getTransaction({ hash: patent.transactionHash as `0x${string}` });
      const rc = await chain.getTransactionReceipt({ hash: tx.hash });
      const d = await data(`query($h: String!) { transaction(hash: $h) { hash blockNumber index from to value nonce gas status gasUsed effectiveGasPrice fee input methodId
        fromMember { address nameEn } block { hash } decodedCall { name args { name value } }
        logs { logIndex address topics data decoded { name args { name value } } } } }`, { h: tx.hash });
      const t = d.transaction;
      expect(t).toMatchObject({
        hash: tx.hash, blockNumber: Number(tx.blockNumber), index: tx.transactionIndex, from: tx.from.toLowerCase(), to: tx.to!.toLowerCase(),
        value: tx.value.toString(), nonce: tx.nonce, gas: tx.gas.toString(), status: rc.status === 'success' ? 'SUCCESS' : 'FAILED',
        gasUsed: rc.gasUsed.toString(), effectiveGasPrice: rc.effectiveGasPrice.toString(), fee: (rc.gasUsed * rc.effectiveGasPrice).toString(),
        input: tx.input, methodId: tx.input.slice(0, 10), block: { hash: tx.blockHash },
      });
      expect(t.fromMember.address).toBe(tx.from.toLowerCase());
      const call = decodeFunctionData({ abi: allianceRegistryAbi, data: tx.input });
      expect(t.decodedCall.name).toBe(call.functionName);
      expect(t.decodedCall.args.map((a: any) => a.name)).toEqual(['applicationNo', 'title', 'filedAt']);
      expect(t.decodedCall.args[1].value).toBe((call.args as unknown as unknown[])[1]);
      expect(t.logs.length).toBe(rc.logs.length);
      rc.logs.forEach((l, i) => {
        expect(t.logs[i]).toMatchObject({ logIndex: l.logIndex, address: l.address.toLowerCase(), topics: l.topics, data: l.data });
      });
      expect(t.logs[0].decoded.name).toBe('PatentFiled');
    });

    it('account history pages cover exactly what the account did', async () => {
      const m = w.devnet.members[0]!.toLowerCase();
      const sent = await chain.getTransactionCount({ address: m as `0x${string}` });
      const acct = await data('query($a: String!) { account(address: $a) { address txCount isContract member { address } } }', { a: m.toUpperCase().replace('0X', '0x') });
      expect(acct.account).toMatchObject({ address: m, isContract: false, member: { address: m } });
      const hashes: string[] = [];
      let after: string | null = null;
      let sentSeen = 0;
      for (;;) {
        const page: any = await data('query($a: String, $after: String) { transactions(address: $a, first: 100, after: $after) { edges { node { hash from to blockNumber index } } pageInfo { hasNextPage endCursor } } }', { a: m, after });
        for (const e of page.transactions.edges) {
          hashes.push(e.node.hash);
          expect([e.node.from, e.node.to]).toContain(m);
          if (e.node.from === m) sentSeen++;
        }
        if (!page.transactions.pageInfo.hasNextPage) break;
        after = page.transactions.pageInfo.endCursor;
      }
      expect(new Set(hashes).size).toBe(hashes.length);
      expect(hashes.length).toBe(acct.account.txCount);
      expect(sentSeen).toBe(sent);
      const reg = await data('query($a: String!) { account(address: $a) { isContract creationTx } }', { a: w.devnet.registry });
      expect(reg.account.isContract).toBe(true);
      const created = await chain.getTransactionReceipt({ hash: reg.account.creationTx });
      expect(created.contractAddress?.toLowerCase()).toBe(w.devnet.registry.toLowerCase());
    });

    it('every KPI matches an independent count of registry events', async () => {
      const expected = independentKpis(events, now);
      const d = await data('{ kpis { id current target periodStart periodEnd progress expectedProgress status startLevel projectedAtEnd asOf series(interval: MONTH) { value from to } evidence(first: 1) { totalCount } } }');
      expect(d.kpis.map((k: any) => k.id)).toEqual(['PATENTS', 'SCENARIOS', 'OUTPUT_VALUE', 'MEMBERS']);
      for (const k of d.kpis) {
        const e = expected[k.id];
        expect(k.current, k.id).toBe(e.current.toString());
        expect(k.target, k.id).toBe(e.target.toString());
        expect(k.periodStart).toBe(e.start);
        expect(k.periodEnd).toBe(e.end);
        expect(k.progress).toBeCloseTo(e.progress, 6);
        expect(k.expectedProgress).toBeCloseTo(e.expected, 9);
        expect(k.status, k.id).toBe(e.status);
        expect(k.startLevel, k.id).toBe(e.startLevel.toString());
        expect(k.projectedAtEnd, k.id).toBe(e.projected?.toString() ?? null);
        expect(k.asOf).toBe(now);
        expect(k.series.at(-1).value, `${k.id} series ends at current`).toBe(k.current);
      }
      expect(d.kpis[0].evidence.totalCount).toBe(Number(expected.PATENTS.current));
      // Phase 2 is the current plan and counts only its own records (the counts above).
      const all = await data('{ alliance { currentPeriod { id start } periods { id start end } } }');
      expect(all.alliance.periods.map((p: any) => [p.start, p.end])).toEqual([[PHASE1_START, PHASE2_START], [PHASE2_START, PHASE2_END]]);
      expect(all.alliance.currentPeriod.id).toBe(all.alliance.periods[1].id);
      expect(d.kpis.every((k: any) => k.periodStart === PHASE2_START)).toBe(true);
      // Clicking a point: evidence within the point's range sums to the point's change (phase 1:
      // phase 2's first quarter is not reported yet at this history's end).
      const p1 = all.alliance.periods[0].id;
      const kpi = await data('query($p: String) { kpi(id: OUTPUT_VALUE, period: $p) { series(interval: QUARTER) { from to delta } } }', { p: p1 });
      const point = kpi.kpi.series.find((p: any) => p.delta !== '0');
      // Every page of it: the sum holds however many records the quarter has.
      const edges: any[] = [];
      let totalCount = -1;
      for (let after: string | null = null; ; ) {
        const ev = await data(
          'query($f: Timestamp, $t: Timestamp, $p: String, $after: String) { kpi(id: OUTPUT_VALUE, period: $p) { evidence(from: $f, to: $t, first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { delta counted node { __typename txHash blockNumber date member { name } ... on OutputReport { period amount superseded } } } } } }',
          { f: point.from, t: point.to, p: p1, after },
        );
        totalCount = ev.kpi.evidence.totalCount;
        edges.push(...ev.kpi.evidence.edges);
        if (!ev.kpi.evidence.pageInfo.hasNextPage) break;
        after = ev.kpi.evidence.pageInfo.endCursor;
      }
      expect(edges.length).toBe(totalCount);
      expect(edges.length).toBeGreaterThan(0);
      const sum = edges.reduce((s: bigint, e: any) => s + BigInt(e.delta), 0n);
      expect(sum.toString()).toBe(point.delta);
      for (const e of edges) {
        expect(e.node.__typename).toBe('OutputReport');
        expect(e.counted).toBe(!e.node.superseded);
      }
    });

    it('the ended phase 1 is ACHIEVED or MISSED, with its figures as they stood at its end', async () => {
      const expected = independentKpis(events, now, PHASE1_START);
      const { alliance } = await data('{ alliance { periods { id start } } }');
      const id = alliance.periods.find((p: any) => p.start === PHASE1_START).id;
      const d = await data('query($p: String) { kpis(period: $p) { id current target progress expectedProgress status ended reachedAt periodEnd series(interval: MONTH) { from to value expected } } }', { p: id });
      const statuses: Record<string, string> = {};
      for (const k of d.kpis) {
        const e = expected[k.id];
        statuses[k.id] = k.status;
        expect(k.current, k.id).toBe(e.current.toString());
        expect(k.status, k.id).toBe(e.status);
        expect(k.ended).toBe(true);
        expect(k.expectedProgress).toBe(1);
        if (k.status === 'ACHIEVED') expect(k.reachedAt).toBeLessThan(PHASE2_START);
        else expect(k.reachedAt).toBeNull();
        // The series (and its pace line) stops at the period end, where it equals the figure.
        const last = k.series.at(-1);
        expect(last.from).toBeLessThan(k.periodEnd);
        expect(last.to).toBeGreaterThanOrEqual(k.periodEnd);
        expect(last.value).toBe(k.current);
        expect(last.expected).toBe(Number(k.target));
      }
      // Seed 1's phase 1: patents, scenarios and members met; output value ended short (about 99 %).
      expect(statuses).toEqual({ PATENTS: 'ACHIEVED', SCENARIOS: 'ACHIEVED', OUTPUT_VALUE: 'MISSED', MEMBERS: 'ACHIEVED' });
      const output = d.kpis.find((k: any) => k.id === 'OUTPUT_VALUE');
      expect(output.progress).toBeGreaterThan(0.95);
    });

    it('breakdowns sum to the KPI, and superseded reports match the corrections on chain', async () => {
      const d = await data('{ kpi(id: OUTPUT_VALUE) { current breakdown(by: MEMBER, limit: 10) { key value isRest member { name } } } alliance { breakdown(kpi: PATENTS, by: REGION) { key value } kpiSectors: breakdown(kpi: MEMBERS, by: SECTOR) { value } scenarioPipeline { stage count } } }');
      const sum = d.kpi.breakdown.reduce((s: bigint, x: any) => s + BigInt(x.value), 0n);
      expect(sum.toString()).toBe(d.kpi.current);
      expect(d.kpi.breakdown.length).toBeLessThanOrEqual(11);
      const corrections = new Map<string, number>();
      for (const e of events.filter((x) => x.eventName === 'OutputReported')) {
        const k = `${e.args.member.toLowerCase()}:${e.args.period}`;
        corrections.set(k, (corrections.get(k) ?? 0) + 1);
      }
      const superseded = [...corrections.values()].reduce((s, n) => s + n - 1, 0);
      const all = await data('{ a: outputReports(first: 1) { totalCount } b: outputReports(first: 1, includeSuperseded: false) { totalCount } }');
      expect(all.a.totalCount).toBe(events.filter((x) => x.eventName === 'OutputReported').length);
      expect(all.a.totalCount - all.b.totalCount).toBe(superseded);
      const launched = events.filter((x) => x.eventName === 'ScenarioLaunched').length;
      expect(d.alliance.scenarioPipeline.reduce((s: number, x: any) => s + x.count, 0)).toBe(launched);
    });

    it('members, member details and scenarios match the events', async () => {
      const admitted = events.filter((e) => e.eventName === 'MemberAdmitted');
      const last = admitted.at(-1)!;
      const addr = last.args.member.toLowerCase();
      const d = await data('query($a: String!) { member(address: $a) { address name nameEn nameZh country sector active patentCount patents(first: 100) { totalCount } scenarios { id } } members(first: 100) { totalCount } }', { a: addr });
      expect(d.member).toMatchObject({ address: addr, name: last.args.name, country: last.args.country, sector: last.args.sector });
      if (last.args.name.includes(' / ')) expect(`${d.member.nameEn} / ${d.member.nameZh}`).toBe(last.args.name);
      const patents = events.filter((e) => e.eventName === 'PatentFiled' && e.args.member.toLowerCase() === addr).length;
      expect(d.member.patentCount).toBe(patents);
      expect(d.member.patents.totalCount).toBe(patents);
      const kpi = await data('{ kpi(id: MEMBERS) { current } alliance { memberCount domesticMemberCount overseasMemberCount } }');
      expect(d.members.totalCount).toBe(Number(kpi.kpi.current));
      expect(kpi.alliance.memberCount).toBe(d.members.totalCount);
      expect(kpi.alliance.domesticMemberCount + kpi.alliance.overseasMemberCount).toBe(kpi.alliance.memberCount);
      const ordered = await data('{ members(first: 5, orderBy: PATENTS) { edges { node { patentCount } } } }');
      const counts = ordered.members.edges.map((e: any) => e.node.patentCount);
      expect([...counts].sort((a, b) => b - a)).toEqual(counts);

      const changed = events.find((e) => e.eventName === 'ScenarioStageChanged')!;
      const id = Number(changed.args.scenarioId);
      const history = events.filter((e) => (e.eventName === 'ScenarioStageChanged' || e.eventName === 'ScenarioLaunched') && Number(e.args.scenarioId) === id);
      const s = await data('{ scenarios(first: 100) { totalCount edges { node { id stage stages { stage isLaunch txHash } } } } }');
      const node = s.scenarios.edges.find((e: any) => e.node.id === id).node;
      expect(node.stages.map((x: any) => x.txHash)).toEqual(history.map((e) => e.transactionHash));
      const lastStage = history.at(-1)!.eventName === 'ScenarioLaunched' ? 0 : Number(history.at(-1)!.args.stage);
      expect(node.stage).toBe(['PILOT', 'IN_DEPTH', 'RETIRED'][lastStage]);
    });

    it('search finds blocks, transactions, accounts and members by English or Chinese name', async () => {
      const admitted = events.find((e) => e.eventName === 'MemberAdmitted' && e.args.name.includes(' / '))!;
      const [en, zh] = admitted.args.name.split(' / ');
      const S = 'query($q: String!) { search(query: $q) { __typename ... on Block { number } ... on Transaction { hash } ... on Account { address } ... on Member { address } } }';
      expect((await data(S, { q: '5' })).search).toEqual({ __typename: 'Block', number: 5 });
      expect((await data(S, { q: admitted.transactionHash })).search).toEqual({ __typename: 'Transaction', hash: admitted.transactionHash });
      const b = await chain.getBlock({ blockNumber: 3n });
      expect((await data(S, { q: b.hash })).search).toEqual({ __typename: 'Block', number: 3 });
      expect((await data(S, { q: zh })).search).toEqual({ __typename: 'Member', address: admitted.args.member.toLowerCase() });
      expect((await data(S, { q: en.toUpperCase() })).search).toEqual({ __typename: 'Member', address: admitted.args.member.toLowerCase() });
      expect((await data(S, { q: w.devnet.registry })).search).toEqual({ __typename: 'Account', address: w.devnet.registry.toLowerCase() });
      expect((await data(S, { q: 'no such thing at all' })).search).toBeNull();
    });

    it('chainStats totals match the chain, each active account once per bucket', async () => {
      const d = await data('query($f: Timestamp) { blocks: chainStats(metric: BLOCKS, interval: MONTH, from: $f) { value } txs: chainStats(metric: TRANSACTIONS, interval: QUARTER, from: $f) { date value } gas: chainStats(metric: GAS_USED, interval: DAY, from: "2020-04-10") { value } avg: chainStats(metric: AVG_BLOCK_TIME, interval: DAY) { value } }', { f: 0 });
      const total = (xs: any[]) => xs.reduce((s, x) => s + x.value, 0);
      expect(total(d.blocks)).toBe(Number(head) + 1);
      let txs = 0;
      let gas = 0n;
      const blocks = await Promise.all(Array.from({ length: Number(head) + 1 }, (_, i) => chain.getBlock({ blockNumber: BigInt(i), includeTransactions: true })));
      for (const b of blocks) {
        txs += b.transactions.length;
        gas += b.gasUsed;
      }
      expect(total(d.txs)).toBe(txs);
      expect(BigInt(total(d.gas))).toBe(gas);
      expect(d.avg.every((p: any) => p.value >= 0)).toBe(true);

      // Each account active in a bucket counts once there, however many days it was active.
      for (const interval of ['DAY', 'WEEK', 'MONTH', 'QUARTER'] as const) {
        const distinct = new Map<string, Set<string>>();
        for (const b of blocks) {
          const date = dateString(bucketStart(Number(b.timestamp), interval));
          const set = distinct.get(date) ?? new Set<string>();
          distinct.set(date, set);
          for (const tx of b.transactions) {
            set.add(tx.from.toLowerCase());
            if (tx.to) set.add(tx.to.toLowerCase());
          }
        }
        const a = await data(`query($f: Timestamp) { chainStats(metric: ACTIVE_ACCOUNTS, interval: ${interval}, from: $f) { date value } }`, { f: Number(blocks[0]!.timestamp) });
        const got = new Map((a.chainStats as { date: string; value: number }[]).filter((p) => p.value > 0).map((p) => [p.date, p.value]));
        expect(got, interval).toEqual(new Map([...distinct].filter(([, set]) => set.size > 0).map(([date, set]) => [date, set.size])));
      }
    });

  });
}
