// Each PostgreSQL suite gets a schema of its own inside TEST_DATABASE_URL's database, so
// suites running in parallel never see each other's rows.
import pg from 'pg';

/** The server the PostgreSQL suites use: TEST_DATABASE_URL, or the local default CI uses. */
export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
}

/** Create an empty schema and return a URL whose connections use it. */
export async function freshPostgresUrl(label: string): Promise<string> {
  const base = testDatabaseUrl();
  const schema = `t_${label.replace(/\W/g, '_')}_${process.pid}_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(`create schema "${schema}"`);
  } finally {
    await client.end();
  }
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}
