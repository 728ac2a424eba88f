// Same seed and same historyEnd ⇒ the same chain, block hash for block hash. Slow: it
// builds the full history three times, and anvil recomputes its whole state root for every block.
import { describe, expect, it } from 'vitest';
import { startDevnet } from '../devnet/index';

const historyEnd = new Date('2026-11-01T00:00:00Z');

async function head(seed: number): Promise<{ number: string; hash: string; registry: string }> {
  const devnet = await startDevnet({ port: 0, seed, history: 'full', blockTimeMs: 1000, live: false, historyEnd });
  try {
    const res = await fetch(devnet.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_getBlockByNumber', params: ['latest', false] }),
    });
    const { result } = (await res.json()) as { result: { number: string; hash: string } };
    return { number: result.number, hash: result.hash, registry: devnet.registry };
  } finally {
    await devnet.stop();
  }
}

describe('devnet determinism', () => {
  it('reaches the same head hash twice with the same seed, and another with a different seed', async () => {
    const a = await head(1);
    const b = await head(1);
    expect(Number(a.number)).toBeGreaterThan(1800); // about a block a working day since 2020-04-14
    expect(b).toEqual(a);
    const other = await head(2);
    expect(other.hash).not.toBe(a.hash);
    expect(other.registry).not.toBe(a.registry);
  }, 600_000);
});
