import { describe, expect, it } from 'vitest';
import { formatDuration, kpiStatus, planTime, projectTarget, quarterLabel, splitDuration, topNWithRest, withGuideLines } from '../web/alliance/lib/kpi';
import { parseCsv, toCsv } from '../web/alliance/lib/csv';
import { patentsCsv } from '../web/alliance/components/PatentsTable';
import { columnsCsv, shownColumns, type Column } from '../web/alliance/lib/columns';
import { reportHeight, resizeMessage } from '../web/embed/resize';
import { barChartSvg, labelIndices, LIGHT, lineChartSvg, niceTicks } from '../web/embed/svgChart';
import { clipToRange, embedPath, iframeSnippet, parseEmbedOptions, parseEmbedPath } from '../web/embed/params';

const DAY = 86_400;
const start = Date.UTC(2020, 3, 14) / 1000;
const end = Date.UTC(2025, 3, 14) / 1000;

describe('plan time', () => {
  it('clamps elapsed and remaining to the period', () => {
    expect(planTime(start, end, start - DAY)).toMatchObject({ elapsed: 0, remaining: end - start, elapsedShare: 0, started: false });
    const mid = start + (end - start) / 2;
    expect(planTime(start, end, mid).elapsedShare).toBeCloseTo(0.5);
    expect(planTime(start, end, end + 10 * DAY)).toMatchObject({ elapsed: end - start, remaining: 0, elapsedShare: 1, ended: true });
  });
});

describe('status', () => {
  it('follows DESIGN.md thresholds', () => {
    expect(kpiStatus(1, 0.2)).toBe('ACHIEVED');
    expect(kpiStatus(0.56, 0.5)).toBe('AHEAD');
    expect(kpiStatus(0.55, 0.5)).toBe('AHEAD');
    expect(kpiStatus(0.45, 0.5)).toBe('ON_TRACK');
    expect(kpiStatus(0.44, 0.5)).toBe('BEHIND');
  });
});

describe('projection', () => {
  it('gives the ETA at the average pace so far', () => {
    const now = start + 100 * DAY;
    const p = projectTarget({ current: 100, target: 1000, periodStart: start, periodEnd: end, now });
    expect(p.kind).toBe('eta');
    if (p.kind !== 'eta') return;
    expect(p.at).toBe(start + 1000 * DAY);
    expect(p.withinPeriod).toBe(true);
    expect(p.atPeriodEnd).toBeCloseTo(100 + (end - now) / DAY, 5);
  });
  it('reports a late ETA as after the period', () => {
    const now = start + 1000 * DAY;
    const p = projectTarget({ current: 100, target: 1000, periodStart: start, periodEnd: end, now });
    expect(p).toMatchObject({ kind: 'eta', withinPeriod: false });
  });
  it('finds when the target was reached from the series', () => {
    const series = [
      { t: start, value: 400 },
      { t: start + 30 * DAY, value: 1000 },
      { t: start + 60 * DAY, value: 1200 },
    ];
    expect(projectTarget({ current: 1200, target: 1000, periodStart: start, periodEnd: end, now: start + 70 * DAY, series })).toEqual({
      kind: 'reached',
      at: start + 30 * DAY,
    });
  });
  it('says missed after the period and no pace without progress', () => {
    expect(projectTarget({ current: 500, target: 1000, periodStart: start, periodEnd: end, now: end + DAY })).toEqual({ kind: 'missed', final: 500, share: 0.5 });
    expect(projectTarget({ current: 0, target: 1000, periodStart: start, periodEnd: end, now: start + DAY })).toEqual({ kind: 'noPace' });
  });
});

describe('durations', () => {
  it('splits and formats in both languages', () => {
    expect(splitDuration(365.2425 * DAY * 3 + 61 * DAY)).toMatchObject({ years: 3, months: 2 });
    expect(formatDuration(365.2425 * DAY * 3 + 61 * DAY, 'en')).toBe('3 years 2 months');
    expect(formatDuration(365.2425 * DAY * 3 + 61 * DAY, 'zh-CN')).toBe('3年2个月');
    expect(formatDuration(5 * DAY, 'en')).toBe('5 days');
    expect(formatDuration(0, 'en')).toBe('0 days');
  });
});

describe('guide lines and breakdowns', () => {
  it('draws plan and pace lines', () => {
    const now = start + (end - start) / 2;
    const rows = withGuideLines([{ t: start, value: 0 }, { t: now, value: 250 }, { t: end, value: 250 }], { target: 1000, periodStart: start, periodEnd: end, now, current: 250 });
    expect(rows.map((r) => r.plan)).toEqual([0, 500, 1000]);
    expect(rows.map((r) => r.pace)).toEqual([0, 250, 500]);
  });
  it('keeps the top N and sums the rest', () => {
    const rows = [5, 1, 9, 3, 7].map((value, i) => ({ name: `m${i}`, value }));
    expect(topNWithRest(rows, 2, (value, count) => ({ name: `rest ${count}`, value }))).toEqual([
      { name: 'm2', value: 9 },
      { name: 'm4', value: 7 },
      { name: 'rest 3', value: 9 },
    ]);
  });
  it('labels quarters', () => {
    expect(quarterLabel(20202, 'en')).toBe('2020 Q2');
    expect(quarterLabel(20243, 'zh-CN')).toBe('2024年Q3');
  });
});

describe('csv', () => {
  it('round-trips quotes, commas, newlines and Chinese', () => {
    const rows = [
      ['a,b', 'say "hi"', 'line\nbreak'],
      ['重庆', 42, null],
      ['=SUM(A1)', -5, '5000000000'],
    ] as const;
    const text = toCsv(['x', 'y', 'z'], rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv('\ufeff' + text)).toEqual([
      ['x', 'y', 'z'],
      ['a,b', 'say "hi"', 'line\nbreak'],
      ['重庆', '42', ''],
      ["'=SUM(A1)", '-5', '5000000000'],
    ]);
  });
  it('rejects an unterminated quote', () => {
    expect(() => parseCsv('"abc')).toThrow();
  });
});

describe('embed resize reporting', () => {
  it('posts yuscan:resize only when the height changes', () => {
    const sent: unknown[] = [];
    let h = 300.2;
    let trigger = () => {};
    const stop = reportHeight({ postMessage: (m) => sent.push(m) }, () => h, (cb) => ((trigger = cb), () => {}));
    trigger();
    h = 420;
    trigger();
    stop();
    expect(sent).toEqual([resizeMessage(301), { type: 'yuscan:resize', height: 420 }]);
  });
});

describe('embed params and charts', () => {
  it('parses embed paths and options', () => {
    expect(parseEmbedPath('/embed/kpi/PATENTS')).toEqual({ kind: 'kpi', kpi: 'PATENTS' });
    expect(parseEmbedPath('/embed/kpi/output_value')).toEqual({ kind: 'kpi', kpi: 'OUTPUT_VALUE' });
    expect(parseEmbedPath('/embed/stats/TRANSACTIONS')).toEqual({ kind: 'stats', metric: 'TRANSACTIONS' });
    expect(parseEmbedPath('/embed/kpi/NOPE').kind).toBe('unknown');
    expect(parseEmbedOptions('?lang=zh-CN&theme=dark&range=1y&view=quarterly', 'en', 'light')).toEqual({
      lang: 'zh-CN',
      theme: 'dark',
      range: '1y',
      interval: 'MONTH',
      view: 'quarterly',
      period: undefined,
    });
    expect(parseEmbedOptions('?range=bogus', 'en', 'light')).toMatchObject({ range: 'period', lang: 'en', theme: 'light' });
  });
  it('builds the iframe snippet', () => {
    const path = embedPath({ kind: 'kpi', kpi: 'PATENTS' }, { lang: 'zh-CN', theme: 'light', range: 'period' });
    expect(path).toBe('/embed/kpi/PATENTS?lang=zh-CN&theme=light&range=period');
    expect(iframeSnippet('https://scan.example', path, 'Patents', 380)).toBe(
      '<iframe src="https://scan.example/embed/kpi/PATENTS?lang=zh-CN&amp;theme=light&amp;range=period" title="Patents" loading="lazy" style="width:100%;border:0" height="380"></iframe>',
    );
  });
  it('clips series to a range', () => {
    const pts = [1, 2, 3, 4].map((i) => ({ to: start + i * 100 * DAY }));
    expect(clipToRange(pts, '6m', start + 400 * DAY)).toHaveLength(2);
    expect(clipToRange(pts, 'period', start + 400 * DAY)).toHaveLength(4);
  });
  it('renders nice ticks, labels and SVG', () => {
    expect(niceTicks(1000)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(labelIndices(3, 5)).toEqual([0, 1, 2]);
    expect(labelIndices(60, 6).at(-1)).toBe(59);
    const svg = lineChartSvg({
      width: 400,
      height: 200,
      title: 'A <b>',
      theme: LIGHT,
      formatY: String,
      labels: ['a', 'b', 'c'],
      reference: { value: 10, label: 'target', color: 'red' },
      series: [{ name: 'actual', color: 'blue', values: [1, null, 5] }],
    });
    expect(svg).toContain('<title>A &lt;b&gt;</title>');
    expect(svg).toMatch(/<path d="M[\d.]+,[\d.]+L[\d.]+,[\d.]+"/);
    const bars = barChartSvg({ width: 400, height: 0, horizontal: true, title: 't', theme: LIGHT, color: 'blue', formatY: String, bars: [{ label: 'x', value: 2 }, { label: 'y', value: 1 }] });
    expect(bars.match(/<rect/g)).toHaveLength(2);
  });
});

describe('patentsCsv', () => {
  const row = {
    txHash: '0xab',
    blockNumber: 7,
    applicationNo: 'CN2021101234567',
    title: 'Ledger method / 账本方法',
    filedAt: 1614816000,
    date: '2021-03-04',
    member: { address: '0x01', name: 'Inspur Group / 浪潮集团', nameEn: 'Inspur Group', nameZh: '浪潮集团', country: 'CN', sector: 'it' },
  };

  it("a member's page: the patent columns only", () => {
    expect(parseCsv(patentsCsv([row]))).toEqual([
      ['application_no', 'title', 'filed', 'tx_hash', 'block'],
      ['CN2021101234567', 'Ledger method / 账本方法', '2021-03-04', '0xab', '7'],
    ]);
  });

  it('/patents: with the member named in the page language', () => {
    expect(parseCsv(patentsCsv([row, { ...row, member: null }], 'zh-CN'))).toEqual([
      ['application_no', 'title', 'filed', 'member', 'member_address', 'tx_hash', 'block'],
      ['CN2021101234567', 'Ledger method / 账本方法', '2021-03-04', '浪潮集团', '0x01', '0xab', '7'],
      ['CN2021101234567', 'Ledger method / 账本方法', '2021-03-04', '—', '', '0xab', '7'],
    ]);
  });
});

describe('column lists', () => {
  const columns: Array<Column<{ a: number; b: string }>> = [
    { csv: 'a', heading: 'A', value: (r) => r.a },
    { csv: 'b_only_in_csv', value: (r) => r.b },
  ];

  it('one list gives the CSV every column and the screen only those with a heading', () => {
    expect(parseCsv(columnsCsv(columns, [{ a: 1, b: 'x,y' }]))).toEqual([['a', 'b_only_in_csv'], ['1', 'x,y']]);
    expect(shownColumns(columns).map((c) => c.heading)).toEqual(['A']);
  });
});
