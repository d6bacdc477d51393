/**
 * Structured logs (pino): one JSON object per line on stderr, so stdout keeps the human start-up
 * banner and command output. Every line carries level, time (ISO 8601), pid, hostname and msg;
 * request lines add reqId, method, path (manage tokens redacted), status and ms. Nothing here
 * formats for people: pipe through `npx pino-pretty` in development if wanted.
 */
import { pino } from 'pino';
import type { LogLevel } from './config.ts';

export type Logger = pino.Logger;

/** Where lines go: stderr, or (tests) a function that receives each line without its newline. */
export function createLogger(opts: { level: LogLevel; write?: (line: string) => void }): Logger {
  const write = opts.write;
  return pino(
    {
      level: opts.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      // Numeric levels are pino's default; names read better in `grep` and in most collectors.
      formatters: { level: (label) => ({ level: label }) },
    },
    write ? { write: (line: string) => write(line.replace(/\n$/, '')) } : pino.destination({ fd: 2, sync: true }),
  );
}
