// The indexer's SQLite checkpoints: none inside the writer's commits, and the worker thread
// copies the log into the database file soon after it is told of a commit.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startWalCheckpointer, WAL_SIZE_LIMIT } from '../db/sqlite/wal-checkpointer';

const dir = mkdtempSync(join(tmpdir(), 'yuscan-wal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function open(name: string) {
  const db = new SQLite(join(dir, name));
  db.pragma('journal_mode = WAL');
  db.exec('create table t (k integer primary key, v text not null)');
  return db;
}
const insertMegabytes = (db: SQLite.Database, n: number) => {
  const stmt = db.prepare('insert into t (v) values (?)');
  db.transaction(() => {
    for (let i = 0; i < n * 256; i++) stmt.run('x'.repeat(4000));
  })();
};

describe('WAL checkpointer', () => {
  it('keeps checkpoints out of the commit, and the worker copies the log into the file after it', async () => {
    const db = open('a.db');
    const cp = startWalCheckpointer(db)!;
    expect(cp).not.toBeNull();
    const before = statSync(join(dir, 'a.db')).size;
    insertMegabytes(db, 8); // ~2,000 pages: SQLite's own rule would have checkpointed in the commit
    expect(statSync(join(dir, 'a.db')).size).toBe(before);
    cp.committed();
    await expect.poll(() => statSync(join(dir, 'a.db')).size, { timeout: 5_000 }).toBeGreaterThan(before + 8_000_000);
    await cp.close();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    db.close();
  });

  it('cuts the log file back once a large batch has been checkpointed', async () => {
    const db = open('c.db');
    const cp = startWalCheckpointer(db)!;
    const wal = () => statSync(join(dir, 'c.db-wal')).size;
    insertMegabytes(db, 24);
    expect(wal()).toBeGreaterThan(WAL_SIZE_LIMIT);
    // A checkpoint from another connection, as the worker's, here synchronous so that the
    // next commit surely follows it.
    const other = new SQLite(join(dir, 'c.db'));
    expect(other.pragma('wal_checkpoint(PASSIVE)')).toEqual([{ busy: 0, log: expect.any(Number), checkpointed: expect.any(Number) }]);
    other.close();
    // The next commit starts the log over from its beginning, and cuts the file back.
    insertMegabytes(db, 1);
    expect(wal()).toBeLessThanOrEqual(WAL_SIZE_LIMIT);
    await cp.close();
    db.close();
  });

  it('does nothing for an in-memory database, and stops cleanly when never told of a commit', async () => {
    expect(startWalCheckpointer(new SQLite(':memory:'))).toBeNull();
    const db = open('b.db');
    await startWalCheckpointer(db)!.close();
    db.close();
  });
});
