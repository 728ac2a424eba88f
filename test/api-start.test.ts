// `yuscan start` recognises a database that holds another chain; `yuscan serve` refuses a
// database without the schema, in one clear line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, migrateToLatest, type Db } from '../db';
import { startDevnet, type Devnet } from '../devnet';
import { apiConnection, storedChainDiffers } from '../cli/start';
import { freePort } from './helpers/api';

describe('yuscan start: chain mismatch', () => {
  let devnet: Devnet;
  let db: Db;
  beforeAll(async () => {
    devnet = await startDevnet({ port: await freePort(), seed: 1, history: 'none', blockTimeMs: 1000, live: false });
    await fetch(devnet.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'evm_mine', params: [] }) });
    db = connect(`sqlite:${join(mkdtempSync(join(tmpdir(), 'yuscan-start-')), 'y.db')}`);
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await db?.close();
    await devnet?.stop();
  });

  const block = (hash: string) => ({ number: 1, hash, parent_hash: '0x00', timestamp: 1, miner: '0x00', gas_used: 0, gas_limit: 0, base_fee_per_gas: null, size: 0, tx_count: 0 });

  it('an empty database matches any chain', async () => {
    expect(await storedChainDiffers(db, devnet.rpcUrl)).toBeNull();
  });

  it('another block 1 or another chain id is a mismatch; the same block 1 is not', async () => {
    await db.db.insertInto('blocks').values(block(`0x${'ab'.repeat(32)}`)).execute();
    expect(await storedChainDiffers(db, devnet.rpcUrl)).toMatch(/block 1 differs/);
    const real = (await (await fetch(devnet.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_getBlockByNumber', params: ['0x1', false] }) })).json()) as { result: { hash: string } };
    await db.db.updateTable('blocks').set({ hash: real.result.hash }).where('number', '=', 1).execute();
    expect(await storedChainDiffers(db, devnet.rpcUrl)).toBeNull();
    await db.db.insertInto('indexer_state').values({ id: 1, chain_id: 1, registry: null, last_block: 1, last_hash: real.result.hash, chain_head: 1, updated_at: 0 }).execute();
    expect(await storedChainDiffers(db, devnet.rpcUrl)).toMatch(/chain 1, the node is chain 20200414/);
  });
});

describe('yuscan start: the API reads the indexer\'s SQLite file through its own connection', () => {
  it('sees a batch only once it has committed, and does not wait behind it', async () => {
    const db = connect(`sqlite:${join(mkdtempSync(join(tmpdir(), 'yuscan-start-api-')), 'y.db')}`);
    await migrateToLatest(db);
    const api = apiConnection(db);
    const blocks = () => api.db.selectFrom('blocks').select('number').execute();
    const raw = () => api.sqlite!.prepare('select number from blocks').all();
    try {
      await db.db.transaction().execute(async (trx) => {
        await trx.insertInto('blocks').values({ number: 7, hash: '0x07', parent_hash: '0x06', timestamp: 1, miner: '0x00', gas_used: 0, gas_limit: 0, base_fee_per_gas: null, size: 0, tx_count: 0 }).execute();
        // Mid-batch: on the writer's own connection this query would queue behind the open
        // transaction (a deadlock here) and the raw statement would see the uncommitted row.
        const during = await Promise.race([blocks(), new Promise<'blocked'>((r) => setTimeout(() => r('blocked'), 5_000))]);
        expect(during).toEqual([]);
        expect(raw()).toEqual([]);
      });
      expect(await blocks()).toEqual([{ number: 7 }]);
      expect(raw()).toEqual([{ number: 7 }]);
    } finally {
      await api.close();
      await db.close();
    }
  });

  it('keeps the one handle of a :memory: database, which a second connection could not see', async () => {
    const memory = connect('sqlite::memory:');
    expect(apiConnection(memory)).toBe(memory);
    await memory.close();
  });
});

describe('yuscan serve', () => {
  it('refuses a database without the schema, in one line, exit 1', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'yuscan-serve-')), 'empty.db');
    await connect(`sqlite:${file}`).close(); // an SQLite database with no tables
    const url = `sqlite:${file}`;
    const r = spawnSync(process.execPath, ['bin/yuscan.js', 'serve', '--db', url, '--port', String(await freePort())], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, LOG_LEVEL: 'silent' } });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/has no yuscan schema: run `yuscan migrate/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('yuscan serve on a database file that does not exist', () => {
  it('says so in one line, exit 1, and creates nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuscan-serve-missing-'));
    const path = join(dir, 'nowhere', 'missing.db');
    const r = spawnSync(process.execPath, ['bin/yuscan.js', 'serve', '--db', `sqlite:${path}`, '--port', String(await freePort())], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, LOG_LEVEL: 'silent' } });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/cannot open sqlite:.*missing\.db/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(path)).toBe(false);
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });
});
