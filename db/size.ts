// The bench database's size per transaction, the figure storage changes are judged by.
// SQLite: the file and its WAL after a checkpoint (what the disk holds), split by table and
// index with dbstat. PostgreSQL: pg_total_relation_size (heap, indexes, TOAST) of the
// schema's tables.
import { statSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { sqlitePath } from './connect';

export interface DbSize {
  bytes: number;
  transactions: number;
  /** The largest tables and indexes, bytes each. */
  largest: Array<{ name: string; bytes: number }>;
}

const TOP = 8;

export function sqliteSize(url: string): DbSize {
  const path = sqlitePath(url);
  const db = new SQLite(path);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const fileSize = (p: string) => {
      try {
        return statSync(p).size;
      } catch {
        return 0;
      }
    };
    const largest = db.prepare(`select name, sum(pgsize) as bytes from dbstat group by name order by bytes desc limit ${TOP}`).all() as DbSize['largest'];
    const transactions = (db.prepare('select count(*) as n from transactions').get() as { n: number }).n;
    return { bytes: fileSize(path) + fileSize(`${path}-wal`), transactions, largest };
  } finally {
    db.close();
  }
}

export async function postgresSize(url: string): Promise<DbSize> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const inSchema = `from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema()`;
    const total = await client.query<{ bytes: string }>(`select coalesce(sum(pg_total_relation_size(c.oid)), 0) as bytes ${inSchema} and c.relkind = 'r'`);
    const largest = await client.query<{ name: string; bytes: string }>(
      `select c.relname as name, pg_relation_size(c.oid) as bytes ${inSchema} and c.relkind in ('r', 'i') order by 2 desc limit ${TOP}`,
    );
    const count = await client.query<{ n: string }>('select count(*) as n from transactions');
    return { bytes: Number(total.rows[0]!.bytes), transactions: Number(count.rows[0]!.n), largest: largest.rows.map((r) => ({ name: r.name, bytes: Number(r.bytes) })) };
  } finally {
    await client.end();
  }
}

const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;

/** One line with the figure, then the largest parts. */
export function formatSize(label: string, s: DbSize): string {
  const per = s.transactions ? Math.round(s.bytes / s.transactions) : 0;
  return [
    `${label}: ${mb(s.bytes)} for ${s.transactions.toLocaleString('en')} transactions = ${per.toLocaleString('en')} bytes per transaction`,
    ...s.largest.map((p) => `  ${p.name.padEnd(40)} ${mb(p.bytes).padStart(10)}`),
  ].join('\n');
}
