// Structured logs (pino) to stderr, so stdout stays for what a command prints for people
// and scripts (URLs, addresses). A person at a terminal reads them as lines (pino-pretty);
// anything else (a file, a pipe, a log collector) gets JSON lines, one object per line.
import { writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger } from 'pino';
import { logLevel } from './index';

export type { Logger };

export type LogFormat = 'pretty' | 'json';

/** Readable lines when the log stream is a terminal, JSON lines otherwise. */
export function logFormat(stream: { isTTY?: boolean }): LogFormat {
  return stream.isTTY ? 'pretty' : 'json';
}

// Loaded only for a terminal: a server writing JSON never pays for it.
const require = createRequire(import.meta.url);

/**
 * pino-pretty's formatter, called in this thread for each line: a line is on screen before
 * the next statement runs, and before the process exits. Each line first clears the
 * terminal's current line, where a progress line may be drawn in place (`\r`); the next
 * redraw puts the progress line back under the log.
 */
function prettyStream(): DestinationStream {
  const { prettyFactory } = require('pino-pretty') as typeof import('pino-pretty');
  const format = prettyFactory({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' });
  return { write: (line: string) => void writeSync(2, `\r\x1b[2K${format(line)}`) };
}

/** A logger named `name`, at LOG_LEVEL (or `defaultLevel` when it is unset). */
export function createLogger(name: string, defaultLevel?: string): Logger {
  const stream = logFormat(process.stderr) === 'pretty' ? prettyStream() : pino.destination(2);
  return pino({ name, level: logLevel(process.env, defaultLevel) }, stream);
}
