// The PostgreSQL variant of bench:api's database: the same rows as the SQLite bench
// database, copied table by table through the indexer's own bulk insert (unnest arrays),
// into a schema of their own. Kept between runs: copied again only when the counts differ.
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { connect, migrateToLatest, sqlitePath } from '../db';
import { TABLE_NAMES, TABLES } from '../db/schema';
import { inserter } from '../indexer/insert';
import { testDatabaseUrl } from '../test/helpers/postgres';

const SCHEMA = 'bench_api';
const CHUNK = 5_000;

export async function postgresCopy(sqliteUrl: string, log: (s: string) => void): Promise<string> {
  const base = testDatabaseUrl();
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create schema if not exists "${SCHEMA}"`);
  await admin.end();
  const u = new URL(base);
  u.searchParams.set('options', `-c search_path=${SCHEMA}`);
  const url = u.toString();

  const src = new SQLite(sqlitePath(sqliteUrl), { readonly: true });
  const db = connect(url);
  try {
    await migrateToLatest(db);
    const count = async (t: string) => Number((await db.db.selectFrom(t as 'blocks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const want = (src.prepare('select count(*) as n from transactions').get() as { n: number }).n;
    if ((await count('transactions')) === want) return url;
    log(`bench:api: copying the bench database into PostgreSQL (schema ${SCHEMA}) …`);
    await db.db.transaction().execute(async (trx) => {
      for (const t of TABLE_NAMES) await trx.deleteFrom(t).execute();
      const insert = inserter(trx, db);
      for (const t of TABLE_NAMES) {
        const started = Date.now();
        let rows: Record<string, unknown>[] = [];
        let n = 0;
        // In block order, as the indexer writes them: an index filled in its own key order
        // would be denser than any real one (address_transactions is clustered by address).
        const column = TABLES[t].blockColumn;
        const order = column ? ` order by "${column}"` : '';
        for (const row of src.prepare(`select * from "${t}"${order}`).iterate() as Iterable<Record<string, unknown>>) {
          rows.push(row);
          if (rows.length === CHUNK) {
            await insert(t, Object.keys(rows[0]!), rows);
            n += rows.length;
            rows = [];
          }
        }
        if (rows.length) await insert(t, Object.keys(rows[0]!), rows);
        n += rows.length;
        log(`  ${t}: ${n.toLocaleString('en')} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
    });
    await sql`analyze`.execute(db.db);
    return url;
  } finally {
    src.close();
    await db.close();
  }
}
