/**
 * Crash safety, embedded database (hardening issue, part 3; docs/decisions/017-crash-durability.md):
 * `slotwise serve` on a data directory is SIGKILLed in the middle of a burst of bookings, as soon
 * as 90 have been acknowledged; a new process opens the same directory (neither the dead process's
 * lock nor PGlite's files may stop it); then every acknowledged booking is there as acknowledged,
 * no refused one is, each request cut off by the kill resolves through its Idempotency-Key to one
 * booking or none, nothing overlaps, the queued emails are sent, and holds still end on time
 * (test/support/crash.ts runs the scenario, crash-checks.ts has the checks).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { type RunningServer, runCli, startCli } from '../support/cli.ts';
import { CRASH_STUDIO, crashScenario } from '../support/crash.ts';
import { seedDataDir } from '../support/templates.ts';

const LEASE_SECONDS = 5;
const dir = mkdtempSync(join(tmpdir(), 'slotwise-crash-'));
const dataDir = seedDataDir(join(dir, 'data'));
const env = {
  SLOTWISE_DATA_DIR: dataDir,
  HOST: '127.0.0.1',
  PORT: '0',
  RATE_LIMIT_PER_IP: '0',
  JOB_LEASE_SECONDS: String(LEASE_SECONDS),
  JOB_POLL_MS: '100',
  LOG_LEVEL: 'info',
};
const servers: RunningServer[] = [];

afterAll(() => {
  for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

it('keeps every acknowledged booking and no refused one across a SIGKILL mid-burst, and sends the queued emails', async () => {
  const file = join(dir, 'studio.json');
  writeFileSync(file, JSON.stringify(CRASH_STUDIO));
  const imported = await runCli(['import', file], env);
  expect(imported.code, imported.stderr).toBe(0);

  const line = await crashScenario({
    label: 'embedded',
    target: { kind: 'pglite', dataDir },
    leaseMs: LEASE_SECONDS * 1000,
    async serve() {
      const s = await startCli(['serve'], env, 60_000);
      servers.push(s);
      return s;
    },
    kill: (s) => s.child.kill('SIGKILL'),
    stop: (s) => s.stop(),
  });
  console.log(line);
}, 120_000);
