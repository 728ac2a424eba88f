// The pure parts of archive-free balances: native deltas of a block, the tracer formats'
// agreement, genesis files, state-unavailable errors and where exact history begins. No network.
import { describe, expect, it } from 'vitest';
import { effectiveCalls, nativeDeltas } from '../indexer/native-deltas';
import { GenesisError, parseGenesis } from '../indexer/genesis';
import { isStateUnavailable } from '../indexer/state-errors';
import { exactFromAfterBatch, exactFromAfterHeadCheck, exactFromAtStart } from '../indexer/exactness';
import { errorText, flattenCallFrames, groupParityTraces, parityRewards } from '../indexer/traces';
import type { InternalCall } from '../indexer/traces';

const A = '0x000000000000000000000000000000000000000a' as const;
const B = '0x000000000000000000000000000000000000000b' as const;
const C = '0x000000000000000000000000000000000000000c' as const;
const M = '0x00000000000000000000000000000000000c0ffe' as const;
const hex = (n: bigint | number) => `0x${BigInt(n).toString(16)}` as `0x${string}`;

const call = (over: Partial<InternalCall>): InternalCall => ({
  idx: 0, traceAddress: '0', depth: 1, callType: 'CALL', from: B, to: C, value: '0', gasUsed: 0, error: null, ...over,
});

describe('native deltas of a block', () => {
  const block = (txs: { from: string; to: string | null; value: number }[], baseFee = 7) => ({
    miner: M,
    baseFeePerGas: hex(baseFee),
    transactions: txs.map((t, i) => ({ hash: hex(i), from: t.from, to: t.to, value: hex(t.value) })) as never,
  });
  const receipt = (gasUsed: number, price: number, status = 1, contractAddress: string | null = null) =>
    ({ gasUsed: hex(gasUsed), effectiveGasPrice: hex(price), status: hex(status), contractAddress }) as never;

  it('charges the fee, pays the tip to the fee recipient, burns the base fee and moves the value', () => {
    const d = nativeDeltas(block([{ from: A, to: B, value: 100 }]), [receipt(21_000, 10)], [[]]);
    expect(Object.fromEntries(d.deltas)).toEqual({ [M]: 21_000n * 3n, [A]: -(21_000n * 10n) - 100n, [B]: 100n });
    expect(d.complete).toBe(true);
  });

  it('moves no value for a failed transaction, but still charges its fee', () => {
    const d = nativeDeltas(block([{ from: A, to: B, value: 100 }]), [receipt(30_000, 7, 0)], [[call({ value: '5' })]]);
    expect(d.deltas.get(A)).toBe(-(30_000n * 7n));
    expect(d.deltas.get(B)).toBe(0n);
    expect(d.deltas.get(C)).toBe(0n);
    expect(d.deltas.get(M)).toBe(0n);
  });

  it('counts internal value only where no frame at or above failed; DELEGATECALL and STATICCALL move nothing', () => {
    const calls = [
      call({ idx: 0, traceAddress: '0', value: '50' }),
      call({ idx: 1, traceAddress: '1', value: '20', error: 'execution reverted' }),
      call({ idx: 2, traceAddress: '1.0', from: C, to: A, value: '9' }),
      call({ idx: 3, traceAddress: '2', callType: 'DELEGATECALL', value: '100' }),
      call({ idx: 4, traceAddress: '3', callType: 'SELFDESTRUCT', from: C, to: A, value: '30' }),
      call({ idx: 5, traceAddress: '4', callType: 'CREATE2', from: B, to: '0x00000000000000000000000000000000000000cc', value: '4' }),
    ];
    expect(effectiveCalls(calls).map((c) => c.idx)).toEqual([0, 3, 4, 5]);
    const d = nativeDeltas(block([{ from: A, to: B, value: 100 }], 10), [receipt(50_000, 10)], [calls]);
    expect(d.deltas.get(B)).toBe(100n - 50n - 4n);
    expect(d.deltas.get(C)).toBe(50n - 30n);
    expect(d.deltas.get(A)).toBe(-(50_000n * 10n) - 100n + 30n);
    expect(d.deltas.get('0x00000000000000000000000000000000000000cc')).toBe(4n);
  });

  it('credits a creation to the new contract, withdrawals in gwei and rewards', () => {
    const b = { ...block([{ from: A, to: null, value: 5 }]), withdrawals: [{ address: C, amount: hex(3) }] };
    const d = nativeDeltas(b, [receipt(100_000, 7, 1, B)], [[]], [{ author: M, value: 2n }]);
    expect(d.deltas.get(B)).toBe(5n);
    expect(d.deltas.get(C)).toBe(3_000_000_000n);
    expect(d.deltas.get(M)).toBe(2n);
  });

  it('is incomplete without traces when the block has transactions, complete when it has none', () => {
    expect(nativeDeltas(block([{ from: A, to: B, value: 1 }]), [receipt(21_000, 7)], null).complete).toBe(false);
    expect(nativeDeltas(block([]), [], null).complete).toBe(true);
  });

  it('pays the whole price to the fee recipient on a chain without a base fee', () => {
    const b = { miner: M, transactions: [{ hash: '0x1', from: A, to: B, value: '0x0' }] as never };
    expect(nativeDeltas(b, [receipt(21_000, 5)], [[]]).deltas.get(M)).toBe(105_000n);
  });
});

describe('the two tracer formats', () => {
  it('give the same rows for the same calls: errors spelt one way, creations typed, DELEGATECALL without value', () => {
    const geth = flattenCallFrames({
      type: 'CALL', from: A, to: B, calls: [
        { type: 'DELEGATECALL', from: B, to: C, value: '0x5', gasUsed: '0x10' },
        { type: 'CREATE2', from: B, to: C, value: '0x7', gasUsed: '0x20', error: 'execution reverted' },
      ],
    });
    const parity = groupParityTraces([
      { type: 'call', action: { callType: 'call', from: A, to: B, value: '0x0' }, traceAddress: [], transactionHash: '0xaa', result: { gasUsed: '0x1' } },
      { type: 'call', action: { callType: 'delegatecall', from: B, to: C, value: '0x5' }, traceAddress: [0], transactionHash: '0xaa', result: { gasUsed: '0x10' } },
      { type: 'create', action: { from: B, value: '0x7', creationMethod: 'create2' }, traceAddress: [1], transactionHash: '0xaa', error: 'Reverted', result: null },
    ]).get('0xaa');
    // Gas is the one field the formats measure differently (trace_block gives a failed frame none).
    const withoutGas = (rows: InternalCall[]) => rows.map(({ gasUsed: _, ...rest }) => rest);
    expect(withoutGas(parity!)).toEqual(withoutGas(geth));
    expect(geth[1]).toMatchObject({ callType: 'CREATE2', to: null, error: 'execution reverted', value: '7' });
    expect(geth[0]!.value).toBe('0');
  });

  it('reads block rewards from trace_block', () => {
    expect(parityRewards([{ type: 'reward', action: { author: A, value: '0x1bc16d674ec80000', rewardType: 'block' }, traceAddress: [] }])).toEqual([
      { author: A, value: 2_000_000_000_000_000_000n },
    ]);
  });

  it('spells errors one way', () => {
    expect(errorText('Reverted')).toBe('execution reverted');
    expect(errorText('Out of gas')).toBe('out of gas');
    expect(errorText('')).toBeNull();
  });
});

describe('genesis files', () => {
  it('reads alloc balances in hex or decimal, with or without 0x, and code', () => {
    const g = parseGenesis({
      config: { chainId: 1337 },
      timestamp: '0x5e950a80',
      coinbase: M,
      alloc: { 'B000000000000000000000000000000000000001': { balance: '1000' }, '0xa000000000000000000000000000000000000002': { balance: '0x10', code: '6001' } },
    });
    expect(g.chainId).toBe(1337);
    expect(g.header).toEqual({ timestamp: '0x5e950a80', miner: M });
    expect(g.alloc).toEqual([
      { address: '0xa000000000000000000000000000000000000002', balance: 16n, code: '0x6001' },
      { address: '0xb000000000000000000000000000000000000001', balance: 1000n },
    ]);
  });

  it('refuses a bad entry with a line naming it', () => {
    expect(() => parseGenesis({ alloc: { nothex: { balance: '1' } } })).toThrow(GenesisError);
    expect(() => parseGenesis({ alloc: { [A]: { balance: 'lots' } } })).toThrow(/alloc\["0x0+a"\]\.balance is "lots"/);
    expect(() => parseGenesis([])).toThrow(/not a JSON object/);
  });
});

describe('state that a node no longer keeps', () => {
  it("recognises each client's wording, and nothing else", () => {
    for (const m of [
      'missing trie node 1a2b (path ) state 0x… is not available', 'header not found', 'BlockOutOfRangeError: block height is 21 but requested was 1',
      'World state not available for block 5', 'historical state 0xab is not available',
    ]) expect(isStateUnavailable(m)).toBe(true);
    for (const m of ['execution reverted', 'connection refused', 'method not found']) expect(isStateUnavailable(m)).toBe(false);
  });
});

describe('where exact balance history begins', () => {
  it('starts exact at block 0, unknown later; an untraced block or a correction moves it on', () => {
    expect(exactFromAtStart(0)).toBe(0);
    expect(exactFromAtStart(500)).toBeNull();
    expect(exactFromAfterBatch(0, [3, 9])).toBe(10);
    expect(exactFromAfterBatch(12, [3])).toBe(12);
    expect(exactFromAfterBatch(null, [3])).toBeNull();
    expect(exactFromAfterHeadCheck(0, 400, 0)).toBe(0);
    expect(exactFromAfterHeadCheck(0, 400, 2)).toBe(400);
    expect(exactFromAfterHeadCheck(null, 400, 0)).toBe(400);
  });
});
