// Starting over on another chain (yuscan start against a devnet with another seed or day)
// must leave nothing of the old chain behind, in any table: one old row is enough to make
// the indexer stop on a duplicate key when the new chain writes the same block.
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { connect, migrateToLatest, type Db } from '../db';
import { resetDatabase } from '../db/reset';
import { freshDatabaseUrl } from './helpers/api';

/** The tables the migrations created, read from the database itself, never from a list of ours. */
async function tablesOf(db: Db): Promise<{ name: string; columns: { name: string; dataType: string }[] }[]> {
  const schema = db.dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db.db)).rows[0]!.s : undefined;
  return (await db.db.introspection.getTables()).filter((t) => t.schema === schema);
}

/** A value every column of that type accepts: chain A's block 1, chain id 1, address "a". */
function sample(dataType: string): unknown {
  const t = dataType.toLowerCase();
  if (/int/.test(t)) return 1;
  if (/numeric|decimal/.test(t)) return '1';
  return 'chain-a';
}

async function rowCounts(db: Kysely<any>, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t)}`.execute(db);
    out[t] = Number(r.rows[0]!.n);
  }
  return out;
}

describe.each(['sqlite', 'postgres'] as const)('resetting for another chain on %s', (dialect) => {
  it('leaves no row of the old chain in any table', async () => {
    const db = connect(await freshDatabaseUrl(dialect, 'reset'));
    try {
      await migrateToLatest(db);
      const tables = await tablesOf(db);
      expect(tables.length).toBeGreaterThan(30);
      const raw = db.db as Kysely<any>;
      for (const t of tables) {
        await raw.insertInto(t.name).values(Object.fromEntries(t.columns.map((c) => [c.name, sample(c.dataType)]))).execute();
      }
      const names = tables.map((t) => t.name);
      const before = await rowCounts(raw, names);
      expect(Object.values(before).every((n) => n === 1), JSON.stringify(before)).toBe(true);

      await resetDatabase(db.db);

      const after = await rowCounts(db.db as Kysely<any>, names);
      expect(after).toEqual(Object.fromEntries(names.map((n) => [n, 0])));
      // The schema survives: nothing is left to migrate.
      expect(await migrateToLatest(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
