// api/generated/graphql.ts is committed: it must be what `npm run codegen` makes of schema.graphql now.
import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { expect, it } from 'vitest';
import config from '../codegen';

it('generated resolver types are up to date with schema.graphql (run `npm run codegen`)', async () => {
  const outputs = (await generate({ ...config, silent: true }, false)) as Array<{ filename: string; content: string }>;
  const out = outputs.find((o) => o.filename.endsWith('api/generated/graphql.ts'))!;
  expect(readFileSync('api/generated/graphql.ts', 'utf8')).toBe(out.content);
}, 60_000);
