// KPI maths: pure functions, no database.
import { describe, expect, it } from 'vitest';
import { expectedProgress } from '../rules/kpi';
import { quarterInPeriod, quarterRange } from '../rules/quarter';
import { kpiFigure } from '../api/kpi/figure';
import { yearOverYear } from '../api/kpi/yearly';
import { linkReports, memberLedger, outputLedger, patentLedger, scenarioLedger, ledgerTotal } from '../api/kpi/ledger';
import { breakdown, kpiSeries } from '../api/kpi/series';
import { bucketStart, buckets, nextBucket, dateString } from '../api/kpi/time';
import type { MembershipModel, PatentModel, ReportModel, StageChangeModel } from '../api/models';
import type { ScenarioStage } from '../api/generated/enums';
import { checkLimits, measure } from '../api/limits';
import { parse, getOperationAST } from 'graphql';
import { decodeCursor, encodeCursor, pageList } from '../api/validate';
import { AllianceState } from '../api/state';

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

// progress, expected progress and status: test/rules.test.ts (the shared rules).

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

// ---- plan periods: an ended period's figure, status and reached date; year over year ----

const P1 = { start: T('2020-04-13T16:00:00Z'), end: T('2025-04-13T16:00:00Z') };
const P2 = { start: P1.end, end: T('2030-04-13T16:00:00Z') };
const NOW = T('2026-11-25T00:00:00Z');

describe('an ended period', () => {
  it('is MISSED when short, with the figure at its end and no reached date', () => {
    const reports = linkReports([report(20244, 600n, T('2025-01-20T00:00:00Z')), report(20251, 391n, T('2025-04-20T00:00:00Z')), report(20252, 5000n, T('2025-07-10T00:00:00Z'))]);
    const entries = outputLedger(reports, P1.start, P1.end);
    const f = kpiFigure(entries, 1000n, P1, NOW);
    // 2025 Q1 is reported after the period ended and still counts (its quarter is inside);
    // 2025 Q2 belongs to the next plan.
    expect(f.current).toBe(991n);
    expect(f).toMatchObject({ status: 'MISSED', ended: true, reachedAt: null, figureAt: P1.end, expectedProgress: 1 });
    expect(f.progress).toBeCloseTo(0.991, 9);
  });
  it('is ACHIEVED when the target was met, with the date it was', () => {
    const patents = [patent(T('2021-01-05T00:00:00Z')), patent(T('2022-03-01T00:00:00Z')), patent(T('2024-06-01T00:00:00Z'))];
    const f = kpiFigure(patentLedger(patents, P1.start, P1.end), 2n, P1, NOW);
    expect(f).toMatchObject({ status: 'ACHIEVED', current: 3n, reachedAt: T('2022-03-01T00:00:00Z') });
  });
  it('counts members and scenarios as they stood at its end', () => {
    const events = [
      member('0x1', 'admitted', T('2020-05-01T00:00:00Z')),
      member('0x2', 'admitted', T('2021-05-01T00:00:00Z')),
      member('0x2', 'removed', T('2024-05-01T00:00:00Z')),
      member('0x3', 'admitted', T('2025-06-01T00:00:00Z')),
      member('0x2', 'admitted', T('2026-01-01T00:00:00Z')),
    ];
    const atEnd = memberLedger(events, P1.end);
    expect(kpiFigure(atEnd, 2n, P1, NOW)).toMatchObject({ current: 1n, status: 'MISSED', reachedAt: T('2021-05-01T00:00:00Z') });
    expect(atEnd.filter((e) => e.counted).map((e) => e.record.member)).toEqual(['0x1']);
    expect(kpiFigure(memberLedger(events, P2.end), 3n, P2, NOW)).toMatchObject({ current: 3n, status: 'ACHIEVED', ended: false });
    const changes = [stage(1, 'IN_DEPTH', T('2022-01-01T00:00:00Z'), 'PILOT'), stage(2, 'IN_DEPTH', T('2025-05-01T00:00:00Z'), 'PILOT')];
    expect(kpiFigure(scenarioLedger(changes, P1.end), 1n, P1, NOW).current).toBe(1n);
    expect(kpiFigure(scenarioLedger(changes, P2.end), 1n, P2, NOW).current).toBe(2n);
  });
  it('its series stops at the end, where the pace line reaches the target', () => {
    const entries = patentLedger([patent(T('2021-01-05T00:00:00Z')), patent(T('2025-04-01T00:00:00Z'))], P1.start, P1.end);
    const f = kpiFigure(entries, 10n, P1, NOW);
    const s = kpiSeries(entries, { periodStart: P1.start, periodEnd: P1.end, asOf: f.figureAt, target: 10n, interval: 'QUARTER' });
    expect(s.at(-1)!.date).toBe('2025-04-01');
    expect(s.at(-1)!.value).toBe(2n);
    expect(s.at(-1)!.expected).toBe(10);
  });
});

describe('a running period', () => {
  it('keeps the pace statuses and counts only its own records', () => {
    const patents = [patent(T('2024-01-01T00:00:00Z')), patent(T('2025-05-01T00:00:00Z')), patent(T('2026-02-01T00:00:00Z'))];
    const f = kpiFigure(patentLedger(patents, P2.start, P2.end), 10n, P2, NOW);
    expect(f).toMatchObject({ current: 2n, ended: false, status: 'BEHIND', figureAt: NOW });
    expect(f.expectedProgress).toBeCloseTo((NOW - P2.start) / (P2.end - P2.start), 9);
  });
});

describe('year over year', () => {
  it('sums patents by filing year and output by quarter year, with changes', () => {
    const patents = [patent(T('2023-02-01T00:00:00Z')), patent(T('2023-05-01T00:00:00Z')), patent(T('2024-05-01T00:00:00Z')), patent(T('2026-03-01T00:00:00Z'))];
    const reports = linkReports([
      report(20234, 100n, T('2024-01-10T00:00:00Z')),
      report(20241, 50n, T('2024-04-10T00:00:00Z')),
      report(20241, 150n, T('2024-04-20T00:00:00Z')), // corrects the 50
      report(20244, 100n, T('2025-01-10T00:00:00Z')),
    ]);
    const rows = yearOverYear(patents, reports, NOW);
    expect(rows.map((r) => r.year)).toEqual([2023, 2024, 2025, 2026]);
    expect(rows[0]).toMatchObject({ complete: true, patents: 2, patentsChange: null, outputValue: 100n, outputValueChange: null });
    expect(rows[1]).toMatchObject({ patents: 1, patentsChange: -1, patentsChangeShare: -0.5, outputValue: 250n, outputValueChange: 150n, outputValueChangeShare: 1.5 });
    expect(rows[2]).toMatchObject({ patents: 0, patentsChange: -1, outputValue: 0n, outputValueChange: -250n });
    expect(rows[3]).toMatchObject({ complete: false, patents: 1, patentsChangeShare: null, outputValueChangeShare: null });
  });
});

const DAY = 86_400;

describe('the plan in force', () => {
  const target = (start: number, end: number, n: number) => ({
    kpi: 'PATENTS' as const, target: 10n, periodStart: start, periodEnd: end, txHash: `0x${n}`, blockNumber: n, logIndex: 0,
  });
  const state = (asOf: number, targets = [target(P1.start, P1.end, 1), target(P2.start, P2.end, 2)]) => new AllianceState(asOf, [], [], [], [], [], targets);
  it('is the period containing the head time, and the default period', () => {
    const s = state(NOW);
    expect(s.currentPeriod?.start).toBe(P2.start);
    expect(s.period(null)?.start).toBe(P2.start);
    expect(state(P1.end - 1).currentPeriod?.start).toBe(P1.start);
  });
  it('is none between or after plans; the default is then the latest plan', () => {
    const after = state(P2.end + 1);
    expect(after.currentPeriod).toBeUndefined();
    expect(after.period(null)?.start).toBe(P2.start);
    const gap = state(P1.end + DAY, [target(P1.start, P1.end, 1), target(P1.end + 30 * DAY, P2.end, 2)]);
    expect(gap.currentPeriod).toBeUndefined();
    expect(gap.period(null)?.start).toBe(P1.end + 30 * DAY);
    expect(state(P1.start - 1).currentPeriod).toBeUndefined();
  });
});
