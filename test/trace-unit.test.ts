// The pure parts of a transaction's trace, state changes and summary, without a node.
import { describe, expect, it } from 'vitest';
import { encodeAbiParameters } from 'viem';
import { asciiToBytes32, kpiKey } from '../contracts/registry';
import { framesFromCallTracer, framesFromIndex, revertReason } from '../api/trace/frames';
import { changesFromPrestate, nativeChangesFromIndex, tokenChanges } from '../api/trace/state-changes';
import { buildSummary, renderSummary, summaryRefs, type SummaryFacts, type SummaryLookup } from '../api/trace/summary';

const A = '0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const B = '0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const C = '0xcccccccccccccccccccccccccccccccccccccccc';
const REGISTRY = '0x1111111111111111111111111111111111111111';
const TOKEN = '0x2222222222222222222222222222222222222222';
const ZERO = '0x0000000000000000000000000000000000000000';
const word = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;

describe('frames', () => {
  it('flattens a callTracer tree depth-first, with no value for DELEGATECALL, no address for a failed creation, and the revert reason', () => {
    const reason = `0x08c379a0${encodeAbiParameters([{ type: 'string' }], ['too late']).slice(2)}`;
    const frames = framesFromCallTracer({
      type: 'CALL', from: A.toUpperCase().replace('0X', '0x'), to: B, value: '0x10', gas: '0x100', gasUsed: '0x50', input: '0xABCDEF01', output: '0x',
      calls: [
        { type: 'DELEGATECALL', from: B, to: C, value: '0x10', gas: '0x20', gasUsed: '0x10', input: '0x' },
        { type: 'CREATE', from: B, to: C, value: '0x0', gas: '0x20', gasUsed: '0x20', input: '0x60', error: 'Reverted', output: reason, calls: [{ type: 'CALL', from: C, to: A, gasUsed: '0x1', input: '0x' }] },
      ],
    });
    expect(frames.map((f) => [f.path, f.depth, f.callType, f.from, f.to, f.value, f.error, f.revertReason])).toEqual([
      ['', 0, 'CALL', A, B, '16', null, null],
      ['0', 1, 'DELEGATECALL', B, C, '0', null, null],
      ['1', 1, 'CREATE', B, null, '0', 'execution reverted', 'too late'],
      ['1.0', 2, 'CALL', C, A, '0', null, null],
    ]);
    expect(frames[0]).toMatchObject({ gas: '256', gasUsed: '80', input: '0xabcdef01', output: '0x' });
    expect(revertReason('0x4e487b71')).toBeNull(); // Panic(uint256) is not a reason string
  });

  it('builds the index tree from the transaction and its internal calls; nothing below it when untraced', () => {
    const tx = { from_address: A, to_address: null, contract_address: C, value: '5', gas: 100, gas_used: 90, input: '0x60', status: 0 };
    const call = { trace_address: '0', depth: 1, call_type: 'CALL', from_address: C, to_address: B, value: '1', gas_used: 3, error: null };
    expect(framesFromIndex(tx, [call]).map((f) => [f.path, f.callType, f.to, f.error, f.input])).toEqual([
      ['', 'CREATE', C, 'execution reverted', '0x60'],
      ['0', 'CALL', B, null, null],
    ]);
    expect(framesFromIndex(tx, null)).toHaveLength(1);
  });
});

describe('state changes', () => {
  it('reads a diff-mode prestate: missing nonce is 0, a slot missing from post became zero, an account missing from post was deleted', () => {
    const changes = changesFromPrestate({
      pre: {
        [A]: { balance: '0x100' },
        [B]: { balance: '0x5', nonce: 1, storage: { '0x0': word(7), [word(1)]: word(2) } },
        [C]: { balance: '0x9', nonce: 1 },
      },
      post: {
        [A.toUpperCase().replace('0X', '0x')]: { balance: '0x90', nonce: 1 },
        [B]: { storage: { [word(1)]: word(3) } },
      },
    });
    expect(changes.map((c) => [c.kind, c.address, c.slot, c.before, c.after, c.delta])).toEqual([
      ['NATIVE', A, null, '256', '144', '-112'],
      ['NATIVE', C, null, '9', '0', '-9'],
      ['NONCE', A, null, '0', '1', '1'],
      ['NONCE', C, null, '1', '0', '-1'],
      ['STORAGE', B, word(0), word(7), word(0), null],
      ['STORAGE', B, word(1), word(2), word(3), null],
    ]);
  });

  it('sums token transfers per holder: ERC-721 as a count, ERC-1155 per id, nothing for the zero address, even holdings left out', () => {
    const tokenOf: Record<string, string> = { ERC20: TOKEN, ERC721: `0x${'7'.repeat(40)}`, ERC1155: `0x${'9'.repeat(40)}` };
    const t = (type: string, from: string, to: string, value: string, token_id = '') => ({ token: tokenOf[type]!, type, from_address: from, to_address: to, value, token_id });
    const changes = tokenChanges([
      t('ERC20', ZERO, A, '100'), t('ERC20', A, B, '30'), t('ERC20', B, A, '30'),
      t('ERC721', A, B, '1', '7'), t('ERC721', A, B, '1', '8'),
      t('ERC1155', A, C, '4', '9'), t('ERC1155', A, C, '5', '10'),
    ]);
    expect(changes.map((c) => [c.address, c.token, c.tokenId, c.delta])).toEqual([
      [A, TOKEN, null, '100'], // minted; B's round trip leaves nothing
      [A, tokenOf.ERC721, null, '-2'],
      [A, tokenOf.ERC1155, '10', '-5'],
      [A, tokenOf.ERC1155, '9', '-4'],
      [B, tokenOf.ERC721, null, '2'],
      [C, tokenOf.ERC1155, '10', '5'],
      [C, tokenOf.ERC1155, '9', '4'],
    ]);
  });

  it('native deltas from the index: value, fee, tip, and only the internal calls that stood', () => {
    const changes = nativeChangesFromIndex(
      { miner: C, baseFeePerGas: '10', tx: { from_address: A, to_address: B, contract_address: null, value: '1000', gas_used: 2, effective_gas_price: '15', status: 1 } },
      [
        { trace_address: '0', depth: 1, call_type: 'CALL', from_address: B, to_address: C, value: '7', gas_used: 1, error: 'execution reverted' },
        { trace_address: '0.0', depth: 2, call_type: 'CALL', from_address: C, to_address: A, value: '3', gas_used: 1, error: null },
        { trace_address: '1', depth: 1, call_type: 'CALL', from_address: B, to_address: A, value: '100', gas_used: 1, error: null },
      ],
    );
    expect(changes.map((c) => [c.address, c.delta])).toEqual([[A, String(-1000 - 30 + 100)], [B, '900'], [C, '10']]);
  });
});

describe('summary', () => {
  const base: SummaryFacts = { from: A, to: B, contractAddress: null, value: '0', input: '0x', failed: false, call: null, transfers: [], registry: REGISTRY };
  const look: SummaryLookup = {
    name: (a) => ({ [A]: { label: 'Inspur / 浪潮', source: 'MEMBER' as const }, [C]: { label: 'Vault', source: 'CONTRACT' as const } })[a],
    token: (a) => (a === TOKEN ? { symbol: 'ASC', name: 'Alliance Service Credit', decimals: 2 } : undefined),
    coin: { symbol: 'YU', decimals: 18 },
  };
  const both = (f: Partial<SummaryFacts>) => {
    const s = buildSummary({ ...base, ...f });
    return [renderSummary(s, 'en', look), renderSummary(s, 'zh-CN', look)];
  };
  const registry = (name: string, args: Record<string, string>, from = A) =>
    both({ from, to: REGISTRY, input: '0x12345678', call: { name, source: 'REGISTRY', args: Object.entries(args).map(([n, value]) => ({ name: n, value })) } });

  it('a coin transfer names the member in each language, with grouped amounts', () => {
    expect(both({ value: '1234500000000000000000' })).toEqual(['Inspur transferred 1,234.5 YU to 0xbbbb…bbbb', '浪潮 向 0xbbbb…bbbb 转账 1,234.5 YU']);
  });

  it('a token transfer by its symbol and decimals; an NFT by its id; a failed one says so', () => {
    const transfer = { token: TOKEN, type: 'ERC20', from_address: A, to_address: B, value: '10000', token_id: '' };
    const call = { name: 'transfer', source: 'GUESS', args: [] };
    expect(both({ to: TOKEN, input: '0xa9059cbb', call, transfers: [transfer] })).toEqual(['Inspur transferred 100 ASC to 0xbbbb…bbbb', '浪潮 向 0xbbbb…bbbb 转移 100 ASC']);
    const nft = { ...transfer, type: 'ERC721', value: '1', token_id: '42' };
    expect(both({ to: TOKEN, input: '0x23b872dd', call: { ...call, name: 'transferFrom' }, transfers: [nft] })[0]).toBe('Inspur transferred ASC #42 to 0xbbbb…bbbb');
    expect(both({ to: TOKEN, input: '0xa9059cbb', call, failed: true })).toEqual(['Failed: Called `transfer()` on 0x2222…2222', '失败：调用了 0x2222…2222 的 `transfer()`']);
  });

  it('a contract call by the verified contract name, with the value sent', () => {
    expect(both({ to: C, input: '0xd0e30db0', value: '1000000000000000000', call: { name: 'deposit', source: 'VERIFIED', args: [] } })).toEqual([
      'Called `deposit()` on Vault, sending 1 YU',
      '调用了 Vault 的 `deposit()`，附带 1 YU',
    ]);
    expect(both({ to: C, input: '0xdeadbeef00' })[0]).toBe('Called `0xdeadbeef` on Vault');
  });

  it('a contract creation', () => {
    expect(both({ to: null, contractAddress: C, input: '0x6080' })).toEqual(['Inspur created contract Vault', '浪潮 创建了合约 Vault']);
  });

  it('every registry call, in both languages', () => {
    expect(registry('filePatent', { applicationNo: asciiToBytes32('CN-2024-1'), title: 't', filedAt: '1' })).toEqual(['Member Inspur filed patent CN-2024-1', '成员 浪潮 提交了专利 CN-2024-1']);
    expect(registry('admitMember', { member: B, name: 'Yuzhong Logistics / 渝中物流', country: 'CN', sector: 'logistics' }, C)).toEqual([
      'The secretariat admitted member Yuzhong Logistics', '秘书处接纳了成员 渝中物流',
    ]);
    expect(registry('removeMember', { member: A }, C)).toEqual(['The secretariat removed member Inspur', '秘书处移除了成员 浪潮']);
    expect(registry('setTarget', { kpi: kpiKey('patents'), target: '1000', periodStart: '0', periodEnd: '1' }, C)).toEqual([
      'The secretariat set the patents target to 1000', '秘书处将专利目标设为 1000',
    ]);
    expect(registry('launchScenario', { name: 'Port logistics / 港口物流', sector: 'logistics', leadMember: A }, C)).toEqual([
      'The secretariat launched scenario Port logistics, led by Inspur', '秘书处发起了应用场景 港口物流，牵头成员 浪潮',
    ]);
    expect(registry('setScenarioStage', { scenarioId: '3', stage: '1' }, C)).toEqual([
      'The secretariat moved scenario #3 to the in-depth stage', '秘书处将应用场景 #3 调整为深度应用阶段',
    ]);
    expect(registry('reportOutput', { period: '20202', amountCny: '1500000' })).toEqual([
      'Member Inspur reported output of CN¥1,500,000 for 2020 Q2', '成员 浪潮 申报了2020 年第 2 季度产值 ¥1,500,000',
    ]);
    expect(registry('registerNode', { node: B, label: 'node-1' })).toEqual(['Member Inspur registered node 0xbbbb…bbbb (node-1)', '成员 浪潮 登记了节点 0xbbbb…bbbb（node-1）']);
    expect(registry('deregisterNode', { node: B })).toEqual(['Inspur deregistered node 0xbbbb…bbbb', '浪潮 注销了节点 0xbbbb…bbbb']);
  });

  it('a registry-named call on another contract is only a contract call', () => {
    expect(both({ to: C, input: '0x12345678', call: { name: 'filePatent', source: 'GUESS', args: [] } })[0]).toBe('Called `filePatent()` on Vault');
  });

  it('lists the addresses and tokens it needs names for', () => {
    const transfer = { token: TOKEN, type: 'ERC20', from_address: A, to_address: B, value: '1', token_id: '' };
    expect(summaryRefs(buildSummary({ ...base, to: TOKEN, input: '0xa9059cbb', call: { name: 'transfer', source: 'GUESS', args: [] }, transfers: [transfer] }))).toEqual({
      addresses: [A, B], tokens: [TOKEN],
    });
  });
});
