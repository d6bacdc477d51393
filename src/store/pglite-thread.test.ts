/**
 * PGlite on a worker thread (decision 045): the driver behaves as the in-thread one does — errors
 * keep their SQLSTATE, a transaction's unawaited failure fails its commit, rollbacks and savepoints,
 * durable settings on a data directory — while the main thread stays free during a statement, and
 * the worker holds the process open only while an answer is awaited.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from './pglite.ts';
import { openPgliteThread } from './pglite-thread.ts';
import { constraintOf, type Database, sqlState, UNIQUE_VIOLATION } from './sql.ts';

/** Keeps this thread busy without yielding: answers from another thread wait meanwhile. */
function spin(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until) {}
}

describe.each([
  ['a worker thread', openPgliteThread],
  ['this thread (the same behaviour)', openPglite],
])('PGlite on %s', (_, open) => {
  let db: Database;
  beforeAll(async () => {
    db = await open();
    await db.exec('CREATE TABLE t (id int PRIMARY KEY, at timestamptz, b bytea, tags text[])');
  }, 60_000);
  afterAll(() => db?.close());

  it('answers rows with their types, and errors with their SQLSTATE and constraint', async () => {
    await db.query('INSERT INTO t VALUES ($1, $2, $3, $4)', [
      1,
      new Date('2027-01-02T03:04:05Z'),
      Uint8Array.of(7),
      ['a'],
    ]);
    expect(await db.query('SELECT * FROM t')).toEqual([
      { id: 1, at: new Date('2027-01-02T03:04:05Z'), b: Uint8Array.of(7), tags: ['a'] },
    ]);
    const error = await db.query('INSERT INTO t (id) VALUES (1)').catch((e: unknown) => e);
    expect([sqlState(error), constraintOf(error), (error as Error).message]).toEqual([
      UNIQUE_VIOLATION,
      't_pkey',
      'duplicate key value violates unique constraint "t_pkey"',
    ]);
  });

  it('rolls back a transaction whose function throws, and nests savepoints', async () => {
    const boom = new Error('boom');
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t (id) VALUES (2)');
        throw boom;
      }),
    ).rejects.toBe(boom);
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO t (id) VALUES (3)');
      await tx.transaction((inner) => inner.query('INSERT INTO t (id) VALUES (1)')).catch(() => {});
      await tx.query('INSERT INTO t (id) VALUES (4)');
    });
    expect(await db.query('SELECT id FROM t ORDER BY id')).toEqual([{ id: 1 }, { id: 3 }, { id: 4 }]);
  });

  it('fails the commit with a statement the function left unawaited, even one done before the function returned', async () => {
    const outcome = db.transaction(async (tx) => {
      tx.query('INSERT INTO t (id) VALUES (5)').catch(() => {});
      tx.query('INSERT INTO t (id) VALUES (1)').catch(() => {});
      // The worker finishes both meanwhile; this thread has not seen their answers.
      spin(300);
    });
    expect(sqlState(await outcome.catch((e: unknown) => e))).toBe(UNIQUE_VIOLATION);
    expect(await db.query('SELECT id FROM t WHERE id = 5')).toEqual([]);
  });

  it('answers concurrent transactions and statements, each with its own rows', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => 100 + i);
    const got = await Promise.all(
      ids.map((id) =>
        id % 3 === 0
          ? db.query<{ id: number }>('INSERT INTO t (id) VALUES ($1) RETURNING id', [id])
          : db.transaction(async (tx) => {
              await tx.query('INSERT INTO t (id) VALUES ($1)', [id]);
              return tx.query<{ id: number }>('SELECT id FROM t WHERE id = $1', [id]);
            }),
      ),
    );
    expect(got.map((rows) => rows[0]?.id)).toEqual(ids);
  });
});

it('commits a chain of writes the function left unawaited (each sent once the one before is answered) in its transaction', async () => {
  const db = await openPgliteThread();
  try {
    await db.exec('CREATE TABLE chained (id int PRIMARY KEY)');
    await db.transaction(async (tx) => {
      // As create-booking.ts followUp: the verification row, then its job, neither awaited by the use case.
      const chain = (async () => {
        for (const id of [1, 2, 3]) await tx.query('INSERT INTO chained VALUES ($1)', [id]);
      })();
      chain.catch(() => {});
    });
    const rows = await db.query(
      'SELECT count(*)::int AS n, count(DISTINCT xmin::text)::int AS transactions FROM chained',
    );
    expect(rows).toEqual([{ n: 3, transactions: 1 }]);
  } finally {
    await db.close();
  }
}, 60_000);

it('leaves this thread free while PostgreSQL works: timers run during a long statement', async () => {
  const db = await openPgliteThread();
  try {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    await db.query('SELECT pg_sleep(0.5)');
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(10);
  } finally {
    await db.close();
  }
}, 60_000);

describe('a data directory through the worker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slotwise-thread-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs PostgreSQL with fsync on and synchronous commits, keeps commits across a reopen, and takes a snapshot', async () => {
    let db = await openPgliteThread(join(dir, 'pg'));
    try {
      const setting = async (name: string) => (await db.query(`SELECT current_setting('${name}') AS v`))[0]?.v;
      expect([await setting('fsync'), await setting('synchronous_commit'), await setting('wal_sync_method')]).toEqual([
        'on',
        'on',
        'fsync',
      ]);
      await db.exec('CREATE TABLE kept (id int)');
      await Promise.all([1, 2, 3].map((id) => db.transaction((tx) => tx.query('INSERT INTO kept VALUES ($1)', [id]))));
      await db.close();
      db = await openPgliteThread(join(dir, 'pg'));
      expect(await db.query('SELECT id FROM kept ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
      const snapshot = await db.snapshot?.();
      expect(snapshot?.size).toBeGreaterThan(100_000);
    } finally {
      await db.close();
    }
  }, 120_000);
});

const CHILD = fileURLToPath(new URL('../../test/support/pglite-thread-exit.ts', import.meta.url));

it('holds the process open while an answer is awaited, and not once it is idle (no close needed to exit)', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    err += d;
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), 45_000);
  const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
    child.once('close', (c, s) => resolve([c, s])),
  );
  clearTimeout(killer);
  expect({ code, signal, out: out.trim() }, err).toEqual({ code: 0, signal: null, out: 'answered 42' });
}, 60_000);
