// Alliance dashboard in a real browser against a devnet with FULL simulated history:
// KPI cards = GraphQL = an independent count from the registry's events (via viem),
// evidence counts, the patents-series CSV, framing rules, embeds on a foreign origin,
// printing to A4, and the embed bundle's size.
import { createServer as createHttpServer, type Server } from 'node:http';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { allianceRegistryAbi, kpiKey } from '../contracts/registry';
import { launchBrowser } from './helpers/browser';
import { ROOT, WEB_DIST } from '../cli/build-web';
import { startAllianceStack, type AllianceStack } from './helpers/alliance-stack';
import { parseCsv } from '../web/alliance/lib/csv';

const SHOTS = join(ROOT, 'screenshots');
const ADDRESS_ZERO = '0x0000000000000000000000000000000000000000';
type KpiId = 'PATENTS' | 'SCENARIOS' | 'OUTPUT_VALUE' | 'MEMBERS';
const KEY: Record<KpiId, 'patents' | 'scenarios' | 'outputValue' | 'members'> = {
  PATENTS: 'patents',
  SCENARIOS: 'scenarios',
  OUTPUT_VALUE: 'outputValue',
  MEMBERS: 'members',
};

interface Kpi {
  id: KpiId;
  current: string;
  target: string;
  periodStart: number;
  periodEnd: number;
  period: string;
  series: Array<{ date: string; from: number; to: number; value: string; delta: string; expected: number }>;
}

const PHASE1_START = Date.parse('2020-04-14T00:00:00+08:00') / 1000;
const PHASE2_START = Date.parse('2025-04-14T00:00:00+08:00') / 1000;

let stack: AllianceStack;
let phase1Id: string;
let browser: Browser;
let kpis: Kpi[];
let foreign: Server;
let foreignUrl: string;

async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function newPage(lang = 'en'): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang, timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  return ctx.newPage();
}

/** Quarter YYYYQ counts toward [start, end) when most of its days (its midpoint) fall inside. */
function quarterCounts(period: number, start: number, end: number): boolean {
  const y = Math.floor(period / 10);
  const q = period % 10;
  const from = Date.UTC(y, (q - 1) * 3, 1) / 1000;
  const to = Date.UTC(q === 4 ? y + 1 : y, q === 4 ? 0 : q * 3, 1) / 1000;
  return (from + to) / 2 >= start && (from + to) / 2 < end;
}

/**
 * The KPIs recomputed from raw registry logs, per the KPI rules in docs/architecture.md (corrections applied).
 * Members and scenarios as they stood at the period's end (or now, if it has not ended).
 */
async function independentCounts(period: { start: number; end: number }) {
  const logs = await stack.chain.getContractEvents({ address: stack.devnet.registry, abi: allianceRegistryAbi, fromBlock: 0n, toBlock: 'latest' });
  logs.sort((a, b) => Number(a.blockNumber - b.blockNumber) || a.logIndex - b.logIndex);
  const { start, end } = period;
  let patents = 0;
  const stage = new Map<bigint, number>();
  const reports = new Map<string, bigint>();
  const member = new Map<string, boolean>();
  const targets = new Map<string, { target: bigint; start: number; end: number }>();
  for (const log of logs) {
    const a = log.args as Record<string, unknown>;
    switch (log.eventName) {
      case 'PatentFiled': {
        const at = Number(a.filedAt);
        if (at >= start && at < end) patents++;
        break;
      }
      case 'ScenarioLaunched':
        if (Number(a.at) < end) stage.set(a.scenarioId as bigint, 0);
        break;
      case 'ScenarioStageChanged':
        if (Number(a.at) < end) stage.set(a.scenarioId as bigint, Number(a.stage));
        break;
      case 'OutputReported':
        // A re-report for the same (member, quarter) replaces the earlier one.
        if (quarterCounts(Number(a.period), start, end)) reports.set(`${(a.member as string).toLowerCase()}:${a.period}`, a.amountCny as bigint);
        break;
      case 'MemberAdmitted':
        if (Number(a.at) < end) member.set((a.member as string).toLowerCase(), true);
        break;
      case 'MemberRemoved':
        if (Number(a.at) < end) member.set((a.member as string).toLowerCase(), false);
        break;
      case 'TargetSet':
        if (Number(a.periodStart) === start) targets.set(a.kpi as string, { target: a.target as bigint, start: Number(a.periodStart), end: Number(a.periodEnd) });
        break;
    }
  }
  return {
    counts: {
      PATENTS: BigInt(patents),
      SCENARIOS: BigInt([...stage.values()].filter((s) => s === 1).length),
      OUTPUT_VALUE: [...reports.values()].reduce((s, v) => s + v, 0n),
      MEMBERS: BigInt([...member.values()].filter(Boolean).length),
    } as Record<KpiId, bigint>,
    reportPairs: reports.size,
    targets,
  };
}

/** Bytes of a built JS file and, recursively, the chunks it imports statically. */
function entryJsGzip(html: string): { files: string[]; gzip: number } {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const src = readFileSync(join(WEB_DIST, file), 'utf8');
    for (const m of src.matchAll(/(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([\w.-]+\.js)["']/g)) visit(`assets/${m[1]}`);
  };
  const page = readFileSync(join(WEB_DIST, html), 'utf8');
  for (const m of page.matchAll(/(?:src|href)="\/(assets\/[\w.-]+\.js)"/g)) visit(m[1]!);
  const gzip = [...seen].reduce((s, f) => s + gzipSync(readFileSync(join(WEB_DIST, f))).length, 0);
  return { files: [...seen], gzip };
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [stack, browser] = await Promise.all([startAllianceStack(), launchBrowser()]);
  const d = await gql<{ kpis: Kpi[] }>(`{ kpis { id current target periodStart periodEnd period series(interval: MONTH) { date from to value delta expected } } }`);
  kpis = d.kpis;
  const periods = await gql<{ alliance: { periods: Array<{ id: string; start: number }> } }>('{ alliance { periods { id start } } }');
  phase1Id = periods.alliance.periods.find((p) => p.start === PHASE1_START)!.id;
  foreign = createHttpServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const src = u.searchParams.get('src') ?? '';
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html><head><meta charset="utf-8"><title>Partner site</title>
<style>body{font:15px system-ui,sans-serif;margin:24px;background:#eef2f7;color:#222} .box{max-width:760px;background:#fff;padding:16px;border-radius:8px}</style></head>
<body><div class="box"><h1>Partner news site</h1><p>Our article about the Chongqing alliance, with a live chart:</p>
<iframe id="f" src="${src.replace(/"/g, '&quot;')}" loading="lazy" style="width:100%;border:0" height="200"></iframe>
<p>More text below the chart.</p></div>
<script>window.resizes=[];addEventListener('message',function(e){if(e.data&&e.data.type==='yuscan:resize'){window.resizes.push(e.data.height);document.getElementById('f').style.height=e.data.height+'px';}});</script>
</body></html>`);
  });
  await new Promise<void>((ok) => foreign.listen(0, '127.0.0.1', () => ok()));
  foreignUrl = `http://127.0.0.1:${(foreign.address() as { port: number }).port}`;
  console.log('alliance stack', stack.timings, stack.url);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  foreign?.close();
  await stack?.stop();
});

describe('alliance dashboard', () => {
  it('shows four KPI cards equal to GraphQL and to an independent count of registry events', async () => {
    expect(kpis.map((k) => k.id)).toEqual(['PATENTS', 'SCENARIOS', 'OUTPUT_VALUE', 'MEMBERS']);
    const period = { start: kpis[0]!.periodStart, end: kpis[0]!.periodEnd };
    const ind = await independentCounts(period);
    for (const k of kpis) {
      expect(BigInt(k.current), `${k.id} GraphQL vs independent count`).toBe(ind.counts[k.id]);
      const t = ind.targets.get(kpiKey(KEY[k.id]));
      expect(t, `${k.id} target on chain`).toBeDefined();
      expect(BigInt(k.target)).toBe(t!.target);
    }

    const page = await newPage();
    await page.goto(`${stack.url}/alliance?lang=en`);
    for (const k of kpis) {
      const el = page.getByTestId(`kpi-value-${k.id}`);
      await el.waitFor();
      expect(await el.getAttribute('data-value')).toBe(k.current);
      const shown = (await el.textContent())!;
      const expected = k.id === 'OUTPUT_VALUE'
        ? new Intl.NumberFormat('en', { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 }).format(BigInt(k.current))
        : new Intl.NumberFormat('en').format(BigInt(k.current));
      expect(shown).toBe(expected);
      expect(await page.getByTestId(`kpi-status-${k.id}`).textContent()).toMatch(/Achieved|Ahead|On track|At risk|Behind/);
      expect(await page.getByTestId(`kpi-projection-${k.id}`).textContent()).toMatch(/target|period/i);
    }
    const source = (await page.getByTestId('data-source').textContent())!;
    const status = await gql<{ status: { indexedHead: number } }>('{ status { indexedHead } }');
    expect(source).toContain(`as of block #${new Intl.NumberFormat('en').format(status.status.indexedHead)}`);
    expect(source).toMatch(/simulated and are not real Chongqing figures/);
    await page.getByTestId('chart-pipeline').locator('svg').first().waitFor();
    await page.getByTestId('chart-breakdown-region').locator('svg').first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'alliance-en.png'), fullPage: true });

    // zh-CN: same numbers, Chinese labels.
    const zh = await newPage('zh-CN');
    await zh.goto(`${stack.url}/alliance?lang=zh-CN`);
    await zh.getByTestId('kpi-value-PATENTS').waitFor();
    expect(await zh.getByTestId('kpi-value-PATENTS').getAttribute('data-value')).toBe(kpis[0]!.current);
    expect(await zh.getByTestId('kpi-card-PATENTS').textContent()).toContain('专利申请');
    expect(await zh.getByTestId('data-source').textContent()).toContain('模拟数据');
    await zh.getByTestId('chart-breakdown-region').locator('svg').first().waitFor();
    await zh.waitForTimeout(300);
    await zh.screenshot({ path: join(SHOTS, 'alliance-zh-CN.png'), fullPage: true });
    await zh.context().close();
    await page.context().close();
  });

  it("the card's badge and projection agree, in both languages, with one line on how the status was decided", async () => {
    const d = await gql<{ kpis: Array<{ id: KpiId; target: string; status: string; projectedAtEnd: string | null; projectedShare: number | null }> }>(
      '{ kpis { id target status projectedAtEnd projectedShare } }',
    );
    // Phase 2 runs: the status is the first floor its projection reaches (DESIGN.md), or ACHIEVED.
    const floors = [['AHEAD', 110n], ['ON_TRACK', 100n], ['AT_RISK', 90n]] as const;
    const running = d.kpis.filter((k) => k.status !== 'ACHIEVED');
    expect(running.length).toBeGreaterThan(0);
    for (const k of running) {
      const p = BigInt(k.projectedAtEnd!);
      expect(k.status, k.id).toBe(floors.find(([, pc]) => p * 100n >= BigInt(k.target) * pc)?.[0] ?? 'BEHIND');
    }
    const words = {
      en: { ACHIEVED: 'Achieved', AHEAD: 'Ahead', ON_TRACK: 'On track', AT_RISK: 'At risk', BEHIND: 'Behind', byEnd: 'by its end', projected: 'projected' },
      'zh-CN': { ACHIEVED: '已达成', AHEAD: '超前', ON_TRACK: '正常', AT_RISK: '有风险', BEHIND: '落后', byEnd: '期末', projected: '期末预计' },
    } as const;
    for (const lang of ['en', 'zh-CN'] as const) {
      const w = words[lang];
      const page = await newPage(lang);
      await page.goto(`${stack.url}/alliance?lang=${lang}`);
      for (const k of d.kpis) {
        const chip = page.getByTestId(`kpi-status-${k.id}`);
        await chip.waitFor();
        expect(await chip.getAttribute('data-value'), `${lang} ${k.id}`).toBe(k.status);
        expect(await chip.textContent()).toBe(w[k.status as keyof typeof w]);
        const projection = page.getByTestId(`kpi-projection-${k.id}`);
        expect(await projection.getAttribute('data-value')).toBe(k.projectedAtEnd);
        const basis = (await page.getByTestId(`kpi-basis-${k.id}`).textContent())!;
        expect(basis.startsWith(w[k.status as keyof typeof w])).toBe(true);
        if (k.projectedAtEnd === null) continue;
        const value = k.id === 'OUTPUT_VALUE'
          ? new Intl.NumberFormat(lang, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 }).format(BigInt(k.projectedAtEnd))
          : new Intl.NumberFormat(lang).format(BigInt(k.projectedAtEnd));
        const share = new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(k.projectedShare!);
        // The badge's line and the projection state the same figure.
        expect(basis).toContain(`${w.projected} ${value}`);
        expect(basis).toContain(share);
        const text = (await projection.textContent())!;
        if (text.includes(w.byEnd)) expect(text).toContain(value);
      }
      await page.context().close();
    }
  });

  it('the printable report carries the yuscan audit command, which recomputes its figures', async () => {
    const d = await gql<{ status: { indexedHead: number }; alliance: { registry: string; currentPeriod: { id: string } }; kpis: Array<{ id: KpiId; current: string; status: string }> }>(
      '{ status { indexedHead } alliance { registry currentPeriod { id } } kpis { id current status } }',
    );
    const page = await newPage();
    await page.goto(`${stack.url}/alliance?lang=en`);
    await page.emulateMedia({ media: 'print' });
    const command = page.getByTestId('audit-command');
    await command.waitFor();
    expect(await command.isVisible()).toBe(true);
    const text = (await command.textContent())!;
    expect(text).toBe(`yuscan audit --rpc "$RPC_URL" --registry ${d.alliance.registry} --period ${d.alliance.currentPeriod.id} --at ${d.status.indexedHead}`);
    const note = (await page.getByTestId('audit-note').textContent())!;
    expect(note).toContain(`block #${new Intl.NumberFormat('en').format(d.status.indexedHead)}`);
    expect(note).toContain('At risk from 90%');
    await page.context().close();
    // Run as printed, with RPC_URL set to the chain's node: the same figures and statuses.
    const args = text.replace('yuscan audit ', '').replace('"$RPC_URL"', stack.rpcUrl).split(' ');
    // Asynchronously: the devnet answers from this very process.
    const out = JSON.parse((await promisify(execFile)(process.execPath, ['bin/yuscan.js', 'audit', ...args, '--json'], { encoding: 'utf8' })).stdout);
    expect(out.kpis.map((k: { kpi: string; figure: string; status: string }) => [k.kpi, k.figure, k.status])).toEqual(d.kpis.map((k) => [k.id, k.current, k.status]));
  });

  it('defaults to phase 2, the plan in force, which counts only its own records', async () => {
    const { alliance } = await gql<{ alliance: { currentPeriod: { id: string; start: number } | null; periods: Array<{ id: string; start: number; end: number }> } }>(
      '{ alliance { currentPeriod { id start } periods { id start end } } }',
    );
    expect(alliance.periods.map((p) => p.start)).toEqual([PHASE1_START, PHASE2_START]);
    expect(alliance.currentPeriod?.start).toBe(PHASE2_START);
    expect(kpis.every((k) => k.periodStart === PHASE2_START)).toBe(true);
    // Phase 2's patents are those filed since 2025-04-14 only: fewer than all patents on chain.
    const all = await stack.chain.getContractEvents({ address: stack.devnet.registry, abi: allianceRegistryAbi, eventName: 'PatentFiled', fromBlock: 0n, toBlock: 'latest' });
    const patents = kpis.find((k) => k.id === 'PATENTS')!;
    expect(BigInt(patents.current)).toBe(BigInt(all.filter((e) => Number(e.args.filedAt) >= PHASE2_START).length));
    expect(Number(patents.current)).toBeLessThan(all.length / 2);
    const page = await newPage();
    await page.goto(`${stack.url}/alliance?lang=en`);
    const select = page.getByTestId('period-select');
    await page.getByTestId('kpi-value-PATENTS').waitFor();
    expect(await select.inputValue()).toBe(alliance.currentPeriod!.id);
    expect(await select.locator('option:checked').textContent()).toMatch(/\(in force\)$/);
    expect(await page.getByTestId('no-plan').count()).toBe(0);
    await page.context().close();
  });

  it('the ended phase 1 is ACHIEVED or MISSED on the API, the dashboard and the embeds, in both languages', async () => {
    const d = await gql<{ kpis: Array<Kpi & { status: string; ended: boolean; reachedAt: number | null; progress: number }> }>(
      `query($p: String) { kpis(period: $p) { id current target periodStart periodEnd period status ended reachedAt progress series(interval: MONTH) { date from to value delta expected } } }`,
      { p: phase1Id },
    );
    const ind = await independentCounts({ start: PHASE1_START, end: PHASE2_START });
    const expected = { PATENTS: 'ACHIEVED', SCENARIOS: 'ACHIEVED', OUTPUT_VALUE: 'MISSED', MEMBERS: 'ACHIEVED' };
    for (const k of d.kpis) {
      expect(BigInt(k.current), k.id).toBe(ind.counts[k.id]);
      expect(k.status, k.id).toBe(BigInt(k.current) >= BigInt(k.target) ? 'ACHIEVED' : 'MISSED');
      expect(k.ended).toBe(true);
    }
    expect(Object.fromEntries(d.kpis.map((k) => [k.id, k.status]))).toEqual(expected);
    const output = d.kpis.find((k) => k.id === 'OUTPUT_VALUE')!;
    const short = BigInt(output.target) - BigInt(output.current);
    const shortShare = Number(short) / Number(output.target);

    for (const [lang, words] of [
      ['en', { ACHIEVED: 'Achieved', MISSED: 'Missed', short: 'short of the target', reached: 'Target reached on', final: 'Final figure' }],
      ['zh-CN', { ACHIEVED: '已达成', MISSED: '未达成', short: '距目标还差', reached: '达成目标', final: '最终数字' }],
    ] as const) {
      const page = await newPage(lang);
      await page.goto(`${stack.url}/alliance?lang=${lang}&period=${phase1Id}`);
      for (const k of d.kpis) {
        const chip = page.getByTestId(`kpi-status-${k.id}`);
        await chip.waitFor();
        expect(await chip.getAttribute('data-value')).toBe(k.status);
        expect(await chip.textContent()).toBe(words[k.status as 'ACHIEVED' | 'MISSED']);
        expect(await page.getByTestId(`kpi-value-${k.id}`).getAttribute('data-value')).toBe(k.current);
        expect(await page.getByTestId(`kpi-when-${k.id}`).textContent()).toContain(words.final);
        const projection = (await page.getByTestId(`kpi-projection-${k.id}`).textContent())!;
        if (k.status === 'MISSED') {
          expect(projection).toContain(words.short);
          expect(projection).toContain(new Intl.NumberFormat(lang, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 }).format(short));
          expect(projection).toContain(new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(shortShare));
        } else {
          expect(projection).toContain(words.reached);
          expect(k.reachedAt).toBeGreaterThanOrEqual(PHASE1_START);
        }
      }
      expect(await page.getByTestId('period-select').inputValue()).toBe(phase1Id);
      await page.screenshot({ path: join(SHOTS, `alliance-phase1-${lang}.png`), fullPage: false });
      await page.context().close();

      // The embeds, with period=: the same status and the same shortfall.
      const embed = await newPage(lang);
      for (const id of ['OUTPUT_VALUE', 'PATENTS'] as const) {
        await embed.goto(`${stack.url}/embed/kpi/${id}?lang=${lang}&period=${phase1Id}&range=1y`);
        const status = embed.locator('#embed-root[data-state="ready"] .kpi-status');
        await status.waitFor();
        expect(await status.getAttribute('data-status')).toBe(expected[id]);
        const text = (await status.textContent())!;
        expect(text.startsWith(words[expected[id] as 'ACHIEVED' | 'MISSED'])).toBe(true);
        if (id === 'OUTPUT_VALUE') expect(text).toContain(words.short);
        // range=1y counts back from the period's end: the chart still has its last year.
        expect(await embed.locator('path[data-series="actual"]').count()).toBe(1);
      }
      await embed.context().close();
    }
  });

  it('compares phase 1 and phase 2 side by side at the same elapsed time', async () => {
    const page = await newPage();
    await page.goto(`${stack.url}/alliance?lang=en`);
    const select = page.getByTestId('compare-select');
    await select.waitFor();
    await select.selectOption(phase1Id);
    await page.waitForURL((u) => u.searchParams.get('compare') === phase1Id);
    const chart = page.getByTestId('compare-chart');
    await chart.locator('svg .recharts-line').nth(1).waitFor();
    expect(await chart.locator('svg .recharts-line').count()).toBe(2);
    const series = async (id: 'PATENTS' | 'OUTPUT_VALUE', period: string) =>
      (await gql<{ kpi: { asOf: number; periodStart: number; periodEnd: number; ended: boolean; current: string; series: Array<{ to: number; value: string }> } }>(
        `query($p: String, $id: KpiId!) { kpi(id: $id, period: $p) { asOf periodStart periodEnd ended current series(interval: MONTH) { to value } } }`,
        { p: period, id },
      )).kpi;
    for (const id of ['PATENTS', 'OUTPUT_VALUE'] as const) {
      if (id === 'OUTPUT_VALUE') {
        await page.getByTestId('compare-kpi').selectOption(id);
        await page.waitForURL((u) => u.searchParams.get('ckpi') === id);
      }
      const [a, b] = [await series(id, phase1Id), await series(id, kpis[0]!.period)];
      const elapsed = b.asOf - b.periodStart;
      const summary = page.getByTestId('compare-summary');
      // Phase 1 at the same point of its plan: its last monthly figure at or before that elapsed time.
      const then = a.series.filter((p) => Math.min(p.to, a.periodEnd) - a.periodStart <= elapsed).at(-1)!;
      // Both plans' figures at once: after a KPI switch each series keeps the previous KPI's data
      // until its own answer arrives, so the new data-b can render beside the old KPI's data-a.
      // Read in one go, so the three always come from one render.
      const shown = () => summary.evaluateAll((els) => els.map((e) => ({ b: e.getAttribute('data-b'), elapsed: e.getAttribute('data-elapsed'), a: e.getAttribute('data-a') })));
      await expect.poll(shown, { timeout: 15_000 }).toEqual([{ b: String(Number(b.current)), elapsed: String(elapsed), a: String(Number(then.value)) }]);
      if (id === 'PATENTS') {
        // Phase 1's figure then is the count of its patents filed before that month's end.
        const filed = await stack.chain.getContractEvents({ address: stack.devnet.registry, abi: allianceRegistryAbi, eventName: 'PatentFiled', fromBlock: 0n, toBlock: 'latest' });
        expect(filed.filter((e) => Number(e.args.filedAt) >= PHASE1_START && Number(e.args.filedAt) < then.to).length).toBe(Number(then.value));
      }
      expect(await summary.textContent()).toMatch(/into each plan: plan .+ – .+, plan .+ – .+\. Change: [+\-−]?[\d.]+%\./);
    }
    await page.screenshot({ path: join(SHOTS, 'alliance-compare.png'), fullPage: false });
    await page.context().close();
  });

  it('shows year-over-year patents and output value with the change from the year before', async () => {
    const logs = await stack.chain.getContractEvents({ address: stack.devnet.registry, abi: allianceRegistryAbi, fromBlock: 0n, toBlock: 'latest' });
    logs.sort((a, b) => Number(a.blockNumber - b.blockNumber) || a.logIndex - b.logIndex);
    const patents = new Map<number, number>();
    const latest = new Map<string, { year: number; amount: bigint }>();
    for (const log of logs) {
      const a = log.args as Record<string, unknown>;
      if (log.eventName === 'PatentFiled') {
        const y = new Date(Number(a.filedAt) * 1000).getUTCFullYear();
        patents.set(y, (patents.get(y) ?? 0) + 1);
      }
      if (log.eventName === 'OutputReported') latest.set(`${a.member}:${a.period}`, { year: Math.floor(Number(a.period) / 10), amount: a.amountCny as bigint });
    }
    const output = new Map<number, bigint>();
    for (const r of latest.values()) output.set(r.year, (output.get(r.year) ?? 0n) + r.amount);
    const page = await newPage('zh-CN');
    await page.goto(`${stack.url}/alliance?lang=zh-CN`);
    const rows = page.getByTestId('yoy-row');
    await rows.first().waitFor();
    expect(await page.getByTestId('yoy').locator('h2').textContent()).toBe('年度同比');
    const years = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-year'))));
    expect(years).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const year of years) {
      const row = page.locator(`[data-testid="yoy-row"][data-year="${year}"]`);
      const value = (id: string) => row.getByTestId(id).getAttribute('data-value');
      expect(Number(await value('yoy-patents')), `patents ${year}`).toBe(patents.get(year) ?? 0);
      expect(await value('yoy-output'), `output ${year}`).toBe(String(output.get(year) ?? 0n));
      if (year > 2020) {
        expect(Number(await value('yoy-patents-change'))).toBe((patents.get(year) ?? 0) - (patents.get(year - 1) ?? 0));
        expect(await value('yoy-output-change')).toBe(String((output.get(year) ?? 0n) - (output.get(year - 1) ?? 0n)));
      } else {
        expect(await value('yoy-patents-change')).toBe('');
      }
    }
    expect(await rows.last().textContent()).toContain('年初至今');
    await page.context().close();
  });

  it('clicking a KPI shows its evidence, whose count equals the figure', async () => {
    const ind = await independentCounts({ start: kpis[0]!.periodStart, end: kpis[0]!.periodEnd });
    const page = await newPage();
    for (const k of kpis) {
      await page.goto(`${stack.url}/alliance?lang=en`);
      await page.getByTestId(`kpi-value-${k.id}`).click();
      const dialog = page.getByTestId('evidence-dialog');
      await dialog.waitFor();
      await dialog.getByTestId('evidence-count').waitFor();
      const count = Number(await dialog.getByTestId('evidence-count').getAttribute('data-value'));
      // Counts equal the figure; for output value (yuan) the counted records are the latest
      // report of each (member, quarter) pair, and the figure is their sum (checked above).
      expect(count, k.id).toBe(k.id === 'OUTPUT_VALUE' ? ind.reportPairs : Number(k.current));
      // The downloadable evidence file: every record behind the figure, counted ones as many as shown.
      const download = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('evidence-file-json').click()]).then(([d]) => d);
      const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { kpi: string; figure: string; records: Array<{ counted: boolean }> };
      expect(file).toMatchObject({ kpi: k.id, figure: k.current });
      expect(file.records.filter((r) => r.counted)).toHaveLength(count);
      const first = dialog.getByTestId('evidence-row').first();
      await first.waitFor();
      const txLink = first.locator('a[href^="/tx/0x"]');
      expect(await txLink.count()).toBe(1);
      expect(await first.locator('a[href^="/block/"]').count()).toBe(1);
      if (k.id === 'PATENTS') {
        await page.screenshot({ path: join(SHOTS, 'alliance-evidence-patents.png') });
        const href = (await txLink.getAttribute('href'))!;
        await txLink.click();
        await page.waitForURL(`**${href}`);
        expect(page.url()).toContain(href);
      }
    }
    await page.context().close();
  });

  it('clicking a chart point shows the records of that point, as many as its change', async () => {
    const { kpi } = await gql<{ kpi: { series: Array<{ from: number; to: number; delta: string }> } }>(`{ kpi(id: PATENTS) { series(interval: QUARTER) { from to delta } } }`);
    const page = await newPage();
    await page.goto(`${stack.url}/alliance?lang=en&interval=QUARTER`);
    const chart = page.getByTestId('chart-cumulative-PATENTS').getByRole('application');
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    for (let i = 0; i < 4; i++) await page.mouse.move(box.x + box.width * 0.6 + i, box.y + box.height / 2);
    await page.mouse.click(box.x + box.width * 0.6 + 3, box.y + box.height / 2);
    const bucket = page.getByTestId('evidence-bucket');
    await bucket.waitFor();
    const from = Number(await bucket.getAttribute('data-from'));
    const point = kpi.series.find((p) => p.from === from);
    expect(point, 'clicked bucket is a series point').toBeDefined();
    await page.getByTestId('evidence-count').waitFor();
    const count = Number(await page.getByTestId('evidence-count').getAttribute('data-value'));
    expect(count).toBe(Number(point!.delta));
    await page.context().close();
  });

  it('sorts the members table by a column, kept in the URL', async () => {
    const page = await newPage();
    await page.goto(`${stack.url}/members?lang=en`);
    await page.getByTestId('member-row').first().waitFor();
    await page.getByRole('button', { name: /^Patents/ }).click();
    await page.waitForURL(/sort=patentCount/);
    expect(new URL(page.url()).searchParams.get('dir')).toBe('desc');
    // The URL changes before React re-renders the table; the header's aria-sort is drawn in
    // the same render as the sorted rows, so once it shows, the rows are sorted too.
    await page.locator('th[aria-sort="descending"]').getByRole('button', { name: /^Patents/ }).waitFor();
    const counts = await page.getByTestId('member-row').evaluateAll((rows) =>
      rows.map((r) => Number((r.querySelector('td.num') as HTMLElement).textContent!.replace(/[^0-9]/g, ''))),
    );
    expect(counts.length).toBeGreaterThan(100);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // Same column again: ascending.
    await page.getByRole('button', { name: /^Patents/ }).click();
    await page.waitForURL((u) => !u.searchParams.has('dir'));
    expect(new URL(page.url()).searchParams.get('sort')).toBe('patentCount');
    await page.close();
  });

  it('downloads the patents series as CSV matching the GraphQL series', async () => {
    const page = await newPage();
    await page.goto(`${stack.url}/alliance?lang=en`);
    const button = page.getByTestId('csv-cumulative-PATENTS');
    await page.getByTestId('chart-cumulative-PATENTS').locator('svg').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['date', 'from', 'to', 'value', 'delta', 'expected', 'target']);
    const series = kpis.find((k) => k.id === 'PATENTS')!.series;
    expect(rows.length - 1).toBe(series.length);
    rows.slice(1).forEach((r, i) => {
      const p = series[i]!;
      expect(r).toEqual([p.date, String(p.from), String(p.to), p.value, p.delta, String(p.expected), kpis[0]!.target]);
    });
    expect(rows.at(-1)![3]).toBe(kpis[0]!.current);

    // The Embed dialog hands out the iframe snippet and previews the real embed.
    await page.getByTestId('embed-PATENTS-cumulative').click();
    const dialog = page.getByTestId('embed-dialog');
    await dialog.waitFor();
    const code = await dialog.getByTestId('embed-code').inputValue();
    expect(code).toMatch(/^<iframe src="http:\/\/[^"]+\/embed\/kpi\/PATENTS\?lang=en&amp;theme=light&amp;range=period/);
    expect(code).toContain('loading="lazy" style="width:100%;border:0"');
    await page.frameLocator('.al-embed-preview').locator('#embed-root[data-state="ready"] path[data-series="actual"]').waitFor();
    await page.screenshot({ path: join(SHOTS, 'alliance-embed-dialog.png') });
    await page.context().close();
  });

  it('sends frame headers: embeds frameable from anywhere, everything else same-origin only, no cookies', async () => {
    const embed = await fetch(`${stack.url}/embed/kpi/PATENTS?lang=zh-CN`);
    expect(embed.headers.get('content-security-policy')).toMatch(/frame-ancestors \*/);
    expect(embed.headers.get('x-frame-options')).toBeNull();
    expect(embed.headers.get('set-cookie')).toBeNull();
    const app = await fetch(`${stack.url}/alliance`);
    expect(app.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'/);
    expect(app.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('an embed renders inside an iframe on another origin and reports its height', async () => {
    const src = `${stack.url}/embed/kpi/PATENTS?lang=zh-CN&theme=light&range=period`;
    const doc = await (await fetch(src)).text();
    expect(doc.includes('id="embed-root"'), 'the server must answer /embed/* with dist/web/embed.html (the embed entry), not the app shell').toBe(true);
    const page = await newPage('zh-CN');
    await page.goto(`${foreignUrl}/?src=${encodeURIComponent(src)}`);
    const frame = page.frameLocator('#f');
    await frame.locator('figure[data-state="ready"] svg path[data-series="actual"]').waitFor({ timeout: 20_000 });
    expect(await frame.locator('h1').textContent()).toContain('专利申请');
    expect(await frame.locator('.asof').textContent()).toMatch(/数据截至区块 #/);
    expect(await frame.locator('a[target="_blank"]').getAttribute('href')).toMatch(/^\/alliance\?/);
    expect(await frame.locator('a.csv').getAttribute('download')).toMatch(/\.csv$/);
    await page.waitForFunction(() => (window as unknown as { resizes: number[] }).resizes.length > 0);
    const heights = await page.evaluate(() => (window as unknown as { resizes: number[] }).resizes);
    expect(heights.at(-1)!).toBeGreaterThan(200);
    const cookies = await page.context().cookies();
    expect(cookies).toEqual([]);
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(SHOTS, 'embed-in-foreign-page.png'), fullPage: true });
    await page.context().close();
  });

  it('every alliance page says "API unreachable" when the API is down, in both languages', async () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const first = await newPage(lang);
      const ctx = first.context();
      // A proxy answering 503 for /graphql: the app's request layer calls that unreachable.
      await ctx.route('**/graphql', (route) => route.fulfill({ status: 503, body: 'down' }));
      const paths = ['/alliance', '/members', `/member/${ADDRESS_ZERO}`, '/scenarios', '/patents'];
      // In parallel tabs: each page first waits out the query client's retries.
      await Promise.all(
        paths.map(async (path, i) => {
          const page = i === 0 ? first : await ctx.newPage();
          await page.goto(`${stack.url}${path}?lang=${lang}`);
          const alert = page.getByTestId('api-unreachable');
          await alert.waitFor({ timeout: 20_000 });
          expect(await alert.textContent(), `${lang} ${path}`).toContain(lang === 'en' ? 'API unreachable' : '无法连接 API');
        }),
      );
      await ctx.close();
    }
  });

  it('a non-embed route refuses to be framed by another origin', async () => {
    const page = await newPage();
    const blocked: string[] = [];
    page.on('console', (m) => blocked.push(m.text()));
    await page.goto(`${foreignUrl}/?src=${encodeURIComponent(`${stack.url}/alliance`)}`);
    await page.waitForTimeout(1500);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    const rendered = frame ? await frame.locator('[data-testid="alliance-page"]').count().catch(() => 0) : 0;
    expect(rendered).toBe(0);
    expect(blocked.join('\n')).toMatch(/frame-ancestors|X-Frame-Options|Refused to (display|frame)/i);
    await page.context().close();
  });

  it('prints /alliance to at most 3 A4 pages', async () => {
    const page = await newPage();
    await page.goto(`${stack.url}/alliance?lang=en&theme=light`);
    await page.getByTestId('chart-breakdown-region').locator('svg').first().waitFor();
    await page.getByTestId('chart-cumulative-MEMBERS').locator('svg').first().waitFor();
    await page.waitForTimeout(300);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    writeFileSync(join(SHOTS, 'alliance-print.pdf'), pdf);
    console.log(`alliance PDF: ${pages} pages, ${pdf.length} bytes`);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
    if (existsSync('/usr/bin/pdftoppm')) {
      execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', join(SHOTS, 'alliance-print.pdf'), join(SHOTS, 'alliance-print-page')]);
    }
    await page.context().close();
  });

  it('keeps the embed JavaScript under 120 KB gzip', () => {
    const embed = entryJsGzip('embed.html');
    console.log(`embed JS: ${embed.files.join(', ')} = ${(embed.gzip / 1024).toFixed(1)} KB gzip`);
    expect(embed.gzip).toBeLessThanOrEqual(120 * 1024);
  });
});
