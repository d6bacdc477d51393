/**
 * Durability of the embedded database (docs/decisions/017-crash-durability.md): on a data
 * directory PostgreSQL runs with fsync on, commits synchronously, and a COMMIT reaches the host's
 * fsync before it returns; an in-memory database keeps PGlite's defaults (nothing to sync).
 * test/crash-safety/ kills real servers; this pins the settings that make that pass for power cuts too.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testOutbound } from '../../test/support/outbound.ts';
import { STUDIO } from '../../test/support/studio.ts';
import { DEFAULT_LIMITS } from '../app/rate-limits.ts';
import { createApp } from '../http/app.ts';
import { createStore } from './create-store.ts';
import { createJobQueue } from './jobs.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { hitRateLimit } from './rate-limits.ts';
import type { Database } from './sql.ts';

// Counts the host fsyncs the driver makes (and still makes them), each once it has completed:
// synchronous ones and the WAL's, finished on the thread pool (wal-sync.ts).
const { fsyncs } = vi.hoisted(() => ({ fsyncs: vi.fn() }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    fsyncSync: (fd: number) => {
      real.fsyncSync(fd);
      fsyncs('sync');
    },
    fsync: (fd: number, cb: (e: NodeJS.ErrnoException | null) => void) =>
      real.fsync(fd, (e) => {
        if (!e) fsyncs('async');
        cb(e);
      }),
  };
});

const settings = async (db: Database) => {
  const out: Record<string, unknown> = {};
  for (const name of ['fsync', 'synchronous_commit', 'wal_sync_method']) {
    out[name] = (await db.query(`SELECT current_setting('${name}') AS v`))[0]?.v;
  }
  return out;
};

describe('a data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slotwise-durable-'));
  let db: Database;

  beforeAll(async () => {
    db = await openPglite(join(dir, 'pg'));
    await db.exec('CREATE TABLE t (id int PRIMARY KEY)');
  }, 60_000);

  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs PostgreSQL with fsync on and synchronous commits (PGlite has no WAL writer: an asynchronous commit is lost even to a killed process)', async () => {
    expect(await settings(db)).toEqual({ fsync: 'on', synchronous_commit: 'on', wal_sync_method: 'fsync' });
  });

  it('syncs a COMMIT to the disk before it returns, in a transaction or alone', async () => {
    fsyncs.mockClear();
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (1)');
      expect(fsyncs).not.toHaveBeenCalled();
    });
    expect(fsyncs).toHaveBeenCalledTimes(1);
    fsyncs.mockClear();
    await db.query('INSERT INTO t VALUES (2)');
    expect(fsyncs).toHaveBeenCalledTimes(1);
  });

  it("finishes a COMMIT's WAL sync on the thread pool (not blocking the event loop); the caller hears after it", async () => {
    fsyncs.mockClear();
    const events: string[] = [];
    fsyncs.mockImplementation((how: string) => events.push(`${how} fsync done`));
    try {
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO t VALUES (4)');
      });
      events.push('answered');
      await db.query('DELETE FROM t WHERE id = 4');
      events.push('answered');
    } finally {
      fsyncs.mockReset();
    }
    expect(events).toEqual(['async fsync done', 'answered', 'async fsync done', 'answered']);
  });

  it('does not wait for the disk on a rate-limit hit; the next synchronous commit takes it along', async () => {
    await db.exec('CREATE TABLE rate_limits (key text PRIMARY KEY, tat bigint NOT NULL)');
    fsyncs.mockClear();
    expect(await hitRateLimit(db, 'ip:x', 5, 60_000, 1_000)).toEqual({ allowed: true });
    expect(fsyncs).not.toHaveBeenCalled();
    await db.query('INSERT INTO t VALUES (3)');
    expect(fsyncs).toHaveBeenCalledTimes(1);
    await db.close();
    db = await openPglite(join(dir, 'pg'));
    expect(await db.query('SELECT key, tat::int AS tat FROM rate_limits')).toEqual([{ key: 'ip:x', tat: 13_000 }]);
    await db.exec('DROP TABLE rate_limits; DELETE FROM t WHERE id = 3');
  }, 60_000);

  it('commits transactions that waited for the connection as a group: one fsync, and none answered before it', async () => {
    fsyncs.mockClear();
    const order: string[] = [];
    const insert = (id: number) =>
      db
        .transaction(async (tx) => {
          await tx.query('INSERT INTO t VALUES ($1)', [id]);
        })
        .then(() => order.push(`answered ${id} after ${fsyncs.mock.calls.length} fsync`));
    await Promise.all([10, 11, 12, 13, 14].map(insert));
    expect(fsyncs).toHaveBeenCalledTimes(1);
    expect(order.sort()).toEqual([10, 11, 12, 13, 14].map((id) => `answered ${id} after 1 fsync`));
    await db.exec('DELETE FROM t WHERE id >= 10');
  });

  it('groups single statements too: one that waited for the connection commits without its own fsync', async () => {
    fsyncs.mockClear();
    const answered: number[] = [];
    const after = () => answered.push(fsyncs.mock.calls.length);
    await Promise.all([
      db.transaction((tx) => tx.query('INSERT INTO t VALUES (30)')).then(after),
      db.query('INSERT INTO t VALUES (31)').then(after),
      db.query('INSERT INTO t VALUES (32)').then(after),
      db.transaction((tx) => tx.query('INSERT INTO t VALUES (33)')).then(after),
    ]);
    expect(answered).toEqual([1, 1, 1, 1]);
    expect(await db.query("SELECT current_setting('synchronous_commit') AS v")).toEqual([{ v: 'on' }]);
    await db.exec('DELETE FROM t WHERE id >= 30');
  });

  it('flushes a group whose last piece wrote nothing, and keeps every commit of it across a reopen', async () => {
    fsyncs.mockClear();
    const answered: number[] = [];
    await Promise.all([
      db.transaction((tx) => tx.query('INSERT INTO t VALUES (20)')).then(() => answered.push(fsyncs.mock.calls.length)),
      db.transaction((tx) => tx.query('INSERT INTO t VALUES (21)')).then(() => answered.push(fsyncs.mock.calls.length)),
      db.query('SELECT count(*) FROM t').then(() => answered.push(fsyncs.mock.calls.length)),
    ]);
    expect(answered).toEqual([1, 1, 1]);
    await db.close();
    db = await openPglite(join(dir, 'pg'));
    expect(await db.query('SELECT id FROM t WHERE id >= 20 ORDER BY id')).toEqual([{ id: 20 }, { id: 21 }]);
    await db.exec('DELETE FROM t WHERE id >= 20');
  }, 60_000);

  it('syncs nothing for a read', async () => {
    fsyncs.mockClear();
    expect(await db.query('SELECT count(*)::int AS n FROM t')).toEqual([{ n: 2 }]);
    expect(fsyncs).not.toHaveBeenCalled();
  });
});

it('claims, completes and fails jobs without waiting for the disk (a lost one only makes the job run again)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'slotwise-durable-jobs-'));
  const db = await openPglite(join(dir, 'pg'));
  try {
    await migrate(db);
    await db.query(
      `INSERT INTO jobs (kind, payload, run_at, created_at) SELECT 'k', '{}', now(), now() FROM generate_series(1, 3)`,
    );
    const queue = createJobQueue(db);
    fsyncs.mockClear();
    const [a, b, c] = await queue.claimJobs('w', Date.now(), 60_000, 10);
    expect(await queue.completeJobs([a?.id, b?.id] as string[], 'w', Date.now())).toHaveLength(2);
    await queue.failJob(c?.id as string, 'w', 'smtp 421', Date.now() + 60_000, Date.now());
    expect(fsyncs).not.toHaveBeenCalled();
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

it('a booking through HTTP is one synced commit: key, client, booking, jobs and stored answer; nothing synced before it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'slotwise-durable-booking-'));
  const db = await openPglite(join(dir, 'pg'));
  try {
    await migrate(db);
    // Marks when a transaction's work is done and its COMMIT goes out: a sync before that mark is
    // a sync the booking should not cost (a limit, the key claim or a piece committed apart).
    const events: string[] = [];
    const marked: Database = {
      ...db,
      transaction: (fn) =>
        db.transaction(async (tx) => {
          const result = await fn(tx);
          events.push('commit');
          return result;
        }),
    };
    const store = createStore(marked);
    await store.applySetup(STUDIO, async (p) => p);
    const app = createApp({
      outbound: testOutbound(),
      store,
      clock: { now: () => Date.parse('2027-03-26T10:00:00Z') },
      secret: 'durability-test-secret-of-32-characters',
      publicUrl: 'http://127.0.0.1:3000',
      rateLimits: DEFAULT_LIMITS,
      logError: (error) => {
        throw error;
      },
    });
    // The first request also reads freshly written rows (hint bits); the next three are the steady
    // state, each counted alone (the connection idle before it). What must hold: nothing syncs
    // before the booking's one COMMIT (the limits, the key claim, the client, the booking, its jobs
    // and stored answer are one commit), and that COMMIT waits for the disk. After it, the reads
    // that build the answer may flush hint-bit WAL (one more sync, off the request's path when the
    // machine is quiet): counted here, not bounded.
    fsyncs.mockImplementation((how: string) => events.push(`${how} fsync`));
    const starts = ['2027-03-29T12:00:00Z', '2027-03-29T14:00:00Z', '2027-03-30T12:00:00Z', '2027-03-30T14:00:00Z'];
    for (const [i, start] of starts.entries()) {
      await db.query('SELECT 1');
      events.length = 0;
      const res = await app.request('/api/v1/bookings', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `one-fsync-${i}` },
        body: JSON.stringify({
          service: 'portrait',
          staff: 'any',
          start,
          client: { name: 'Una', email: `una${i}@example.test` },
          payment: 'none',
        }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
      if (i === 0) continue;
      const commits = events.filter((e) => e === 'commit').length;
      const syncs = events.filter((e) => e.endsWith('fsync')).length;
      expect(commits, events.join(', ')).toBe(1);
      expect(events.indexOf('commit'), events.join(', ')).toBe(0);
      expect(syncs, events.join(', ')).toBeGreaterThanOrEqual(1);
    }
    expect(await db.query('SELECT count(*)::int AS n FROM jobs')).toEqual([{ n: 8 }]);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

it('keeps an in-memory database (tests) on PGlite’s defaults: nothing to sync', async () => {
  const db = await openPglite();
  try {
    fsyncs.mockClear();
    await db.exec('CREATE TABLE t (id int); INSERT INTO t VALUES (1)');
    expect(fsyncs).not.toHaveBeenCalled();
    expect((await settings(db)).fsync).toBe('off');
  } finally {
    await db.close();
  }
}, 60_000);
