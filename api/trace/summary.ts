// A transaction in one line: what it did, built from its decoded call and token transfers as
// a kind and typed parts (buildSummary), then written in a language with the best names of
// its addresses (renderSummary). Both pure: the resolver hands in the names and tokens.
import { formatUnits, type Hex } from 'viem';
import { bytes32ToAscii, kpiFromKey } from '../../contracts/registry';
import type { KpiKey } from '../../config/constants';
import type { LabelSource } from '../generated/enums';
import { splitName } from '../data/names';

export type SummaryLang = 'en' | 'zh-CN';

export type Part =
  | { kind: 'address'; address: string }
  | { kind: 'coin'; wei: string }
  | { kind: 'token'; token: string; amount: string; tokenId: string | null; nft: boolean }
  /** Verbatim: a method name, a patent number, a node label, a scenario id. */
  | { kind: 'text'; text: string }
  /** A name as registered, "English / 中文". */
  | { kind: 'name'; name: string }
  | { kind: 'kpi'; key: KpiKey | string }
  | { kind: 'stage'; stage: number }
  | { kind: 'quarter'; period: number }
  | { kind: 'cny'; amount: string };

const TEMPLATES = {
  coinTransfer: { en: '{from} transferred {amount} to {to}', 'zh-CN': '{from} 向 {to} 转账 {amount}' },
  tokenTransfer: { en: '{from} transferred {amount} to {to}', 'zh-CN': '{from} 向 {to} 转移 {amount}' },
  create: { en: '{from} created contract {contract}', 'zh-CN': '{from} 创建了合约 {contract}' },
  call: { en: 'Called `{method}` on {contract}', 'zh-CN': '调用了 {contract} 的 `{method}`' },
  callWithValue: { en: 'Called `{method}` on {contract}, sending {amount}', 'zh-CN': '调用了 {contract} 的 `{method}`，附带 {amount}' },
  admitMember: { en: 'The secretariat admitted member {member}', 'zh-CN': '秘书处接纳了成员 {member}' },
  removeMember: { en: 'The secretariat removed member {member}', 'zh-CN': '秘书处移除了成员 {member}' },
  setTarget: { en: 'The secretariat set the {kpi} target to {target}', 'zh-CN': '秘书处将{kpi}目标设为 {target}' },
  filePatent: { en: 'Member {member} filed patent {patent}', 'zh-CN': '成员 {member} 提交了专利 {patent}' },
  launchScenario: { en: 'The secretariat launched scenario {scenario}, led by {member}', 'zh-CN': '秘书处发起了应用场景 {scenario}，牵头成员 {member}' },
  setScenarioStage: { en: 'The secretariat moved scenario #{scenario} to the {stage} stage', 'zh-CN': '秘书处将应用场景 #{scenario} 调整为{stage}阶段' },
  reportOutput: { en: 'Member {member} reported output of {amount} for {quarter}', 'zh-CN': '成员 {member} 申报了{quarter}产值 {amount}' },
  registerNode: { en: 'Member {member} registered node {node} ({label})', 'zh-CN': '成员 {member} 登记了节点 {node}（{label}）' },
  deregisterNode: { en: '{from} deregistered node {node}', 'zh-CN': '{from} 注销了节点 {node}' },
} as const;

export type SummaryKind = keyof typeof TEMPLATES;

export interface Summary {
  kind: SummaryKind;
  /** The transaction failed: the line says what it tried. */
  failed: boolean;
  parts: Record<string, Part>;
}

/** What a summary is built from. */
export interface SummaryFacts {
  from: string;
  to: string | null;
  contractAddress: string | null;
  value: string;
  input: string;
  failed: boolean;
  /** The top-level call decoded (registry, verified ABI or guess); null when unknown. */
  call: { name: string; source: string; args: Array<{ name: string; value: string }> } | null;
  /** The transfers its logs record, in order. */
  transfers: ReadonlyArray<{ token: string; type: string; from_address: string; to_address: string; value: unknown; token_id: string }>;
  /** The configured AllianceRegistry, lowercase. */
  registry: string | null;
}

const TOKEN_MOVES = new Set(['transfer', 'transferFrom', 'safeTransferFrom']);

const address = (a: string): Part => ({ kind: 'address', address: a });
const text = (t: string): Part => ({ kind: 'text', text: t });

/** A bytes32 argument as the ASCII it pads (patent numbers), else as given. */
function ascii(v: string): string {
  try {
    return /^0x[0-9a-f]{64}$/i.test(v) ? bytes32ToAscii(v as Hex) : v;
  } catch {
    return v;
  }
}

function registrySummary(f: SummaryFacts, name: string, arg: (n: string) => string): Omit<Summary, 'failed'> | null {
  switch (name) {
    case 'admitMember':
      return { kind: 'admitMember', parts: { member: { kind: 'name', name: arg('name') } } };
    case 'removeMember':
      return { kind: 'removeMember', parts: { member: address(arg('member')) } };
    case 'setTarget':
      return { kind: 'setTarget', parts: { kpi: { kind: 'kpi', key: kpiFromKey(arg('kpi') as Hex) ?? ascii(arg('kpi')) }, target: text(arg('target')) } };
    case 'filePatent':
      return { kind: 'filePatent', parts: { member: address(f.from), patent: text(ascii(arg('applicationNo'))) } };
    case 'launchScenario':
      return { kind: 'launchScenario', parts: { scenario: { kind: 'name', name: arg('name') }, member: address(arg('leadMember')) } };
    case 'setScenarioStage':
      return { kind: 'setScenarioStage', parts: { scenario: text(arg('scenarioId')), stage: { kind: 'stage', stage: Number(arg('stage')) } } };
    case 'reportOutput':
      return { kind: 'reportOutput', parts: { member: address(f.from), amount: { kind: 'cny', amount: arg('amountCny') }, quarter: { kind: 'quarter', period: Number(arg('period')) } } };
    case 'registerNode':
      return { kind: 'registerNode', parts: { member: address(f.from), node: address(arg('node')), label: text(arg('label')) } };
    case 'deregisterNode':
      return { kind: 'deregisterNode', parts: { from: address(f.from), node: address(arg('node')) } };
    default:
      return null;
  }
}

export function buildSummary(f: SummaryFacts): Summary {
  const failed = f.failed;
  if (!f.to) {
    return { kind: 'create', failed, parts: { from: address(f.from), contract: f.contractAddress ? address(f.contractAddress) : text('—') } };
  }
  const call = f.call;
  if (call && f.registry && f.to === f.registry) {
    const arg = (n: string) => call.args.find((a) => a.name === n)?.value ?? '';
    const s = registrySummary(f, call.name, arg);
    if (s) return { ...s, failed };
  }
  const own = f.transfers.filter((t) => t.token === f.to);
  if (call && TOKEN_MOVES.has(call.name) && f.transfers.length === 1 && own.length === 1) {
    const t = own[0]!;
    return {
      kind: 'tokenTransfer',
      failed,
      parts: {
        from: address(t.from_address),
        to: address(t.to_address),
        amount: { kind: 'token', token: t.token, amount: String(t.value), tokenId: t.type === 'ERC20' ? null : t.token_id, nft: t.type === 'ERC721' },
      },
    };
  }
  if (f.input === '0x' || f.input === '') {
    return { kind: 'coinTransfer', failed, parts: { from: address(f.from), to: address(f.to), amount: { kind: 'coin', wei: f.value } } };
  }
  const method = text(call ? `${call.name}()` : f.input.slice(0, 10));
  if (BigInt(f.value) > 0n) return { kind: 'callWithValue', failed, parts: { method, contract: address(f.to), amount: { kind: 'coin', wei: f.value } } };
  return { kind: 'call', failed, parts: { method, contract: address(f.to) } };
}

/** What rendering needs to know beyond the summary: names, tokens and the native coin. */
export interface SummaryLookup {
  name(address: string): { label: string; source: LabelSource } | null | undefined;
  token(address: string): { symbol: string | null; name: string | null; decimals: number | null } | null | undefined;
  coin: { symbol: string; decimals: number };
}

const KPI_NAMES: Record<string, Record<SummaryLang, string>> = {
  patents: { en: 'patents', 'zh-CN': '专利' },
  scenarios: { en: 'in-depth scenarios', 'zh-CN': '深度应用场景' },
  outputValue: { en: 'output value', 'zh-CN': '产值' },
  members: { en: 'members', 'zh-CN': '成员' },
};
const STAGES: Record<SummaryLang, string[]> = { en: ['pilot', 'in-depth', 'retired'], 'zh-CN': ['试点', '深度应用', '退出'] };
const FAILED: Record<SummaryLang, string> = { en: 'Failed: ', 'zh-CN': '失败：' };

const short = (a: string) => `${a.slice(0, 6)}…${a.slice(-4)}`;
const locale = (lang: SummaryLang) => (lang === 'en' ? 'en-US' : 'zh-CN');

/** A decimal amount with grouped thousands (exact: the integer part stays a bigint). */
function amountText(raw: string, decimals: number, lang: SummaryLang): string {
  const [int = '0', frac] = formatUnits(BigInt(raw), decimals).split('.');
  return `${BigInt(int).toLocaleString(locale(lang))}${frac ? `.${frac}` : ''}`;
}

function partText(p: Part, lang: SummaryLang, look: SummaryLookup): string {
  switch (p.kind) {
    case 'address': {
      const n = look.name(p.address);
      if (!n) return short(p.address);
      return n.source === 'MEMBER' ? (lang === 'en' ? splitName(n.label).en : splitName(n.label).zh) : n.label;
    }
    case 'name':
      return lang === 'en' ? splitName(p.name).en : splitName(p.name).zh;
    case 'coin':
      return `${amountText(p.wei, look.coin.decimals, lang)} ${look.coin.symbol}`;
    case 'token': {
      const t = look.token(p.token);
      const unit = t?.symbol || t?.name || short(p.token);
      if (p.nft) return `${unit} #${p.tokenId}`;
      const amount = amountText(p.amount, t?.decimals ?? 0, lang);
      return p.tokenId === null ? `${amount} ${unit}` : `${amount} ${unit} #${p.tokenId}`;
    }
    case 'text':
      return p.text;
    case 'kpi':
      return KPI_NAMES[p.key]?.[lang] ?? p.key;
    case 'stage':
      return STAGES[lang][p.stage] ?? String(p.stage);
    case 'quarter': {
      const year = Math.floor(p.period / 10);
      const q = p.period % 10;
      return lang === 'en' ? `${year} Q${q}` : `${year} 年第 ${q} 季度`;
    }
    case 'cny':
      return new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 }).format(BigInt(p.amount));
  }
}

/** The line in `lang`. */
export function renderSummary(s: Summary, lang: SummaryLang, look: SummaryLookup): string {
  const line = TEMPLATES[s.kind][lang].replace(/\{(\w+)\}/g, (_m, key: string) => {
    const p = s.parts[key];
    return p ? partText(p, lang, look) : '';
  });
  return s.failed ? FAILED[lang] + line : line;
}

/** Every address and token a summary names, for loading their names in one batch. */
export function summaryRefs(s: Summary): { addresses: string[]; tokens: string[] } {
  const parts = Object.values(s.parts);
  return {
    addresses: parts.flatMap((p) => (p.kind === 'address' ? [p.address] : [])),
    tokens: parts.flatMap((p) => (p.kind === 'token' ? [p.token] : [])),
  };
}
