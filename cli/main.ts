// `yuscan <command>`: parse and validate everything first (exit 2 on bad input, before
// anything is touched), then hand the typed config to the command's own module. Each
// command's code loads only when that command runs; help loads nothing but its own table.
import type { Command } from '../config';
import { helpFor } from '../config/usage';

async function run(command: Exclude<Command, { name: 'help' }>): Promise<void> {
  switch (command.name) {
    case 'migrate':
      return (await import('./migrate')).runMigrate(command.config);
    case 'devnet':
      return (await import('../devnet/cli')).runDevnetCommand(command.config);
    case 'index':
      return (await import('../indexer/cli')).runIndexCommand(command.config);
    case 'serve':
      return (await import('../api/cli')).runServeCommand(command.config);
    case 'start':
      return (await import('./start')).runStart(command.config);
    case 'audit':
      process.exitCode = await (await import('./audit')).runAudit(command.config);
      return;
    case 'compilers':
      return (await import('./compilers')).runCompilers(command.config);
  }
}

const argv = process.argv.slice(2);
const help = helpFor(argv);
if (help !== null) {
  console.log(help);
  process.exit(0);
}
const { ConfigError, parseCommand } = await import('../config');
let command: Command;
try {
  command = parseCommand(argv);
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  throw err;
}
if (command.name === 'help') {
  console.log(command.text);
  process.exit(0);
}

run(command).catch((err: unknown) => {
  console.error(`yuscan ${command.name}: ${err instanceof Error ? err.message : String(err)}`);
  if (process.env.LOG_LEVEL === 'debug' && err instanceof Error) console.error(err.stack);
  process.exit(1);
});
