// KPI maths: pure functions, no database.
import { describe, expect, it } from 'vitest';
import { expectedProgress, kpiStatus, progress } from '../api/kpi/maths';
import { linkReports, memberLedger, outputLedger, patentLedger, scenarioLedger, ledgerTotal } from '../api/kpi/ledger';
import { breakdown, kpiSeries } from '../api/kpi/series';
import { bucketStart, buckets, nextBucket, quarterInPeriod, quarterRange, dateString } from '../api/kpi/time';
import type { MembershipModel, PatentModel, ReportModel, StageChangeModel } from '../api/models';
import type { ScenarioStage } from '../api/generated/enums';
import { checkLimits, measure } from '../api/limits';
import { parse, getOperationAST } from 'graphql';
import { decodeCursor, encodeCursor, pageList } from '../api/validate';

const T = (iso: string) => Date.parse(iso) / 1000;
let seq = 0;
const base = (at: number, member = '0xa') => ({ blockNumber: ++seq, logIndex: 0, txHash: `0x${seq}`, at, time: at, member });
const patent = (filedAt: number, member = '0xa'): PatentModel => ({
  ...base(filedAt + 10, member), time: filedAt, kind: 'patent', applicationNoHex: '0x', applicationNo: `P${seq}`, title: 't', filedAt,
});
const report = (period: number, amount: bigint, at: number, member = '0xa'): ReportModel => ({
  ...base(at, member), kind: 'report', period, amount, superseded: false, supersededBy: null, previous: null,
});
const stage = (id: number, s: ScenarioStage, at: number, prev: ScenarioStage | null, isLaunch = false): StageChangeModel => ({
  ...base(at), kind: 'stage', scenarioId: id, stage: s, previousStage: prev, isLaunch,
});
const member = (m: string, change: 'admitted' | 'removed', at: number): MembershipModel => ({
  ...base(at, m), kind: 'membership', change, name: 'A / 甲', country: 'CN', sector: 'finance',
});

const START = T('2020-04-14T00:00:00Z');
const END = T('2025-04-14T00:00:00Z');

describe('progress, pace and status', () => {
  it('progress is current / target', () => {
    expect(progress(250n, 1000n)).toBe(0.25);
    expect(progress(5_000_000_000n, 5_000_000_000n)).toBe(1);
    expect(progress(0n, 0n)).toBe(0);
  });
  it('expected progress is the elapsed share, capped at 1 and floored at 0', () => {
    expect(expectedProgress(START, START, END)).toBe(0);
    expect(expectedProgress((START + END) / 2, START, END)).toBe(0.5);
    expect(expectedProgress(END + 86400 * 100, START, END)).toBe(1);
    expect(expectedProgress(START - 100, START, END)).toBe(0);
  });
  it('status thresholds are ±0.05 around expected', () => {
    expect(kpiStatus(1, 0.2)).toBe('ACHIEVED');
    expect(kpiStatus(1.3, 1)).toBe('ACHIEVED');
    expect(kpiStatus(0.55, 0.5)).toBe('AHEAD');
    expect(kpiStatus(0.549, 0.5)).toBe('ON_TRACK');
    expect(kpiStatus(0.45, 0.5)).toBe('ON_TRACK');
    expect(kpiStatus(0.449, 0.5)).toBe('BEHIND');
    expect(kpiStatus(0.99, 1)).toBe('ON_TRACK');
    expect(kpiStatus(0.9, 1)).toBe('BEHIND');
  });
});

describe('ledgers', () => {
  it('patents count by filedAt inside the period, not by block time', () => {
    const l = patentLedger([patent(START - 1), patent(START), patent(END - 1), patent(END)], START, END);
    expect(ledgerTotal(l)).toBe(2n);
    expect(l.map((e) => e.time)).toEqual([START, END - 1]);
  });

  it('output value takes the latest report per member and quarter; corrections replace', () => {
    const r1 = report(20202, 100n, T('2020-07-02T00:00:00Z'));
    const r2 = report(20202, 150n, T('2020-08-01T00:00:00Z')); // correction
    const r3 = report(20202, 70n, T('2020-07-03T00:00:00Z'), '0xb');
    const r4 = report(20251, 999n, T('2025-04-02T00:00:00Z')); // most of 2025 Q1 is before END: counts
    const r7 = report(20252, 888n, T('2025-07-01T00:00:00Z')); // only 13 days of 2025 Q2 are: next plan's
    const r5 = report(20253, 500n, T('2025-10-01T00:00:00Z')); // outside the period
    const r6 = report(20201, 400n, T('2020-04-20T00:00:00Z')); // Q1 ends before START
    const linked = linkReports([r3, r2, r1, r4, r5, r6, r7]);
    expect(r1.superseded).toBe(true);
    expect(r1.supersededBy).toBe(r2);
    expect(r2.previous).toBe(r1);
    const l = outputLedger(linked, START, END);
    expect(ledgerTotal(l)).toBe(150n + 70n + 999n);
    expect(l.find((e) => e.record === r2)!.delta).toBe(50n);
    expect(l.filter((e) => e.counted).reduce((s, e) => s + e.contribution, 0n)).toBe(150n + 70n + 999n);
    expect(quarterInPeriod(20202, START, END)).toBe(true);
    expect(quarterInPeriod(20201, START, END)).toBe(false);
    expect(quarterInPeriod(20253, START, END)).toBe(false);
    // Plan ends mid-quarter: the quarter with most of its days inside counts, the other not.
    expect(quarterInPeriod(20251, T('2020-04-14T00:00:00+08:00'), T('2025-04-14T00:00:00+08:00'))).toBe(true);
    expect(quarterInPeriod(20252, T('2020-04-14T00:00:00+08:00'), T('2025-04-14T00:00:00+08:00'))).toBe(false);
    expect(quarterInPeriod(20202, T('2020-04-14T00:00:00+08:00'), T('2025-04-14T00:00:00+08:00'))).toBe(true);
    expect(quarterInPeriod(20205, START, END)).toBe(false);
  });

  it('scenarios count when their latest stage is in-depth', () => {
    const changes = [
      stage(1, 'PILOT', T('2020-05-01T00:00:00Z'), null, true),
      stage(1, 'IN_DEPTH', T('2020-09-01T00:00:00Z'), 'PILOT'),
      stage(2, 'PILOT', T('2020-05-02T00:00:00Z'), null, true),
      stage(2, 'IN_DEPTH', T('2020-10-01T00:00:00Z'), 'PILOT'),
      stage(2, 'RETIRED', T('2021-10-01T00:00:00Z'), 'IN_DEPTH'),
      stage(3, 'PILOT', T('2020-05-03T00:00:00Z'), null, true),
    ];
    const l = scenarioLedger(changes);
    expect(ledgerTotal(l)).toBe(1n);
    expect(l.filter((e) => e.counted).length).toBe(1);
    expect(l.map((e) => e.delta)).toEqual([1n, 1n, -1n]);
  });

  it('members are admitted and not removed; re-admission counts once', () => {
    const l = memberLedger([
      member('0x1', 'admitted', START + 1),
      member('0x2', 'admitted', START + 2),
      member('0x2', 'removed', START + 3),
      member('0x3', 'admitted', START + 4),
      member('0x3', 'removed', START + 5),
      member('0x3', 'admitted', START + 6),
    ]);
    expect(ledgerTotal(l)).toBe(2n);
    expect(l.filter((e) => e.counted).map((e) => e.record.member)).toEqual(['0x1', '0x3']);
  });
});

describe('series and breakdowns', () => {
  it('buckets months, ISO weeks and quarters in UTC', () => {
    expect(dateString(bucketStart(T('2020-04-14T12:00:00Z'), 'MONTH'))).toBe('2020-04-01');
    expect(dateString(bucketStart(T('2020-04-14T12:00:00Z'), 'WEEK'))).toBe('2020-04-13'); // a Monday
    expect(dateString(bucketStart(T('2020-05-14T12:00:00Z'), 'QUARTER'))).toBe('2020-04-01');
    expect(dateString(nextBucket(T('2020-12-01T00:00:00Z'), 'MONTH'))).toBe('2021-01-01');
    expect(quarterRange(20204)).toEqual({ from: T('2020-10-01T00:00:00Z'), to: T('2021-01-01T00:00:00Z') });
    expect(buckets(START, START + 86400 * 2.5, 'DAY').length).toBe(3);
  });

  it('is cumulative, ends at the current value and carries the pace line', () => {
    const l = patentLedger([patent(START + 10), patent(T('2020-05-20T00:00:00Z')), patent(T('2020-06-02T00:00:00Z')), patent(T('2020-06-30T00:00:00Z') + 86400 * 400)], START, END);
    const asOf = T('2020-06-15T00:00:00Z');
    const s = kpiSeries(l, { periodStart: START, periodEnd: END, asOf, target: 1000n, interval: 'MONTH' });
    expect(s.map((p) => p.date)).toEqual(['2020-04-01', '2020-05-01', '2020-06-01']);
    expect(s.map((p) => p.value)).toEqual([1n, 2n, 4n]); // the future-dated filing lands at asOf
    expect(s.map((p) => p.delta)).toEqual([1n, 1n, 2n]);
    expect(s[2]!.expected).toBeCloseTo(1000 * expectedProgress(asOf, START, END), 6);
    expect(s[0]!.expected).toBeCloseTo(1000 * expectedProgress(T('2020-05-01T00:00:00Z'), START, END), 6);
  });

  it('starts from the value before the period', () => {
    const l = memberLedger([member('0x1', 'admitted', START - 1000), member('0x2', 'admitted', START + 86400 * 40)]);
    const s = kpiSeries(l, { periodStart: START, periodEnd: END, asOf: START + 86400 * 45, target: 100n, interval: 'MONTH' });
    expect(s.map((p) => p.value)).toEqual([1n, 2n]);
  });

  it('breaks down by key with a top-N and a rest slice', () => {
    const ps = ['0x1', '0x1', '0x1', '0x2', '0x2', '0x3'].map((m) => patent(START + 5, m));
    const l = patentLedger(ps, START, END);
    const b = breakdown(l, (e) => ({ key: e.record.member, label: e.record.member }), 2);
    expect(b.map((x) => [x.key, x.value, x.isRest])).toEqual([['0x1', 3n, false], ['0x2', 2n, false], ['REST', 1n, true]]);
    expect(b.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 5);
  });
});

describe('limits and cursors', () => {
  const m = (q: string, vars?: Record<string, unknown>) => {
    const doc = parse(q);
    return { m: measure(doc, getOperationAST(doc)!, vars), err: checkLimits(doc, getOperationAST(doc)!, vars) };
  };
  it('measures depth through fragments, aliases and page-size cost', () => {
    expect(m('{ a { b { c } } }').m.depth).toBe(3);
    expect(m('query { ...F } fragment F on Query { a { b } }').m.depth).toBe(2);
    expect(m('{ x: a y: a z: a }').m.aliases).toBe(3);
    expect(m('{ blocks(first: 100) { edges { node { transactions(first: 100) { edges { node { hash } } } } } } }').m.cost).toBeGreaterThan(10_000);
    expect(m('query($n: Int) { blocks(first: $n) { edges { node { hash } } } }', { n: 5 }).m.cost).toBeLessThan(20);
    expect(m('{ status { chainId } }').err).toBeUndefined();
    const deep = `{ ${'a { '.repeat(20)}b${' }'.repeat(20)} }`;
    expect(m(deep).err?.message).toMatch(/levels deep/);
  });
  it('cursors round-trip and reject garbage', () => {
    expect(decodeCursor(encodeCursor('tx', 5, 2), 'tx', 2)).toEqual(['5', '2']);
    expect(() => decodeCursor('!!!', 'tx', 2)).toThrow(/cursor/);
    expect(() => decodeCursor(encodeCursor('block', 5), 'tx', 2)).toThrow(/cursor/);
    const page = pageList([1, 2, 3], String, 'n', 2, null);
    expect(page.edges.map((e) => e.node)).toEqual([1, 2]);
    expect(pageList([1, 2, 3], String, 'n', 2, page.pageInfo.endCursor).edges.map((e) => e.node)).toEqual([3]);
  });
});
