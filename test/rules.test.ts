// The shared KPI rules (rules/): pure, no database, no browser.
import { describe, expect, it } from 'vitest';
import {
  expectedProgress, kpiStatus, levelAt, planTime, progress, projectedAtEnd, projectedShare, projectKpi, reachedAt, shortfall, STATUS_FLOORS,
} from '../rules/kpi';
import { isQuarter, parseQuarter, quarterInPeriod, quarterLabel, quarterOf, quarterRange, yearOf } from '../rules/quarter';
import { isDomestic, regionOf } from '../rules/region';

const T = (iso: string) => Date.parse(iso) / 1000;
const START = T('2020-04-13T16:00:00Z');
const END = T('2025-04-13T16:00:00Z');

describe('progress and plan time', () => {
  it('progress is current / target, floored so that short is never 1', () => {
    expect(progress(250n, 1000n)).toBe(0.25);
    expect(progress(5_000_000_000n, 5_000_000_000n)).toBe(1);
    expect(progress(4_999_999_999n, 5_000_000_000n)).toBeLessThan(1);
    expect(progress(0n, 0n)).toBe(0);
    expect(progress(3n, 0n)).toBe(1);
  });
  it('expected progress is the elapsed share, from 0 to 1', () => {
    expect(expectedProgress(START, START, END)).toBe(0);
    expect(expectedProgress((START + END) / 2, START, END)).toBe(0.5);
    expect(expectedProgress(END + 86_400 * 100, START, END)).toBe(1);
    expect(expectedProgress(START - 100, START, END)).toBe(0);
    expect(expectedProgress(START, START, START)).toBe(1);
    expect(expectedProgress(START - 1, START, START)).toBe(0);
  });
  it('plan time clamps elapsed and remaining and says when the period has ended', () => {
    expect(planTime(START, END, START - 1)).toMatchObject({ elapsed: 0, remaining: END - START, started: false, ended: false });
    expect(planTime(START, END, END - 1)).toMatchObject({ remaining: 1, ended: false });
    expect(planTime(START, END, END)).toMatchObject({ elapsed: END - START, remaining: 0, elapsedShare: 1, ended: true });
  });
});

describe('projection and status', () => {
  const DAY = 86_400;
  const LEN = END - START;
  const at = (now: number, current: bigint, o: { target?: bigint; startLevel?: bigint; reachedAt?: number | null } = {}) =>
    projectKpi({ current, target: o.target ?? 1000n, startLevel: o.startLevel ?? 0n, periodStart: START, periodEnd: END, now, reachedAt: o.reachedAt ?? null });
  const status = (now: number, current: bigint, o: { target?: bigint; startLevel?: bigint } = {}) => kpiStatus(at(now, current, o), o.target ?? 1000n);

  it('projects at the average pace since the period began, with the ETA', () => {
    const now = START + 100 * DAY;
    const p = at(now, 100n);
    expect(p).toEqual({ kind: 'eta', at: START + 1000 * DAY, withinPeriod: true, atPeriodEnd: 100n + BigInt(Math.floor((END - now) / DAY)) });
    expect(at(START + 1000 * DAY, 100n)).toMatchObject({ kind: 'eta', withinPeriod: false });
  });
  it('reached, missed, no pace and not begun', () => {
    expect(at(START + 70 * DAY, 1200n, { reachedAt: START + 30 * DAY })).toEqual({ kind: 'reached', at: START + 30 * DAY });
    expect(at(END + DAY, 991n)).toEqual({ kind: 'missed', shortBy: 9n, shortShare: expect.closeTo(0.009, 9) });
    expect(at(END, 500n)).toMatchObject({ kind: 'missed', shortBy: 500n });
    expect(at(END - 1, 500n)).toMatchObject({ kind: 'eta' });
    expect(at(START + DAY, 0n)).toEqual({ kind: 'noPace', atPeriodEnd: 0n });
    expect(at(START, 0n)).toEqual({ kind: 'notStarted' });
    expect(at(START - DAY, 5n)).toEqual({ kind: 'notStarted' });
    expect(projectedAtEnd(at(START + DAY, 0n))).toBe(0n);
    expect(projectedAtEnd(at(END, 0n))).toBeNull();
  });

  it('has its floors at 110, 100 and 90 % of the target, exactly', () => {
    expect(STATUS_FLOORS).toEqual([{ status: 'AHEAD', percent: 110 }, { status: 'ON_TRACK', percent: 100 }, { status: 'AT_RISK', percent: 90 }]);
    // Half-way through: the figure doubles by the end, so current x 2 is the projection.
    const half = START + LEN / 2;
    expect(status(half, 550n)).toBe('AHEAD'); // 1100 = 110 %
    expect(status(half, 549n)).toBe('ON_TRACK'); // 1098
    expect(status(half, 500n)).toBe('ON_TRACK'); // 1000 = 100 %
    expect(status(half, 499n)).toBe('AT_RISK'); // 998
    expect(status(half, 450n)).toBe('AT_RISK'); // 900 = 90 %
    expect(status(half, 449n)).toBe('BEHIND'); // 898
    expect(status(half, 1000n)).toBe('ACHIEVED');
  });

  it('early in a period, half the expected pace is BEHIND (the old ±5-point band called it on track)', () => {
    const early = START + LEN / 10; // 10 % elapsed
    expect(status(early, 50n)).toBe('BEHIND'); // 5 % done: projects 500
    expect(status(early, 90n)).toBe('AT_RISK'); // 900
    expect(status(early, 100n)).toBe('ON_TRACK'); // 1000
    expect(status(early, 110n)).toBe('AHEAD'); // 1100
    expect(status(early, 89n)).toBe('BEHIND');
  });

  it('late in a period, a KPI finishing at 97 % is AT_RISK, not BEHIND; at 100 % ON_TRACK', () => {
    const late = START + (LEN * 9) / 10; // 90 % elapsed
    expect(status(late, 873n)).toBe('AT_RISK'); // 970
    expect(status(late, 900n)).toBe('ON_TRACK'); // 1000
    expect(status(late, 809n)).toBe('BEHIND'); // 898
    expect(status(END - 1, 999n)).toBe('AT_RISK'); // a second left: 999 is 99.9 %
  });

  it('a stock counts its pace from the level at the period start', () => {
    const quarter = START + LEN / 4;
    expect(status(quarter, 102n, { target: 120n, startLevel: 100n })).toBe('AT_RISK'); // 100 + 2 x 4 = 108: 90 %
    expect(status(quarter, 101n, { target: 120n, startLevel: 100n })).toBe('BEHIND'); // 104: 86.7 %
    // 110 members at the start, aiming for 120: 10 to go. Half-way, 115 is exactly on track.
    const half = START + LEN / 2;
    expect(status(half, 115n, { target: 120n, startLevel: 110n })).toBe('ON_TRACK');
    expect(at(half, 115n, { target: 120n, startLevel: 110n })).toMatchObject({ kind: 'eta', atPeriodEnd: 120n, at: END });
    // Counted from zero, the same 115 would have read AHEAD (projecting 230).
    expect(status(half, 115n, { target: 120n })).toBe('AHEAD');
    expect(status(half, 113n, { target: 120n, startLevel: 110n })).toBe('AT_RISK'); // 116 = 96.7 %
    expect(status(half, 111n, { target: 120n, startLevel: 110n })).toBe('AT_RISK'); // 112 = 93.3 %
    // No gain since the start: it stays at its level, and is judged by it.
    expect(at(half, 110n, { target: 120n, startLevel: 110n })).toEqual({ kind: 'noPace', atPeriodEnd: 110n });
    expect(status(half, 110n, { target: 120n, startLevel: 110n })).toBe('AT_RISK'); // 110 = 91.7 %
    expect(status(half, 105n, { target: 120n, startLevel: 110n })).toBe('BEHIND');
  });

  it('the level at the start is the sum of the changes before it', () => {
    expect(levelAt([{ time: START - 10, delta: 3n }, { time: START - 5, delta: -1n }, { time: START, delta: 4n }], START)).toBe(2n);
    expect(levelAt([], START)).toBe(0n);
  });

  it('the projected share is floored to 0.1 % so it never shows across a floor', () => {
    expect(projectedShare(1099n, 1000n)).toBe(1.099);
    expect(projectedShare(8999n, 10_000n)).toBe(0.899);
    expect(projectedShare(5n, 0n)).toBe(1);
  });

  it('an ended period is ACHIEVED or MISSED, never on track', () => {
    expect(status(END, 991n)).toBe('MISSED');
    expect(status(END + DAY, 999n)).toBe('MISSED');
    expect(status(END, 1000n)).toBe('ACHIEVED');
    expect(status(END - 1, 991n)).toBe('AT_RISK');
  });
  it('shortfall gives the amount and the share of the target', () => {
    expect(shortfall(4_955_000_000n, 5_000_000_000n)).toEqual({ amount: 45_000_000n, share: expect.closeTo(0.009, 9) });
    expect(shortfall(1200n, 1000n)).toEqual({ amount: 0n, share: 0 });
  });
  it('reachedAt is the first change that brings the total to the target', () => {
    const changes = [{ time: 10, delta: 3n }, { time: 20, delta: 4n }, { time: 30, delta: -2n }, { time: 40, delta: 5n }];
    expect(reachedAt(changes, 7n)).toBe(20);
    expect(reachedAt(changes, 10n)).toBe(40);
    expect(reachedAt(changes, 11n)).toBeNull();
    expect(reachedAt(changes, 0n)).toBeNull();
  });
});

describe('quarters', () => {
  it('parses, ranges and labels YYYYQ', () => {
    expect(isQuarter(20202)).toBe(true);
    expect(isQuarter(20205)).toBe(false);
    expect(isQuarter(20200)).toBe(false);
    expect(parseQuarter(20243)).toEqual({ year: 2024, quarter: 3 });
    expect(quarterRange(20204)).toEqual({ from: T('2020-10-01T00:00:00Z'), to: T('2021-01-01T00:00:00Z') });
    expect(quarterOf(T('2020-04-14T02:00:00Z'))).toBe(20202);
    expect(quarterOf(T('2020-12-31T23:59:59Z'))).toBe(20204);
    expect(quarterLabel(20202)).toBe('2020 Q2');
    expect(quarterLabel(20243, 'zh-CN')).toBe('2024年Q3');
    expect(yearOf(T('2025-12-31T23:59:59Z'))).toBe(2025);
  });
  it('each quarter belongs to exactly one of two consecutive plans', () => {
    const NEXT = T('2030-04-13T16:00:00Z');
    for (const q of [20201, 20202, 20244, 20251, 20252, 20301, 20302]) {
      const inFirst = quarterInPeriod(q, START, END);
      const inSecond = quarterInPeriod(q, END, NEXT);
      expect(inFirst && inSecond).toBe(false);
    }
    expect(quarterInPeriod(20202, START, END)).toBe(true);
    expect(quarterInPeriod(20251, START, END)).toBe(true);
    expect(quarterInPeriod(20252, START, END)).toBe(false);
    expect(quarterInPeriod(20252, END, NEXT)).toBe(true);
    expect(quarterInPeriod(20201, START, END)).toBe(false);
    expect(quarterInPeriod(20205, START, END)).toBe(false);
  });
});

describe('region', () => {
  it('domestic means the ISO code CN, nothing else', () => {
    expect(isDomestic('CN')).toBe(true);
    expect(isDomestic(' cn ')).toBe(true);
    expect(isDomestic('中国')).toBe(false);
    expect(isDomestic('China')).toBe(false);
    expect(isDomestic('HK')).toBe(false);
    expect(isDomestic(null)).toBe(false);
    expect(regionOf('DE')).toBe('OVERSEAS');
    expect(regionOf('cn')).toBe('DOMESTIC');
  });
});
