#!/usr/bin/env node
// Production runs the compiled bundle (`npm run build` -> dist/server), loading only the
// chunks a command needs. A checkout without a build, or with sources newer than it, runs
// the TypeScript directly through tsx, so there is never a stale build between an edit
// and a working `yuscan` command.
import { pathToFileURL } from 'node:url';
import { SERVER_ENTRY, serverBuildIsFresh } from './build-state.js';

if (serverBuildIsFresh()) {
  await import(pathToFileURL(SERVER_ENTRY).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/main.ts');
}
