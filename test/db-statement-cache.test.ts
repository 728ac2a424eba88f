// Kysely's reads through the shared statement cache build their rows in JavaScript: they must
// be the rows better-sqlite3 itself returns, and the shared statement must give objects to its
// other users afterwards, even after a failed read.
import SQLite from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedStatement, reusingStatements } from '../db/sqlite/statement-cache';

const sqlite = new SQLite(':memory:');
sqlite.exec(`create table t (id integer primary key, name text, amount text, note text);
  insert into t values (1, 'a', '10', null), (2, 'b', '20', 'x "quoted" \\ note');`);
const db = new Kysely<{ t: { id: number; name: string; amount: string; note: string | null } }>({ dialect: new SqliteDialect({ database: reusingStatements(sqlite) }) });
afterAll(() => db.destroy());

describe('Kysely reads through the statement cache', () => {
  it('returns the rows better-sqlite3 returns, column for column', async () => {
    const query = db.selectFrom('t').selectAll().orderBy('id');
    expect(await query.execute()).toEqual(sqlite.prepare(query.compile().sql).all());
    // Aliases, expressions, and a name given twice (the last one wins, as in better-sqlite3).
    const text = 'select id, name as "weird ""name""", amount || note as joined, 1 as id from t order by t.id';
    const rows = (await sql.raw<Record<string, unknown>>(text).execute(db)).rows;
    expect(rows).toEqual(sqlite.prepare(text).all());
    expect(rows[0]).toEqual({ id: 1, 'weird "name"': 'a', joined: null });
  });

  it('leaves the shared statement giving objects to its other users, even after a failed read', async () => {
    const query = db.selectFrom('t').select(['id', 'name']).where('id', '=', 2);
    const text = query.compile().sql;
    await query.execute();
    const shared = cachedStatement(sqlite, text);
    expect(shared.all(2)).toEqual([{ id: 2, name: 'b' }]);
    expect(() => reusingStatements(sqlite).prepare(text).all([])).toThrow(); // its one parameter missing
    expect(shared.all(2)).toEqual([{ id: 2, name: 'b' }]);
  });
});
