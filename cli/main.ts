// `yuscan <command>`: parse and validate everything first (exit 2 on bad input, before
// anything is touched), then hand the typed config to the command's own module.
import { ConfigError, parseCommand, type Command } from '../config';

async function run(command: Command): Promise<void> {
  switch (command.name) {
    case 'help':
      console.log(command.text);
      return;
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
  }
}

let command: Command;
try {
  command = parseCommand(process.argv.slice(2));
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  throw err;
}

run(command).catch((err: unknown) => {
  console.error(`yuscan ${command.name}: ${err instanceof Error ? err.message : String(err)}`);
  if (process.env.LOG_LEVEL === 'debug' && err instanceof Error) console.error(err.stack);
  process.exit(1);
});
