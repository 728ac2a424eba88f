// Generated code is committed: every file `npm run codegen` writes must be what it makes of
// schema.graphql and the web's graphql(`…`) documents now. A stale file fails here.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { expect, it } from 'vitest';
import config from '../codegen';

it('generated API types and web typed documents are up to date (run `npm run codegen`)', async () => {
  const outputs = (await generate({ ...config, silent: true }, false)) as Array<{ filename: string; content: string }>;
  const files = outputs.map((o) => relative(process.cwd(), o.filename)).sort();
  expect(files).toEqual([
    'api/generated/enums.ts', 'api/generated/graphql.ts', 'web/generated/gql.ts', 'web/generated/graphql.ts', 'web/generated/index.ts',
  ]);
  for (const o of outputs) expect(readFileSync(o.filename, 'utf8'), relative(process.cwd(), o.filename)).toBe(o.content);
}, 60_000);
