/**
 * The embedded database checkpoints while the server runs (decision 017): PGlite has no
 * background checkpointer, so without this its WAL would grow for the life of the process and a
 * crash would replay all of it. Here every 200 ms; in production every 10 minutes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { openRuntime, type Runtime, startServer } from '../src/main.ts';
import { waitFor } from './support/server-mode.ts';
import { STUDIO } from './support/studio.ts';
import { seedDataDir } from './support/templates.ts';

let dir: string;
let rt: Runtime;

beforeAll(async () => {
  dir = seedDataDir(mkdtempSync(join(tmpdir(), 'slotwise-checkpoint-')));
  const config = loadConfig({ SLOTWISE_DATA_DIR: dir, PORT: '0' });
  if (!config.ok) throw new Error(config.problems.join('\n'));
  rt = await openRuntime(config.config);
  await rt.store.applySetup(STUDIO, async (p) => p);
}, 60_000);

afterAll(async () => {
  await rt?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('a running embedded server checkpoints on its own: the redo point moves past a new write', async () => {
  const served = await startServer(rt, { demo: false, log: () => {}, checkpointEveryMs: 200 });
  try {
    const db = rt.database.db;
    await db.query(
      "INSERT INTO days_off (staff_id, from_date, to_date, note) SELECT id, '2030-01-01', '2030-01-01', 'wal' FROM staff LIMIT 1",
    );
    const [written] = await db.query('SELECT pg_current_wal_lsn()::text AS lsn');
    const lsn = String(written?.lsn);
    const covered = await waitFor(
      `a checkpoint whose redo point is past ${lsn}`,
      async () => {
        const [r] = await db.query('SELECT redo_lsn >= $1::pg_lsn AS ok FROM pg_control_checkpoint()', [lsn]);
        return r?.ok === true ? true : undefined;
      },
      10_000,
      50,
    );
    expect(covered).toBe(true);
  } finally {
    await served.close();
  }
});
