/**
 * A database error reaches the log without the data it carries: PostgreSQL's `detail` of a unique
 * violation names the row (`Key (lower(email))=(ada@example.com) already exists.`), so a logged
 * error keeps its SQLSTATE code, message and constraint but never `detail`, `where`, `hint` or
 * the statement's parameters. A real server (startServer, its pino logger at trace) on both
 * databases meets a real unique violation inside a request, which fails with a 500.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/app/ports.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { openRuntime, startServer } from '../../src/main.ts';
import { POSTGRES_SKIP_REASON, startTestPostgres, testPostgresAvailable } from '../support/postgres.ts';
import { seedDataDir } from '../support/templates.ts';

const SECRET = 'db-errors-in-logs-secret-0123456789abcdef';
const EMAIL = 'ada.lovelace.never.logged@example.test';
const NAME = 'Ada Never Logged';

/** Serves with a store whose manage-link lookup inserts one client twice; the log lines of a request to it. */
async function logOfFailingRequest(env: Record<string, string>): Promise<{ lines: string[]; status: number }> {
  const config = loadConfig({ PORT: '0', SLOTWISE_SECRET: SECRET, RATE_LIMIT_PER_IP: '0', ...env });
  if (!config.ok) throw new Error(config.problems.join('\n'));
  const rt = await openRuntime(config.config);
  const lines: string[] = [];
  const store = new Proxy(rt.store, {
    get(target, name, receiver) {
      if (name !== 'findBookingByToken') return Reflect.get(target, name, receiver);
      return async () => {
        // The second row breaks clients_email: a real driver error, with the email in its detail.
        // One statement: the retention sweep run at start-up (it deletes clients without bookings)
        // could otherwise delete the first row before a second insert, which then succeeds.
        await rt.database.db.query('INSERT INTO clients (email, name) VALUES ($1, $2), ($1, $2)', [EMAIL, NAME]);
      };
    },
  }) as Store;
  const served = await startServer(
    { ...rt, store },
    { demo: false, logger: createLogger({ level: 'trace', write: (line) => lines.push(line) }) },
  );
  try {
    const res = await fetch(`${served.url}/api/v1/manage/${'t'.repeat(43)}`);
    await res.text();
    return { lines, status: res.status };
  } finally {
    await served.close();
    await rt.close();
  }
}

function expectNoDetail(lines: string[]): void {
  const failed = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request failed');
  expect(failed).toHaveLength(1);
  expect(failed[0].err).toMatchObject({
    code: '23505',
    constraint: 'clients_email',
    message: 'duplicate key value violates unique constraint "clients_email"',
  });
  for (const field of ['detail', 'where', 'hint', 'params', 'parameters', 'query']) {
    expect(failed[0].err).not.toHaveProperty(field);
  }
  const log = lines.join('\n');
  expect(log).not.toContain(EMAIL);
  expect(log).not.toContain(NAME);
  expect(log).not.toContain('already exists');
}

describe('a database error in the logs', () => {
  it('embedded (PGlite): code, message and constraint; not the row it names', async () => {
    const dir = seedDataDir(mkdtempSync(join(tmpdir(), 'slotwise-db-errors-')));
    try {
      const { lines, status } = await logOfFailingRequest({ SLOTWISE_DATA_DIR: dir });
      expect(status).toBe(500);
      expectNoDetail(lines);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it.runIf(testPostgresAvailable())(
    'server mode (PostgreSQL): code, message and constraint; not the row it names',
    async () => {
      const pg = await startTestPostgres();
      if (!pg) throw new Error(POSTGRES_SKIP_REASON);
      try {
        const { lines, status } = await logOfFailingRequest({ DATABASE_URL: pg.url });
        expect(status).toBe(500);
        expectNoDetail(lines);
      } finally {
        await pg.stop();
      }
    },
    120_000,
  );
});
