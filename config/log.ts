// Structured logs (pino) to stderr, so stdout stays for what a command prints for people
// and scripts (URLs, addresses). A person at a terminal reads them as lines (pino-pretty);
// anything else (a file, a pipe, a log collector) gets JSON lines, one object per line.
import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { PrettyOptions } from 'pino-pretty';
import { logLevel } from './index';

export type { Logger };

export type LogFormat = 'pretty' | 'json';

/** Readable lines when the log stream is a terminal, JSON lines otherwise. */
export function logFormat(stream: { isTTY?: boolean }): LogFormat {
  return stream.isTTY ? 'pretty' : 'json';
}

// Loaded only for a terminal: a server writing JSON never pays for it.
const require = createRequire(import.meta.url);

function prettyStream(): DestinationStream {
  const pretty = require('pino-pretty') as (options: PrettyOptions) => DestinationStream;
  // Synchronous, in this thread: a line must be on screen before the progress line redraws
  // over it, and before the process exits.
  return pretty({ destination: 2, sync: true, colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' });
}

/** A logger named `name`, at LOG_LEVEL (or `defaultLevel` when it is unset). */
export function createLogger(name: string, defaultLevel?: string): Logger {
  const stream = logFormat(process.stderr) === 'pretty' ? prettyStream() : pino.destination(2);
  return pino({ name, level: logLevel(process.env, defaultLevel) }, stream);
}
