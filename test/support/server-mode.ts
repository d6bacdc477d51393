/**
 * Several real `slotwise serve` processes on one PostgreSQL server (test/support/postgres.ts),
 * for the server-mode tests: start them with the shared environment, read their JSON logs, query
 * the database directly, wait on conditions (never on fixed sleeps), and tidy up whatever is left.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type RunningServer, runCli, startCli } from './cli.ts';
import type { TestPostgres } from './postgres.ts';
import { STUDIO } from './studio.ts';

export const SECRET = 'server-mode-test-secret-of-at-least-32-chars';

export interface Cluster {
  readonly pg: TestPostgres;
  /** The test's own connections, for arranging and checking rows. */
  readonly db: pg.Pool;
  /** The environment every process gets: the database, the secret, a free port, short job timing. */
  env(extra?: Record<string, string>): Record<string, string>;
  /** Starts one `slotwise serve`; stopped (or killed) by close() if the test leaves it running. */
  serve(extra?: Record<string, string>): Promise<RunningServer>;
  /** Throws, with the process's last output, if a process exited that the test did not stop or kill. */
  assertAlive(): void;
  /** waitFor(), failing at once (with the output) when a process dies unexpectedly meanwhile. */
  waitFor<T>(
    what: string,
    check: () => Promise<T | undefined | false>,
    timeoutMs?: number,
    everyMs?: number,
  ): Promise<T>;
  /** `slotwise import` of the test studio (two services; Ana = staff 1, Ben = staff 2). */
  importStudio(): Promise<void>;
  close(): Promise<void>;
}

export function cluster(server: TestPostgres): Cluster {
  const db = new pg.Pool({ connectionString: server.url, max: 4 });
  db.on('error', () => {});
  const running: RunningServer[] = [];
  const died: string[] = [];
  const assertAlive = () => {
    if (died.length > 0) throw new Error(died.join('\n\n'));
  };
  const dir = mkdtempSync(join(tmpdir(), 'slotwise-cluster-'));
  const env = (extra: Record<string, string> = {}) => ({
    DATABASE_URL: server.url,
    SLOTWISE_SECRET: SECRET,
    SLOTWISE_DATA_DIR: join(dir, 'unused'), // server mode keeps nothing there
    PORT: '0',
    HOST: '127.0.0.1',
    JOB_LEASE_SECONDS: '5',
    JOB_POLL_MS: '100',
    LOG_LEVEL: 'info',
    // Load from one address, as API.md says load tests need; the rate-limit tests set their own.
    RATE_LIMIT_PER_IP: '0',
    ...extra,
  });
  return {
    pg: server,
    db,
    env,
    async serve(extra) {
      const s = await startCli(['serve'], env(extra), 120_000);
      running.push(s);
      s.child.once('exit', (code, signal) => {
        if (!stopping.has(s.child)) {
          died.push(
            `process ${s.child.pid} exited with ${code ?? signal}; its last output:\n${s.output().slice(-3000)}`,
          );
        }
      });
      return s;
    },
    assertAlive,
    waitFor: (what, check, timeoutMs, everyMs) =>
      waitFor(
        what,
        async () => {
          assertAlive();
          return check();
        },
        timeoutMs,
        everyMs,
      ),
    async importStudio() {
      const file = join(dir, 'studio.json');
      writeFileSync(file, JSON.stringify(STUDIO));
      const r = await runCli(['import', file], env(), 120_000);
      if (r.code !== 0) throw new Error(`import failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
    },
    async close() {
      await Promise.all(running.map((s) => exitOf(s)));
      await db.end();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Processes a test stops or kills on purpose (their exit is no surprise). */
const stopping = new WeakSet<object>();

/** Kills a process on purpose (SIGKILL, or another signal). */
export function kill(s: RunningServer, signal: NodeJS.Signals = 'SIGKILL'): void {
  stopping.add(s.child);
  s.child.kill(signal);
}

/** Stops a process that is still running (SIGTERM, then SIGKILL after 15 s); its exit code, or its signal. */
export async function exitOf(s: RunningServer): Promise<number | string | null> {
  const child = s.child;
  stopping.add(child);
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode ?? child.signalCode;
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}

/** The JSON log lines a process wrote on stderr, parsed. */
export function logLines(s: RunningServer): Record<string, unknown>[] {
  return s
    .stderr()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Log lines at warn or worse, as `level: msg` strings (an empty list is the healthy answer). */
export function problems(s: RunningServer): string[] {
  return logLines(s)
    .filter((l) => l.level === 'warn' || l.level === 'error' || l.level === 'fatal')
    .map((l) => `${l.level}: ${l.msg} ${JSON.stringify(l)}`);
}

/** Polls `check` until it returns a value other than undefined/false, or fails after timeoutMs naming `what`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 60_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** One number from a query such as `SELECT count(*) AS n FROM …`. */
export async function count(db: pg.Pool, text: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: string | number }>(text, params);
  return Number(rows[0]?.n);
}

/**
 * Inserts `n` confirmed bookings of Ana (staff 1, portrait) straight into the table, each an hour
 * long, an hour apart from `firstStart` (so none overlap), wanting a reminder that is already due.
 * Clients are `${prefix}${i}@reminders.test`, references `SW-${prefix}${i}` (upper case).
 */
export async function insertDueReminders(db: pg.Pool, n: number, prefix: string, firstStart: Date): Promise<void> {
  await db.query(
    `INSERT INTO bookings (reference, service_id, staff_id, client_name, client_email, wants_reminder, locale,
       timezone, status, start_at, end_at, occupied, payment_option, currency, price_minor, manage_token_hash, remind_at)
     SELECT upper('SW-' || $1 || i), 1, 1, 'Client ' || $1 || i, $1 || i || '@reminders.test', true, 'en',
       'Europe/Paris', 'confirmed', s, s + interval '1 hour', tstzrange(s, s + interval '1 hour'), 'none', 'EUR',
       12000, sha256(convert_to($1 || i, 'UTF8')), now() - interval '1 minute'
     FROM generate_series(1, $2::int) AS i,
       LATERAL (SELECT $3::timestamptz + (i - 1) * interval '1 hour' AS s) AS t`,
    [prefix, n, firstStart.toISOString()],
  );
}

/** The pid in a worker id ("host:pid:random"). */
export function pidOf(workerId: string): number {
  return Number(workerId.split(':').at(-2));
}

/**
 * The first bookable day next month (whatever today is) of `service` with member `staff`, and its
 * day view, read from a running server's public API.
 */
export async function firstDayNextMonth<S extends { start: string }>(
  base: string,
  service: string,
  staff: string,
): Promise<{ date: string; slots: S[] }> {
  const next = new Date();
  next.setUTCDate(1);
  next.setUTCMonth(next.getUTCMonth() + 1);
  const month = next.toISOString().slice(0, 7);
  const view = (await (
    await fetch(`${base}/api/v1/availability/month?service=${service}&staff=${staff}&month=${month}`)
  ).json()) as { firstAvailable: string | null };
  if (!view.firstAvailable) throw new Error(`no free day for ${service} with ${staff} in ${month}`);
  const day = (await (
    await fetch(`${base}/api/v1/availability/day?service=${service}&staff=${staff}&date=${view.firstAvailable}`)
  ).json()) as { slots: S[] };
  return { date: view.firstAvailable, slots: day.slots };
}
