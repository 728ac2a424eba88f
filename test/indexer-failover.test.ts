// Failover on PostgreSQL: a second `yuscan index` waits on the advisory lock as a hot
// standby; SIGKILL the leader mid-backfill and the standby takes over from the checkpoint.
// The result must equal, table by table, an uninterrupted index of the same chain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkTransfers, bytes32, checksums, indexOnce, lastIndexed, openDb, runChild, startChain, waitFor, type TestChain } from './helpers/indexer';
import { startRpcProxy } from './helpers/indexer-proxy';

let c: TestChain;
let head: number;
let reference: Record<string, string>;

beforeAll(async () => {
  c = await startChain();
  const [m0] = c.members as [`0x${string}`];
  await c.registryCall(c.owner, 'admitMember', [m0, 'A', 'CN', 'x']);
  await c.automine(false);
  for (let i = 0; i < 12; i++) {
    await c.registryCall(m0, 'filePatent', [bytes32(`FAILOVER-${i}`), `p${i}`, 1600000000n + BigInt(i)]);
    await bulkTransfers(c, 100, 1, i);
  }
  head = (await c.head()).number;
  const ref = await openDb('sqlite', 'failover-reference');
  await indexOnce(c.rpcUrl, ref);
  reference = await checksums(ref);
  await ref.close();
});
afterAll(() => c?.stop());

describe('indexer failover on PostgreSQL', () => {
  it('a standby takes over from a SIGKILLed leader mid-backfill and finishes with nothing lost or doubled', async () => {
    const db = await openDb('postgres', 'failover');
    // The node turns very slow once the leader is halfway, so the backfill is still running
    // whenever the standby (a process that takes seconds to start on a busy machine) is ready.
    const speed = { delayMs: 300 };
    const proxy = await startRpcProxy(c.rpcUrl, speed);
    try {
      const leader = runChild(proxy.url, db.url);
      await waitFor('the leader mid-backfill', async () => ((await lastIndexed(db))?.block ?? 0) > 150, 120_000);
      speed.delayMs = 2_000;
      const standby = runChild(proxy.url, db.url);
      await standby.saw('standby: another indexer holds the PostgreSQL advisory lock');
      expect(standby.stderr()).not.toContain('"indexer started"');

      leader.child.kill('SIGKILL');
      speed.delayMs = 20;
      const killedAt = Date.now();
      expect(await leader.exited).toBe(null);
      const atKill = (await lastIndexed(db))!.block;
      expect(atKill).toBeLessThan(head);

      await standby.saw('"indexer started"');
      const takeoverMs = Date.now() - killedAt;
      expect(takeoverMs, 'takeover time').toBeLessThan(10_000);
      // It resumed from the leader's checkpoint, not from the start.
      const started = standby.stderr().split('\n').find((l) => l.includes('"indexer started"'))!;
      expect((JSON.parse(started) as { resumeFrom: number }).resumeFrom).toBe(atKill + 1);
      expect(await standby.exited, standby.stderr()).toBe(0);
      expect((await lastIndexed(db))!.block).toBe(head);
      expect(await checksums(db)).toEqual(reference);
    } finally {
      await proxy.close();
      await db.close();
    }
  });
});
