// Structured logs (pino) to stderr, so stdout stays for what a command prints for people
// and scripts (URLs, addresses).
import { pino, type Logger } from 'pino';
import { logLevel } from './index';

export type { Logger };

export function createLogger(name: string): Logger {
  return pino({ name, level: logLevel() }, pino.destination(2));
}
