// The shared KPI rules (rules/): pure, no database, no browser.
import { describe, expect, it } from 'vitest';
import { EPSILON, expectedProgress, kpiStatus, planTime, progress, reachedAt, shortfall, STATUS_BAND } from '../rules/kpi';
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

describe('status', () => {
  const running = (p: number, expected: number) => kpiStatus({ progress: p, expected, ended: false });
  it('uses the ±0.05 band, exact boundaries on the generous side', () => {
    expect(STATUS_BAND).toBe(0.05);
    expect(running(1, 0.2)).toBe('ACHIEVED');
    expect(running(1.3, 1)).toBe('ACHIEVED');
    expect(running(0.55, 0.5)).toBe('AHEAD');
    expect(running(0.549, 0.5)).toBe('ON_TRACK');
    expect(running(0.45, 0.5)).toBe('ON_TRACK');
    expect(running(0.449, 0.5)).toBe('BEHIND');
    // 0.1 + 0.2 style noise just under a boundary still counts as on it...
    expect(running(0.35 - EPSILON / 10, 0.3)).toBe('AHEAD');
    // ...but a real shortfall does not.
    expect(running(0.35 - 1e-6, 0.3)).toBe('ON_TRACK');
  });
  it('an ended period is ACHIEVED or MISSED, never on track', () => {
    expect(kpiStatus({ progress: 0.991, expected: 1, ended: true })).toBe('MISSED');
    expect(kpiStatus({ progress: 0.999999999, expected: 1, ended: true })).toBe('MISSED');
    expect(kpiStatus({ progress: 1, expected: 1, ended: true })).toBe('ACHIEVED');
    expect(kpiStatus({ progress: 0.991, expected: 1, ended: false })).toBe('ON_TRACK');
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
