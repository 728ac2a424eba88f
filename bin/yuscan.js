#!/usr/bin/env node
// The CLI is TypeScript run directly through tsx, so there is no build step between a
// checkout and a working `yuscan` command.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
