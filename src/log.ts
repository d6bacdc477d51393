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
      serializers: { err: loggedError, error: loggedError },
    },
    // Written off the event loop (decision 044): a synchronous write per request line was ~8-10 %
    // of a loaded server's CPU, and blocked every request whenever the reader of stderr lagged.
    // Lines wait while one write is in flight and go out together; pino writes what is left
    // synchronously when the process exits (process.exit included), so only a SIGKILL can lose
    // the last few milliseconds of lines.
    write ? { write: (line: string) => write(line.replace(/\n$/, '')) } : pino.destination({ fd: 2, sync: false }),
  );
}

/**
 * What an error may carry that is data rather than a description of the failure: PostgreSQL's
 * `detail` (a unique violation's `Key (lower(email))=(ada@example.com) already exists.`), `where`
 * and `hint`, the statement behind it, and a driver's copy of the statement's parameters.
 */
const DATA_FIELDS = new Set(['detail', 'where', 'hint', 'internalQuery', 'query', 'params', 'parameters', 'values']);

/**
 * An error as a log line holds it: type, message, stack and the plain fields that describe it (a
 * database error's SQLSTATE `code`, `severity`, `constraint`, `table`, `routine`…) — never
 * DATA_FIELDS, nor any field that is an object; causes and an AggregateError's errors alike.
 */
export function loggedError(error: unknown, depth = 0): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const e = error as Partial<Error> & { errors?: unknown };
  const out: Record<string, unknown> = {
    type: error.constructor?.name ?? 'Object',
    message: e.message,
    stack: e.stack,
  };
  for (const [key, value] of Object.entries(error)) {
    if (DATA_FIELDS.has(key) || key in out || key === 'cause' || key === 'errors') continue;
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) out[key] = value;
  }
  if (depth < 5 && e.cause !== undefined) out.cause = loggedError(e.cause, depth + 1);
  if (depth < 5 && Array.isArray(e.errors)) out.errors = e.errors.map((x) => loggedError(x, depth + 1));
  return out;
}
