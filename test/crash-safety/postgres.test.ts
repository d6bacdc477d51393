/**
 * Crash safety, PostgreSQL server mode (hardening issue, part 3): the same scenario as
 * embedded.test.ts with `slotwise serve` processes on one PostgreSQL database — the process taking
 * the burst is SIGKILLed after 90 acknowledgements, a fresh process takes over the cut requests'
 * retries and the killed process's jobs (after their lease), and the database is checked once both
 * have stopped. Skipped, saying why, without PostgreSQL.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { CRASH_STUDIO, crashScenario } from '../support/crash.ts';
import { POSTGRES_SKIP_REASON, startTestPostgres, testPostgresAvailable } from '../support/postgres.ts';
import { type Cluster, cluster, exitOf, kill } from '../support/server-mode.ts';

const available = testPostgresAvailable();
if (!available) console.warn(POSTGRES_SKIP_REASON);

let c: Cluster;

beforeAll(async () => {
  if (!available) return;
  const server = await startTestPostgres();
  if (!server) throw new Error(POSTGRES_SKIP_REASON);
  c = cluster(server);
}, 120_000);

afterAll(async () => {
  await c?.close();
}, 120_000);

it.skipIf(!available)(
  'keeps every acknowledged booking and no refused one across a SIGKILL mid-burst, and sends the queued emails',
  async () => {
    const file = join(tmpdir(), `slotwise-crash-studio-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(CRASH_STUDIO));
    const imported = await runCli(['import', file], c.env(), 120_000);
    rmSync(file);
    expect(imported.code, imported.stderr).toBe(0);

    const line = await crashScenario({
      label: 'postgres',
      target: { kind: 'postgres', url: c.pg.url },
      leaseMs: Number(c.env().JOB_LEASE_SECONDS) * 1000,
      serve: () => c.serve(),
      kill: (s) => kill(s),
      stop: (s) => exitOf(s),
    });
    console.log(line);
  },
  120_000,
);
