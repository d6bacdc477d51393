/**
 * The job worker over a real database: with two workers sharing it, every job runs exactly once;
 * a job claimed by a worker that died is taken by another after the lease, and the dead worker's
 * late completion is refused; failures back off and end after max_attempts; due reminders become
 * exactly one email job per booking however many workers sweep.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestClock, testClock } from '../../test/support/clock.ts';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { STUDIO, STUDIO_NOW } from '../../test/support/studio.ts';
import { createBooking } from '../app/create-booking.ts';
import type { BookingNotice, ClaimedJob } from '../app/model.ts';
import { createJobQueue } from '../store/jobs.ts';
import { createWorker, type JobHandler } from './worker.ts';

let tdb: TestDatabase;
let clock: TestClock;
let logged: string[];

beforeAll(async () => {
  tdb = await openTestDatabase();
});
afterAll(async () => {
  await tdb.close();
});
beforeEach(async () => {
  await tdb.reset();
  clock = testClock(STUDIO_NOW);
  logged = [];
});

function worker(id: string, handlers: Record<string, JobHandler>, leaseMs = 60_000) {
  return createWorker({
    queue: createJobQueue(tdb.db),
    handlers,
    clock,
    workerId: id,
    leaseMs,
    batchSize: 7,
    log: (_level, message) => logged.push(`${id}: ${message}`),
  });
}

async function insertJobs(n: number, kind = 'test.count', maxAttempts = 10): Promise<void> {
  await tdb.db.query(
    `INSERT INTO jobs (kind, payload, run_at, max_attempts)
     SELECT $1, jsonb_build_object('n', i), $2, $4 FROM generate_series(1, $3) AS i`,
    [kind, new Date(clock.now()).toISOString(), n, maxAttempts],
  );
}

const jobClaimed = async () =>
  Number((await tdb.db.query('SELECT count(*)::int AS n FROM jobs WHERE locked_by IS NOT NULL'))[0]?.n) > 0;

const jobState = async () =>
  (await tdb.db.query('SELECT count(*) FILTER (WHERE done_at IS NOT NULL) AS done, count(*) AS total FROM jobs'))[0];

describe('job worker', () => {
  it('two workers on one database run each of 300 jobs exactly once', async () => {
    await insertJobs(300);
    const runs = new Map<number, string[]>();
    const counting =
      (id: string): JobHandler =>
      async (payload) => {
        await new Promise((r) => setImmediate(r)); // let the other worker in between claim and completion
        const n = (payload as { n: number }).n;
        runs.set(n, [...(runs.get(n) ?? []), id]);
      };
    const a = worker('a', { 'test.count': counting('a') });
    const b = worker('b', { 'test.count': counting('b') });
    const [ra, rb] = await Promise.all([a.drain(), b.drain()]);
    expect(ra + rb).toBe(300);
    expect(ra).toBeGreaterThan(0);
    expect(rb).toBeGreaterThan(0);
    expect([...runs.keys()].sort((x, y) => x - y)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect([...runs.values()].every((by) => by.length === 1)).toBe(true);
    expect(await jobState()).toEqual({ done: 300, total: 300 });
  });

  it("a dead worker's jobs are taken by another after the lease; its late completion is refused", async () => {
    await insertJobs(3);
    const queue = createJobQueue(tdb.db);
    const claimed = await queue.claimJobs('dead', clock.now(), 60_000, 10);
    expect(claimed.map((j) => j.attempts)).toEqual([1, 1, 1]);
    const ran: number[] = [];
    const live = worker('live', {
      'test.count': async (p) => {
        ran.push((p as { n: number }).n);
      },
    });
    clock.advance(0.99);
    expect(await live.drain()).toBe(0); // still leased
    clock.advance(0.01);
    expect(await live.drain()).toBe(3);
    expect(ran).toEqual([1, 2, 3]);
    expect(await queue.completeJobs([claimed[0]?.id as string], 'dead', clock.now())).toEqual([]);
    const [row] = await tdb.db.query('SELECT attempts, locked_by FROM jobs ORDER BY id LIMIT 1');
    expect(row).toEqual({ attempts: 2, locked_by: null });
  });

  it('a failing job backs off 30 s, 60 s, … and fails for good after max_attempts, keeping the error', async () => {
    await insertJobs(1, 'test.count', 3);
    const tries: number[] = [];
    const w = worker('w', {
      'test.count': async (_p, job: ClaimedJob) => {
        tries.push(job.attempts);
        throw new Error(`boom ${job.attempts}`);
      },
    });
    expect(await w.drain()).toBe(1);
    clock.advance(0.49);
    expect(await w.drain()).toBe(0);
    clock.advance(0.01); // 30 s after the first try
    expect(await w.drain()).toBe(1);
    clock.advance(0.99);
    expect(await w.drain()).toBe(0);
    clock.advance(0.01); // 60 s after the second
    expect(await w.drain()).toBe(1);
    clock.advance(600);
    expect(await w.drain()).toBe(0);
    expect(tries).toEqual([1, 2, 3]);
    const [row] = await tdb.db.query('SELECT failed_at IS NOT NULL AS failed, last_error, done_at FROM jobs');
    expect(row).toEqual({ failed: true, last_error: 'boom 3', done_at: null });
    expect(logged).toEqual(['w: job failed, will retry', 'w: job failed, will retry', 'w: job failed for good']);
  });

  it('an error message with a NUL character is stored (replaced), and the batch goes on', async () => {
    await insertJobs(2);
    const ran: number[] = [];
    const w = worker('w', {
      'test.count': async (p) => {
        const n = (p as { n: number }).n;
        if (n === 1) throw new Error('bad\u0000byte');
        ran.push(n);
      },
    });
    expect(await w.drain()).toBe(2);
    expect(ran).toEqual([2]);
    const [row] = await tdb.db.query('SELECT last_error, locked_by FROM jobs ORDER BY id LIMIT 1');
    expect(row).toEqual({ last_error: 'bad\uFFFDbyte', locked_by: null });
  });

  it('a job whose worker died during its last allowed try fails for good when the lease ends', async () => {
    await insertJobs(1, 'test.count', 1);
    const queue = createJobQueue(tdb.db);
    expect(await queue.claimJobs('dead', clock.now(), 60_000, 10)).toHaveLength(1);
    clock.advance(1);
    const ran: unknown[] = [];
    expect(await worker('live', { 'test.count': async (p) => void ran.push(p) }).drain()).toBe(0);
    expect(ran).toEqual([]);
    const [row] = await tdb.db.query('SELECT failed_at IS NOT NULL AS failed, last_error FROM jobs');
    expect(row).toEqual({ failed: true, last_error: 'the worker stopped during the last attempt (lease expired)' });
  });

  it('a job of an unknown kind fails for good at once', async () => {
    await insertJobs(1, 'test.unknown');
    expect(await worker('w', {}).drain()).toBe(1);
    const [row] = await tdb.db.query('SELECT failed_at IS NOT NULL AS failed, last_error FROM jobs');
    expect(row).toEqual({ failed: true, last_error: 'no handler for job kind "test.unknown"' });
  });

  it('due reminders become one email job per booking, with two workers sweeping at once', async () => {
    await tdb.store.applySetup({ ...STUDIO, business: { ...STUDIO.business, reminderHours: 24 } }, async (p) => p);
    const starts = ['2027-03-29T08:00:00Z', '2027-03-29T09:00:00Z', '2027-03-30T08:00:00Z', '2027-03-31T12:00:00Z'];
    for (const [i, start] of starts.entries()) {
      const r = await createBooking(
        { store: tdb.store, clock, secret: 'x'.repeat(40), publicUrl: 'http://127.0.0.1' },
        {
          service: 'portrait',
          staff: '1',
          start: Date.parse(start),
          client: { name: `C${i}`, email: `c${i}@example.com`, phone: null, address: null },
          notes: '',
          wantsReminder: true,
          payment: 'none',
        },
      );
      expect(r.ok).toBe(true);
    }
    await tdb.db.query('DELETE FROM jobs'); // the confirmation emails are not what this test counts
    const reminded: string[] = [];
    const handler: JobHandler = async (p) => {
      const notice = p as BookingNotice;
      expect(notice.event).toBe('reminder');
      reminded.push(notice.bookingId);
    };
    const a = worker('a', { 'email.booking': handler });
    const b = worker('b', { 'email.booking': handler });
    clock.set('2027-03-29T08:30:00Z'); // three are due, but the first has started: none for it
    await Promise.all([a.drain(), b.drain(), a.drain(), b.drain()]);
    expect(reminded.sort()).toEqual(['2', '3']);
    clock.set('2027-03-30T12:00:00Z');
    await Promise.all([a.drain(), b.drain()]);
    expect(reminded.sort()).toEqual(['2', '3', '4']);
  });

  it('in the background: a nudge runs queued work at once; stop waits and gives back nothing half-done', async () => {
    const ran: number[] = [];
    const w = createWorker({
      queue: createJobQueue(tdb.db),
      handlers: {
        'test.count': async (p) => {
          ran.push((p as { n: number }).n);
        },
      },
      clock,
      workerId: 'bg',
      pollMs: 60_000,
      log: (_level, m) => logged.push(m),
    });
    w.start();
    await new Promise((r) => setTimeout(r, 50)); // first round done; now pausing for a minute
    await insertJobs(2);
    w.nudge();
    for (let i = 0; i < 100 && ran.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(ran).toEqual([1, 2]);
    await w.stop();
    expect(await jobState()).toEqual({ done: 2, total: 2 });
    expect(logged).toEqual([]);
  });
  it('in the background: sweeps for reminders once per poll interval, not in every round of a backlog', async () => {
    const queue = createJobQueue(tdb.db);
    let sweeps = 0;
    let ran = 0;
    const w = createWorker({
      queue: {
        ...queue,
        queueDueReminders: (...args) => {
          sweeps++;
          return queue.queueDueReminders(...args);
        },
      },
      handlers: {
        'test.count': async () => {
          ran++;
        },
      },
      clock,
      workerId: 'bg',
      batchSize: 2,
      pollMs: 60_000,
      log: (_level, m) => logged.push(m),
    });
    await insertJobs(12); // six full rounds, back to back
    w.start();
    for (let i = 0; i < 200 && ran < 12; i++) await new Promise((r) => setTimeout(r, 10));
    await w.stop();
    expect(ran).toBe(12);
    expect(sweeps).toBe(1);
  });

  it("writes a round's completions in one statement at its end; a failed job is not among them", async () => {
    await insertJobs(4);
    const queue = createJobQueue(tdb.db);
    const completions: number[] = [];
    const w = createWorker({
      queue: {
        ...queue,
        completeJobs: (ids, ...rest) => {
          completions.push(ids.length);
          return queue.completeJobs(ids, ...rest);
        },
      },
      handlers: {
        'test.count': async (p) => {
          if ((p as { n: number }).n === 3) throw new Error('smtp 421');
        },
      },
      clock,
      workerId: 'w',
      log: () => {},
    });
    expect(await w.runOnce()).toBe(4);
    expect(completions).toEqual([3]);
    expect(await tdb.db.query("SELECT payload->>'n' AS n FROM jobs WHERE done_at IS NULL")).toEqual([{ n: '3' }]);
  });

  it('a round gives the event loop a turn before each of its jobs after the first: what arrived meanwhile is not held up by the whole round', async () => {
    await insertJobs(3);
    const events: string[] = [];
    const w = worker('w', {
      'test.count': async (p) => {
        const n = (p as { n: number }).n;
        events.push(`job ${n}`);
        // Stands for a request that arrived while job n ran: its callback waits for the event loop.
        setImmediate(() => events.push(`after job ${n}`));
      },
    });
    expect(await w.runOnce()).toBe(3);
    await new Promise((r) => setImmediate(r));
    expect(events).toEqual(['job 1', 'after job 1', 'job 2', 'after job 2', 'job 3', 'after job 3']);
  });

  it('the jobs of one round share a read made once (JobRound); the next round reads afresh; a failed read is not kept', async () => {
    const loads: string[] = [];
    let failNext = false;
    const w = worker('w', {
      'test.count': async (p, _job, round) => {
        const n = (p as { n: number }).n;
        const key = n % 2 === 0 ? 'even' : 'odd';
        await round?.once(key, async () => {
          loads.push(key);
          if (failNext) {
            failNext = false;
            throw new Error('read failed');
          }
          return key;
        });
      },
    });
    await insertJobs(6); // one round: batch of 7
    expect(await w.runOnce()).toBe(6);
    expect(loads).toEqual(['odd', 'even']);
    await insertJobs(3);
    failNext = true;
    expect(await w.runOnce()).toBe(3);
    // The round's first read failed (its job will retry); the next job wanting it read again.
    expect(loads).toEqual(['odd', 'even', 'odd', 'even', 'odd']);
    expect(await tdb.db.query("SELECT payload->>'n' AS n FROM jobs WHERE done_at IS NULL")).toEqual([{ n: '1' }]);
  });

  it('nudges close together wake the worker once: the jobs of several changes run in one round', async () => {
    const ran: number[] = [];
    const queue = createJobQueue(tdb.db);
    let claims = 0;
    const w = createWorker({
      queue: {
        ...queue,
        claimJobs: (...args) => {
          claims++;
          return queue.claimJobs(...args);
        },
      },
      handlers: {
        'test.count': async (p) => {
          ran.push((p as { n: number }).n);
        },
      },
      clock,
      workerId: 'bg',
      pollMs: 60_000,
      nudgeDelayMs: 30,
      log: (_level, m) => logged.push(m),
    });
    w.start();
    await new Promise((r) => setTimeout(r, 50)); // first round done; now pausing for a minute
    expect(claims).toBe(1);
    await insertJobs(3);
    w.nudge();
    w.nudge();
    w.nudge();
    for (let i = 0; i < 100 && ran.length < 3; i++) await new Promise((r) => setTimeout(r, 10));
    expect(ran).toEqual([1, 2, 3]);
    expect(claims).toBe(2);
    await w.stop();
    expect(logged).toEqual([]);
  });

  it('a nudge while a round runs is not lost: the jobs it announced run right after that round, not a poll later', async () => {
    const ran: number[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const w = createWorker({
      queue: createJobQueue(tdb.db),
      handlers: {
        'test.count': async (p) => {
          const n = (p as { n: number }).n;
          if (n === 1) await gate; // the round that runs job 1 is busy until released
          ran.push(n);
        },
      },
      clock,
      workerId: 'bg',
      pollMs: 60_000,
      log: (_level, m) => logged.push(m),
    });
    w.start();
    await new Promise((r) => setTimeout(r, 50)); // first round done; now pausing for a minute
    await insertJobs(1);
    w.nudge();
    for (let i = 0; i < 100 && !(await jobClaimed()); i++) await new Promise((r) => setTimeout(r, 10));
    // Job 1's round has claimed and is running: a change commits job 2 and nudges meanwhile.
    await tdb.db.query(`INSERT INTO jobs (kind, payload, run_at) VALUES ('test.count', '{"n": 2}', $1)`, [
      new Date(clock.now()).toISOString(),
    ]);
    w.nudge();
    release();
    for (let i = 0; i < 100 && ran.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(ran).toEqual([1, 2]);
    await w.stop();
    expect(logged).toEqual([]);
  });

  it('stop() lets the job in hand finish, starts no other, and gives the rest of its batch back', async () => {
    await insertJobs(5);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered: () => void = () => {};
    const inHand = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const ran: number[] = [];
    const w = worker('w', {
      'test.count': async (p) => {
        entered();
        await gate;
        ran.push((p as { n: number }).n);
      },
    });
    w.start();
    await inHand; // the batch of five is claimed, the first job is running
    const stopped = w.stop(10_000);
    release();
    await stopped;
    expect(ran).toEqual([1]);
    const rows = await tdb.db.query(
      'SELECT attempts, locked_by, done_at IS NOT NULL AS done, done_by FROM jobs ORDER BY id',
    );
    expect(rows).toEqual([
      { attempts: 1, locked_by: null, done: true, done_by: 'w' },
      ...Array(4).fill({ attempts: 0, locked_by: null, done: false, done_by: null }),
    ]);
  });

  it('stop() gives up on a job that outlasts the grace period and leaves its claims to the lease', async () => {
    await insertJobs(2);
    let entered: () => void = () => {};
    const inHand = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const w = worker('stuck', {
      'test.count': async () => {
        entered();
        await new Promise(() => {}); // a mail server that never answers
      },
    });
    w.start();
    await inHand;
    await w.stop(50);
    const rows = await tdb.db.query('SELECT attempts, locked_by FROM jobs ORDER BY id');
    expect(rows).toEqual([
      { attempts: 1, locked_by: 'stuck' },
      { attempts: 1, locked_by: 'stuck' },
    ]);
    expect(logged).toEqual(['stuck: a job was still running at shutdown; its claims return after the lease']);
  });
  it('a slow batch gives back its unstarted jobs once half the lease is gone, so no other worker runs them twice', async () => {
    await insertJobs(3);
    const ran: number[] = [];
    const w = worker('slow', {
      'test.count': async (p) => {
        ran.push((p as { n: number }).n);
        clock.advance(0.6); // 36 s: more than half of the 60 s lease
      },
    });
    expect(await w.runOnce()).toBe(1);
    const rows = await tdb.db.query('SELECT attempts, locked_by, done_at IS NOT NULL AS done FROM jobs ORDER BY id');
    expect(rows).toEqual([
      { attempts: 1, locked_by: null, done: true },
      { attempts: 0, locked_by: null, done: false },
      { attempts: 0, locked_by: null, done: false },
    ]);
    expect(await w.drain()).toBe(2);
    expect(ran).toEqual([1, 2, 3]);
    expect(await tdb.db.query('SELECT attempts FROM jobs ORDER BY id')).toEqual([
      { attempts: 1 },
      { attempts: 1 },
      { attempts: 1 },
    ]);
  });
});
