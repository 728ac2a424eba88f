// Pure pieces of accounts and tokens: event and metadata decoding, tracer formats, the
// balance-disagreement rule and the devnet's token plan. No network.
import { encodeAbiParameters, stringToHex } from 'viem';
import { describe, expect, it } from 'vitest';
import { deriveAccounts } from '../devnet/accounts';
import { planHistory } from '../devnet/plan';
import { addTokenActivity } from '../devnet/tokens';
import { runningSums } from '../indexer/account-rows';
import { holderCountChanges } from '../indexer/account-writer';
import { holdingKey } from '../indexer/enrich';
import {
  decodeText, decodeTokenLog, decodeTokenMeta, sortKey, TRANSFER_BATCH_TOPIC, TRANSFER_SINGLE_TOPIC, TRANSFER_TOPIC,
} from '../indexer/tokens';
import { flattenCallFrames, groupParityTraces } from '../indexer/traces';

const A = '0x1111111111111111111111111111111111111111';
const B = '0x2222222222222222222222222222222222222222';
const topic = (a: string) => `0x${a.slice(2).padStart(64, '0')}`;
const word = (n: bigint) => `0x${n.toString(16).padStart(64, '0')}`;

describe('token events', () => {
  it('tells ERC-20 from ERC-721 Transfer by topic count', () => {
    expect(decodeTokenLog('0xAB', [TRANSFER_TOPIC, topic(A), topic(B)], word(5n), 3)).toEqual([
      { token: '0xab', type: 'ERC20', logIndex: 3, batchIndex: 0, from: A, to: B, value: '5', tokenId: '' },
    ]);
    expect(decodeTokenLog('0xab', [TRANSFER_TOPIC, topic(A), topic(B), word(7n)], '0x', 1)).toEqual([
      { token: '0xab', type: 'ERC721', logIndex: 1, batchIndex: 0, from: A, to: B, value: '1', tokenId: '7' },
    ]);
  });

  it('decodes TransferSingle and every id of TransferBatch', () => {
    const single = encodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }], [9n, 40n]);
    expect(decodeTokenLog('0xab', [TRANSFER_SINGLE_TOPIC, topic(A), topic(A), topic(B)], single, 0)[0]).toMatchObject({ type: 'ERC1155', tokenId: '9', value: '40' });
    const batch = encodeAbiParameters([{ type: 'uint256[]' }, { type: 'uint256[]' }], [[1n, 2n], [10n, 20n]]);
    expect(decodeTokenLog('0xab', [TRANSFER_BATCH_TOPIC, topic(A), topic(A), topic(B)], batch, 4).map((e) => [e.batchIndex, e.tokenId, e.value])).toEqual([
      [0, '1', '10'],
      [1, '2', '20'],
    ]);
  });

  it('skips what does not decode: dirty address topics, short data, mismatched batch arrays', () => {
    expect(decodeTokenLog('0xab', [TRANSFER_TOPIC, word(2n ** 200n), topic(B)], word(5n), 0)).toEqual([]);
    expect(decodeTokenLog('0xab', [TRANSFER_TOPIC, topic(A), topic(B)], '0x05', 0)).toEqual([]);
    const bad = encodeAbiParameters([{ type: 'uint256[]' }, { type: 'uint256[]' }], [[1n, 2n], [10n]]);
    expect(decodeTokenLog('0xab', [TRANSFER_BATCH_TOPIC, topic(A), topic(A), topic(B)], bad, 0)).toEqual([]);
  });
});

describe('token metadata', () => {
  const str = (s: string) => encodeAbiParameters([{ type: 'string' }], [s]);
  it('reads strings, bytes32 symbols and marks what is missing or absurd', () => {
    const meta = decodeTokenMeta(
      { name: null, symbol: stringToHex('MKR', { size: 32 }), decimals: word(255n), totalSupply: null, supports721: null, supports1155: null },
      'ERC20',
    );
    expect(meta).toEqual({
      type: 'ERC20', name: null, symbol: 'MKR', decimals: null, totalSupply: null,
      issues: ['NAME_UNREADABLE', 'BYTES32_METADATA', 'DECIMALS_ABSURD', 'TOTAL_SUPPLY_UNREADABLE'],
    });
    expect(decodeText(str('x'.repeat(5000)))).toEqual({ text: 'x'.repeat(200), bytes32: false, truncated: true });
  });

  it('trusts ERC-165 over the event shape, and only an exact true', () => {
    const base = { name: str('N'), symbol: str('S'), decimals: null, totalSupply: word(3n) };
    expect(decodeTokenMeta({ ...base, supports721: word(1n), supports1155: word(0n) }, 'ERC20').type).toBe('ERC721');
    expect(decodeTokenMeta({ ...base, supports721: word(2n), supports1155: null }, 'ERC20').type).toBe('ERC20');
  });

  it('sort keys order like the numbers', () => {
    expect(sortKey('10') > sortKey('9')).toBe(true);
    expect(sortKey((2n ** 255n).toString()).length).toBe(78);
  });
});

describe('running sums of deltas', () => {
  it("adds each block's change to what the database holds, a new key starting at the base", () => {
    const r = runningSums(new Map([['a', 10n]]), [
      { block: 1, deltas: new Map([['a', -3n], ['b', 5n]]) },
      { block: 2, deltas: new Map([['b', 0n]]) },
      { block: 3, deltas: new Map([['a', 1n]]) },
    ], 0n);
    expect(r.steps).toEqual([
      { key: 'a', block: 1, value: 7n }, { key: 'b', block: 1, value: 5n }, { key: 'b', block: 2, value: 5n }, { key: 'a', block: 3, value: 8n },
    ]);
    expect(Object.fromEntries(r.last)).toEqual({ a: { block: 3, value: 8n }, b: { block: 2, value: 5n } });
  });
  it('keeps an unknown start unknown rather than guessing 0', () => {
    const r = runningSums(new Map([['s', null]]), [{ block: 4, deltas: new Map([['s', 2n], ['t', 1n]]) }], null);
    expect(r.steps.map((x) => x.value)).toEqual([null, null]);
  });
});

describe('holder count changes', () => {
  const k = (token: string, holder: string, id = '') => holdingKey(token, holder, id);
  it('ERC-20/721: a new holder adds one, an emptied one removes one, a changed balance neither', () => {
    const before = new Map([[k('t', 'a'), '5'], [k('t', 'b'), '7']]);
    const after = new Map([[k('t', 'a'), '0'], [k('t', 'b'), '9'], [k('t', 'c'), '1'], [k('u', 'a'), '3']]);
    expect(Object.fromEntries(holderCountChanges(before, after))).toEqual({ t: 0, u: 1 });
    expect(Object.fromEntries(holderCountChanges(before, new Map([[k('t', 'a'), '0'], [k('t', 'b'), '0']])))).toEqual({ t: -2 });
  });

  it('ERC-1155: a holder counts once across ids, and leaves only with its last id', () => {
    const before = new Map([[k('r', 'a', '1'), '4'], [k('r', 'a', '2'), '6']]);
    expect(Object.fromEntries(holderCountChanges(before, new Map([[k('r', 'a', '1'), '0']])))).toEqual({ r: 0 });
    expect(Object.fromEntries(holderCountChanges(before, new Map([[k('r', 'a', '1'), '0'], [k('r', 'a', '2'), '0']])))).toEqual({ r: -1 });
    expect(Object.fromEntries(holderCountChanges(before, new Map([[k('r', 'a', '3'), '1'], [k('r', 'b', '1'), '2'], [k('r', 'b', '2'), '2']])))).toEqual({ r: 1 });
    expect(Object.fromEntries(holderCountChanges(new Map(), new Map([[k('r', 'c', '1'), '0']])))).toEqual({ r: 0 });
  });
});

describe('tracer formats', () => {
  it('flattens a callTracer tree depth-first below the root', () => {
    const root = { type: 'CALL', calls: [{ type: 'CALL', from: A, to: B, value: '0x10', gasUsed: '0x5', calls: [{ type: 'STATICCALL', from: B, to: A }] }, { type: 'CREATE2', from: A, to: B, error: 'out of gas' }] };
    expect(flattenCallFrames(root).map((c) => [c.idx, c.traceAddress, c.depth, c.callType, c.value, c.error])).toEqual([
      [0, '0', 1, 'CALL', '16', null],
      [1, '0.0', 2, 'STATICCALL', '0', null],
      [2, '1', 1, 'CREATE2', '0', 'out of gas'],
    ]);
  });

  it('groups trace_block per transaction, dropping rewards and top-level calls', () => {
    const byTx = groupParityTraces([
      { type: 'call', action: { callType: 'call', from: A, to: B, value: '0x1' }, traceAddress: [], transactionHash: '0xAA' },
      { type: 'call', action: { callType: 'delegatecall', from: B, to: A, value: '0x0' }, result: { gasUsed: '0x9' }, traceAddress: [0], transactionHash: '0xAA' },
      { type: 'reward', action: {}, traceAddress: [], transactionHash: null },
    ]);
    expect([...byTx.keys()]).toEqual(['0xaa']);
    expect(byTx.get('0xaa')).toEqual([{ idx: 0, traceAddress: '0', depth: 1, callType: 'DELEGATECALL', from: B, to: A, value: '0', gasUsed: 9, error: null }]);
  });
});

describe('devnet token plan', () => {
  it('is a pure function of the seed, leaves the registry history alone, and uses every standard', () => {
    const accounts = deriveAccounts(1);
    const historyEnd = new Date('2020-12-01T00:00:00Z');
    const plain = planHistory({ seed: 1, accounts, historyEnd });
    const a = planHistory({ seed: 1, accounts, historyEnd });
    const b = planHistory({ seed: 1, accounts, historyEnd });
    const ra = addTokenActivity(a, 1, accounts);
    addTokenActivity(b, 1, accounts);
    expect(a).toEqual(b);
    expect(a.blocks.map((x) => x.timestamp)).toEqual(plain.blocks.map((x) => x.timestamp));
    // Every registry transaction is still there, in order.
    const registryTxs = (p: typeof plain) => p.blocks.flatMap((x) => x.txs.filter((t) => t.to === p.registry));
    expect(registryTxs(a)).toEqual(registryTxs(plain));
    expect(ra.counts.tokenTransfers).toBeGreaterThan(100);
    expect(ra.counts.subsidyPayouts).toBeGreaterThan(0);
    const targets = new Set(a.blocks.flatMap((x) => x.txs.map((t) => t.to)));
    for (const c of Object.values(ra.contracts)) expect(targets.has(c)).toBe(true);
  });
});
