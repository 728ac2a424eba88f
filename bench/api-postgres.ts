// The PostgreSQL variant of bench:api's database: the same rows as the SQLite bench
// database, copied table by table through the indexer's own bulk insert (unnest arrays),
// into a schema of their own. Kept between runs: copied again only when the counts differ.
import { sql } from 'kysely';
import { connect, migrateToLatest } from '../db';
import { TABLE_NAMES, TABLES } from '../db/schema';
import { testDatabaseUrl } from '../test/helpers/postgres';

const SCHEMA = 'bench_api';
const CHUNK = 5_000;

export async function postgresCopy(sqliteUrl: string, log: (s: string) => void): Promise<string> {
  const base = testDatabaseUrl();
  const admin = connect(base);
  try {
    await sql`create schema if not exists ${sql.id(SCHEMA)}`.execute(admin.db);
  } finally {
    await admin.close();
  }
  const u = new URL(base);
  u.searchParams.set('options', `-c search_path=${SCHEMA}`);
  const url = u.toString();

  const src = connect(sqliteUrl, { mustExist: true });
  const db = connect(url);
  try {
    await migrateToLatest(db);
    const count = async (t: string) => Number((await db.db.selectFrom(t as 'blocks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const want = Number((await src.db.selectFrom('transactions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    if ((await count('transactions')) === want) return url;
    log(`bench:api: copying the bench database into PostgreSQL (schema ${SCHEMA}) …`);
    await db.db.transaction().execute(async (trx) => {
      for (const t of TABLE_NAMES) await trx.deleteFrom(t).execute();
      const insert = db.engine.inserter(trx);
      for (const t of TABLE_NAMES) {
        const started = Date.now();
        let rows: Record<string, unknown>[] = [];
        let n = 0;
        // In block order, as the indexer writes them: an index filled in its own key order
        // would be denser than any real one (address_transactions is clustered by address).
        const column = TABLES[t].blockColumn;
        const rowsOf = column ? src.db.selectFrom(t).selectAll().orderBy(column as never) : src.db.selectFrom(t).selectAll();
        for await (const row of rowsOf.stream(CHUNK) as AsyncIterable<Record<string, unknown>>) {
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
    await src.close();
    await db.close();
  }
}
