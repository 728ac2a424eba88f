// Plan-period semantics of the API's KPI maths: an ended period's figure, status and
// reached date; members and scenarios as they stood at the end; year-over-year figures.
import { describe, expect, it } from 'vitest';
import { kpiFigure } from '../api/kpi/figure';
import { linkReports, memberLedger, outputLedger, patentLedger, scenarioLedger } from '../api/kpi/ledger';
import { kpiSeries } from '../api/kpi/series';
import { yearOverYear } from '../api/kpi/yearly';
import type { MembershipModel, PatentModel, ReportModel, StageChangeModel, StageName } from '../api/models';

const T = (iso: string) => Date.parse(iso) / 1000;
let seq = 0;
const base = (at: number, member = '0xa') => ({ blockNumber: ++seq, logIndex: 0, txHash: `0x${seq}`, at, time: at, member });
const patent = (filedAt: number, member = '0xa'): PatentModel => ({
  ...base(filedAt + 10, member), time: filedAt, kind: 'patent', applicationNoHex: '0x', applicationNo: `P${seq}`, title: 't', filedAt,
});
const report = (period: number, amount: bigint, at: number, member = '0xa'): ReportModel => ({
  ...base(at, member), kind: 'report', period, amount, superseded: false, supersededBy: null, previous: null,
});
const stage = (id: number, s: StageName, at: number, prev: StageName | null): StageChangeModel => ({
  ...base(at), kind: 'stage', scenarioId: id, stage: s, previousStage: prev, isLaunch: false,
});
const member = (m: string, change: 'admitted' | 'removed', at: number): MembershipModel => ({
  ...base(at, m), kind: 'membership', change, name: 'A / 甲', country: 'CN', sector: 'finance',
});

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
