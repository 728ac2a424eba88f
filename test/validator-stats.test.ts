import { describe, expect, it } from 'vitest';
import { blockTimeHistogram, foldSetChanges } from '../api/validators/stats';

describe('block-time histogram', () => {
  it('buckets the gaps between consecutive blocks, the last bucket open-ended', () => {
    const h = blockTimeHistogram([100, 102, 104, 109, 209, 100_209]);
    const at = (min: number) => h.find((b) => b.minSeconds === min)!;
    expect(at(2)).toEqual({ minSeconds: 2, maxSeconds: 3, count: 2 }); // two 2 s gaps
    expect(at(5).count).toBe(1); // 5 s
    expect(at(60).count).toBe(1); // 100 s
    expect(at(86_400)).toEqual({ minSeconds: 86_400, maxSeconds: null, count: 1 });
    expect(h.reduce((s, b) => s + b.count, 0)).toBe(5);
  });

  it('has nothing to count with fewer than two blocks', () => {
    expect(blockTimeHistogram([5]).every((b) => b.count === 0)).toBe(true);
  });
});

describe('validator set changes', () => {
  it('drops repeated sets and names who joined and who left', () => {
    const rows = [
      { block_number: 1, validators: '["0xa","0xb"]' },
      { block_number: 50, validators: '["0xa","0xb"]' },
      { block_number: 90, validators: '["0xa","0xb","0xc"]' },
      { block_number: 120, validators: '["0xb","0xc"]' },
    ];
    expect(foldSetChanges(rows)).toEqual([
      { blockNumber: 1, validators: ['0xa', '0xb'], added: ['0xa', '0xb'], removed: [] },
      { blockNumber: 90, validators: ['0xa', '0xb', '0xc'], added: ['0xc'], removed: [] },
      { blockNumber: 120, validators: ['0xb', '0xc'], added: [], removed: ['0xa'] },
    ]);
  });
});
