// One rule, two consumers: the API and the dashboard's KPI card both take "has the period
// ended?" from rules/kpi.ts. This suite changes that rule (through a module mock, as a
// maintainer would by editing the file) and watches the API's answer and the card rendered
// from it change together. Were either side to keep a copy of the rule, it would not follow.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createInstance } from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { encodeFunctionData, type Hex } from 'viem';
import { allianceRegistryAbi, asciiToBytes32, kpiKey } from '../contracts/registry';
import { KpiCard } from '../web/alliance/components/KpiCard';
import enAlliance from '../web/i18n/locales/en/alliance.json';
import zhAlliance from '../web/i18n/locales/zh-CN/alliance.json';
import enCommon from '../web/i18n/locales/en/common.json';
import zhCommon from '../web/i18n/locales/zh-CN/common.json';
import { startApiWorld, freshDatabaseUrl, gql, type ApiWorld } from '../test/helpers/api';

const rule = vi.hoisted(() => ({ endsEarlyBy: 0 }));
vi.mock('../rules/kpi', async (importOriginal) => {
  const real = await importOriginal<typeof import('../rules/kpi')>();
  // The changed rule: a period counts as ended `endsEarlyBy` seconds before its end date, both
  // where plan time is read and where the projection (which decides the status) is made.
  return {
    ...real,
    planTime: (start: number, end: number, now: number) => real.planTime(start, end - rule.endsEarlyBy, now),
    projectKpi: (input: Parameters<typeof real.projectKpi>[0]) => real.projectKpi({ ...input, periodEnd: input.periodEnd - rule.endsEarlyBy }),
  };
});

const DAY = 86_400;
// Set from the chain's head in beforeAll: blocks can only move forward in time.
let AS_OF = 0;
let START = 0;
let END = 0;

let w: ApiWorld;

async function rpc(method: string, params: unknown[] = []): Promise<unknown> {
  const res = await fetch(w.devnet.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  const body = (await res.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new Error(body.error.message);
  return body.result;
}

async function send(from: Hex, data: Hex, at: number): Promise<void> {
  await rpc('evm_setNextBlockTimestamp', [at]);
  const hash = await rpc('eth_sendTransaction', [{ from, to: w.devnet.registry, data, gas: '0x100000' }]);
  const receipt = (await rpc('eth_getTransactionReceipt', [hash])) as { status: string };
  expect(receipt.status).toBe('0x1');
}

async function kpi() {
  await w.index();
  await w.server.head.poll();
  const r = await gql(w.server.url, '{ kpi(id: PATENTS) { id current target periodStart periodEnd period progress expectedProgress status startLevel projectedAtEnd projectedShare ended reachedAt asOf targetTxHash } }');
  expect(r.body.errors).toBeUndefined();
  return r.body.data.kpi;
}

function renderCard(k: unknown, lang: 'en' | 'zh-CN'): string {
  const i18n = createInstance();
  void i18n.use(initReactI18next).init({
    lng: lang,
    resources: { en: { alliance: enAlliance, common: enCommon }, 'zh-CN': { alliance: zhAlliance, common: zhCommon } },
    ns: ['alliance', 'common'],
    defaultNS: 'common',
    initImmediate: false,
    interpolation: { escapeValue: false },
  });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(KpiCard, { kpi: k as never, onEvidence: () => {} })));
}

beforeAll(async () => {
  w = await startApiWorld(await freshDatabaseUrl('sqlite', 'rules_shared'), { history: 'none' });
  const head = (await rpc('eth_getBlockByNumber', ['latest', false])) as { timestamp: string };
  AS_OF = Number(BigInt(head.timestamp)) + 60 * DAY;
  START = AS_OF - 5 * 365 * DAY;
  END = AS_OF + 10 * DAY;
  const member = w.devnet.members[0]!;
  const owner = w.devnet.owner;
  await send(owner, encodeFunctionData({ abi: allianceRegistryAbi, functionName: 'setTarget', args: [kpiKey('patents'), 10n, BigInt(START), BigInt(END)] }), AS_OF - 30 * DAY);
  await send(owner, encodeFunctionData({ abi: allianceRegistryAbi, functionName: 'admitMember', args: [member, 'Test Co. / 测试公司', 'CN', 'finance'] }), AS_OF - 29 * DAY);
  for (let i = 0; i < 7; i++) {
    const no = asciiToBytes32(`CN20261000000${i}0`);
    await send(member, encodeFunctionData({ abi: allianceRegistryAbi, functionName: 'filePatent', args: [no, `Patent ${i}`, BigInt(AS_OF - (20 - i) * DAY)] }), AS_OF - (20 - i) * DAY);
  }
  await rpc('evm_setNextBlockTimestamp', [AS_OF]);
  await rpc('evm_mine');
});
afterAll(async () => w?.close());

describe('a rule changed in rules/kpi.ts', () => {
  it('changes the API and the dashboard alike', async () => {
    // The rule as written: ten days before its end the period is running, 7 of 10 at 98 % elapsed.
    rule.endsEarlyBy = 0;
    const before = await kpi();
    expect(before).toMatchObject({ current: '7', ended: false, status: 'BEHIND', asOf: AS_OF, periodEnd: END });
    const cardBefore = renderCard(before, 'en');
    expect(cardBefore).toContain('data-value="BEHIND"');
    expect(cardBefore).toContain('Expected by now at an even pace');
    expect(cardBefore).not.toContain('short of the target');

    // The rule changed: periods end thirty days early. A new head, so nothing is memoised.
    rule.endsEarlyBy = 30 * DAY;
    await rpc('evm_mine', [AS_OF + 60]);
    const after = await kpi();
    expect(after).toMatchObject({ current: '7', ended: true, status: 'MISSED' });
    for (const [lang, missed, short] of [['en', 'Missed', 'The period ended 3 short of the target (30.0%'], ['zh-CN', '未达成', '规划期结束时距目标还差 3（目标的 30.0%']] as const) {
      const card = renderCard(after, lang);
      expect(card).toContain('data-value="MISSED"');
      expect(card).toContain(missed);
      expect(card).toContain(short);
    }
    expect(renderCard(after, 'en')).toContain('Final figure, at the period end');
  });
});
