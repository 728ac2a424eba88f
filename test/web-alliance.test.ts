import { describe, expect, it } from 'vitest';
import { formatDuration, splitDuration, topNWithRest, withGuideLines } from '../web/alliance/lib/kpi';
import { kpiProjection, projectionText, statusBasisText, statusRuleText } from '../web/alliance/lib/standing';
import { auditCommand } from '../web/alliance/lib/audit';
import enAlliance from '../web/i18n/locales/en/alliance.json';
import zhAlliance from '../web/i18n/locales/zh-CN/alliance.json';
import { alignByElapsed, compareAtSameElapsed, valueAtElapsed } from '../web/alliance/lib/compare';
import { choosePeriod } from '../web/alliance/lib/periods';
import { parseCsv, toCsv } from '../web/alliance/lib/csv';
import { patentsCsv } from '../web/alliance/components/PatentsTable';
import { columnsCsv, shownColumns, type Column } from '../web/alliance/lib/columns';
import { reportHeight, resizeMessage } from '../web/embed/resize';
import { barChartSvg, labelIndices, LIGHT, lineChartSvg, niceTicks } from '../web/embed/svgChart';
import { clipToRange, embedPath, iframeSnippet, parseEmbedOptions, parseEmbedPath } from '../web/embed/params';

const DAY = 86_400;
const start = Date.UTC(2020, 3, 14) / 1000;
const end = Date.UTC(2025, 3, 14) / 1000;

describe('the words beside a status', () => {
  const dict = (lang: string): Record<string, unknown> => (lang === 'en' ? enAlliance : zhAlliance);
  const translator = (lang: string) => {
    const d = dict(lang);
    return (key: string, vars: Record<string, string | number> = {}) => {
      const v = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], d);
      if (typeof v !== 'string') throw new Error(`missing ${lang} ${key}`);
      return v.replace(/\{\{(\w+)\}\}/g, (_, n: string) => String(vars[n]));
    };
  };
  const words = (lang: string) => ({
    value: (v: bigint | number | string) => new Intl.NumberFormat(lang).format(BigInt(v)),
    date: (ts: number) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(ts * 1000),
    percent: (r: number, digits = 1) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: digits }).format(r),
  });
  const kpi = { current: '500', target: '1000', startLevel: '0', periodStart: start, periodEnd: end, asOf: start + (end - start) * 0.9 };
  it('states the projection and the rule that decided the status, in both languages', () => {
    const p = kpiProjection(kpi);
    expect(p).toMatchObject({ kind: 'eta', withinPeriod: false, atPeriodEnd: 555n });
    expect(statusBasisText('BEHIND', p, 1000n, translator('en'), words('en'))).toBe(
      'Behind: projected 555 at period end, 55.5% of the target (Behind is < 90%).',
    );
    expect(statusBasisText('BEHIND', p, 1000n, translator('zh-CN'), words('zh-CN'))).toBe(
      '落后：按当前速度，期末预计 555，为目标的 55.5%（落后为 < 90%）。',
    );
    expect(projectionText(p, translator('en'), words('en'))).toContain('after the period ends (555 by its end)');
    const atRisk = kpiProjection({ ...kpi, current: '873' }); // 970 by the end
    expect(statusBasisText('AT_RISK', atRisk, 1000n, translator('en'), words('en'))).toBe('At risk: projected 970 at period end, 97% of the target (At risk is 90%–100%).');
    expect(statusBasisText('AHEAD', kpiProjection({ ...kpi, current: '990' }), 1000n, translator('en'), words('en'))).toContain('(Ahead is ≥ 110%)');
    expect(statusRuleText(translator('zh-CN'), words('zh-CN'))).toBe('达 110% 为超前，达 100% 为正常，达 90% 为有风险，否则为落后');
  });
  it('says why for reached, missed and not begun', () => {
    const en = translator('en');
    expect(statusBasisText('ACHIEVED', kpiProjection({ ...kpi, current: '1000' }), 1000n, en, words('en'))).toBe('Achieved: the figure has reached the target.');
    expect(statusBasisText('MISSED', kpiProjection({ ...kpi, asOf: end }), 1000n, en, words('en'))).toBe('Missed: the period ended short of the target.');
    expect(statusBasisText('ON_TRACK', kpiProjection({ ...kpi, asOf: start - DAY }), 1000n, en, words('en'))).toBe('On track: the period has not begun, so nothing is due yet.');
    expect(projectionText(kpiProjection({ ...kpi, current: '0', asOf: start + DAY }), translator('zh-CN'), words('zh-CN'))).toBe('规划期开始以来尚无进展，按此速度期末仍为 0。');
  });
});

describe('the audit command', () => {
  it('names the registry, the period and the block, and takes the node from $RPC_URL', () => {
    expect(auditCommand({ registry: '0xabc', period: '2025-04-13_2030-04-13', block: 1234 })).toBe('yuscan audit --rpc "$RPC_URL" --registry 0xabc --period 2025-04-13_2030-04-13 --at 1234');
    expect(auditCommand({ registry: '0xabc', block: 7 })).toBe('yuscan audit --rpc "$RPC_URL" --registry 0xabc --at 7');
  });
});

describe('comparing two plan periods', () => {
  const YEAR = 365 * DAY;
  const a = { periodStart: start, periodEnd: end, figureAt: end, points: [{ to: start + YEAR, value: 100 }, { to: start + 2 * YEAR, value: 300 }, { to: end + 20 * DAY, value: 900 }] };
  const b = { periodStart: end, periodEnd: end + 5 * YEAR, figureAt: end + YEAR + 10 * DAY, points: [{ to: end + YEAR, value: 150 }, { to: end + YEAR + 30 * DAY, value: 170 }] };
  it('puts both series on one elapsed-time axis, clipped to their figure time and period end', () => {
    const rows = alignByElapsed(a, b);
    expect(rows).toEqual([
      { elapsed: YEAR, a: 100, b: 150 },
      { elapsed: YEAR + 10 * DAY, b: 170 },
      { elapsed: 2 * YEAR, a: 300 },
      { elapsed: end - start, a: 900 },
    ]);
  });
  it('compares them at the elapsed time both have reached', () => {
    expect(valueAtElapsed(a, YEAR - 1)).toBe(0);
    expect(valueAtElapsed(a, 2 * YEAR + 5)).toBe(300);
    const c = compareAtSameElapsed(a, b);
    expect(c).toEqual({ elapsed: YEAR + 10 * DAY, a: 100, b: 170, change: 0.7 });
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
    // A stock's pace counts from its level at the period start: 110 -> 115 half-way ends at 120.
    const mid = (start + end) / 2;
    const stock = withGuideLines([{ t: start, value: 110 }, { t: mid, value: 115 }, { t: end, value: 115 }], { target: 120, periodStart: start, periodEnd: end, now: mid, current: 115, startLevel: 110 });
    expect(stock.map((r) => r.pace)).toEqual([110, 115, 120]);
  });
  it('keeps the top N and sums the rest', () => {
    const rows = [5, 1, 9, 3, 7].map((value, i) => ({ name: `m${i}`, value }));
    expect(topNWithRest(rows, 2, (value, count) => ({ name: `rest ${count}`, value }))).toEqual([
      { name: 'm2', value: 9 },
      { name: 'm4', value: 7 },
      { name: 'rest 3', value: 9 },
    ]);
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

describe('plan period choice', () => {
  const p1 = { id: 'p1', start: 100, end: 200 };
  const p2 = { id: 'p2', start: 200, end: 300 };
  it('shows the asked period, else the one in force, else the latest', () => {
    expect(choosePeriod([p1, p2], p2, 'p1')).toEqual({ shown: p1, inForce: true });
    expect(choosePeriod([p1, p2], p2, undefined)).toEqual({ shown: p2, inForce: true });
    expect(choosePeriod([p1, p2], p1, 'nope')).toEqual({ shown: p1, inForce: true });
    expect(choosePeriod([p2, p1], null, undefined)).toEqual({ shown: p2, inForce: false });
    expect(choosePeriod([], null, undefined)).toEqual({ shown: undefined, inForce: false });
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
