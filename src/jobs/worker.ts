/**
 * The job worker: each round turns due reminders into email jobs, claims a batch of due jobs
 * under a lease, runs each through its handler, and marks it done or schedules a retry with
 * back-off (failed for good after max_attempts). Several workers — in one process or many — may
 * share a database: claims are disjoint (store/jobs.ts), so each job runs once unless its
 * worker dies mid-run, and then again only after its lease.
 *
 * The bookkeeping does not wait for the disk (decision 038): claims, completions and failures
 * commit with synchronous_commit off, and a round's completions are written in one statement at
 * its end. A crash may forget them; then the job runs again after its lease: redone, never lost.
 */
import type { ClaimedJob } from '../app/model.ts';
import type { Clock, JobQueue } from '../app/ports.ts';
import { retryDelayMs } from './backoff.ts';

/** `round`: absent when a handler is called outside a worker round (tests). */
export type JobHandler = (payload: unknown, job: ClaimedJob, round?: JobRound) => Promise<void>;

/**
 * What the jobs of one round share: a read made once for all of them (the two or three emails of
 * one booking change read the booking once). Kept only for the round, which claimed its jobs after
 * the changes that queued them had committed; a change committed during the round queues jobs of
 * its own, which a later round runs with a fresh read.
 */
export interface JobRound {
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
}

function newRound(): JobRound {
  const reads = new Map<string, Promise<unknown>>();
  return {
    once<T>(key: string, load: () => Promise<T>): Promise<T> {
      let read = reads.get(key) as Promise<T> | undefined;
      if (!read) {
        read = load();
        reads.set(key, read);
        // A failed read is not kept: the next job of the round tries again.
        read.catch(() => reads.delete(key));
      }
      return read;
    },
  };
}

export interface WorkerDeps {
  readonly queue: JobQueue;
  readonly handlers: Readonly<Record<string, JobHandler>>;
  readonly clock: Clock;
  readonly workerId: string;
  readonly leaseMs?: number;
  readonly batchSize?: number;
  /** Pause between rounds when there was nothing to do. */
  readonly pollMs?: number;
  /**
   * How long a nudge waits before it wakes the worker, so that the jobs of several changes are
   * claimed and run in one round rather than one round per change (default 20 ms).
   */
  readonly nudgeDelayMs?: number;
  readonly log: (level: LogLevel, message: string, fields: Record<string, unknown>) => void;
  /**
   * Tasks run every `everyMs` by one process (the daily clean-up): the worker looks at most once
   * a minute whether one is due and queues its job (JobQueue.queueDueTask). Absent = none (tests
   * that count jobs).
   */
  readonly tasks?: readonly { readonly name: string; readonly everyMs: number }[];
  /**
   * External calendars (SPEC §8.3): each round's sweep queues a fetch of every calendar due, due
   * again this long after (CALENDAR_POLL_MINUTES; null = not again: fetched when added or asked).
   * Absent = no calendar sweep (tests that count jobs).
   */
  readonly calendarPollMs?: number | null;
}

/** How often a worker looks for due scheduled tasks. */
export const TASK_CHECK_MS = 60_000;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Worker {
  /** One round; the number of jobs run. */
  runOnce(): Promise<number>;
  /** Rounds until nothing is due (tests; the demo's start-up). */
  drain(): Promise<number>;
  /** Polls in the background until stop(). */
  start(): void;
  /** Ends the current pause soon (a change has just queued jobs); nudges close together wake it once. */
  nudge(): void;
  /**
   * Stops polling, lets the job in hand finish (the rest of its batch is not started) and gives
   * back the unstarted claims. When the job in hand outlasts `graceMs`, gives up waiting and
   * gives back nothing: its claims return to the queue when their lease ends, as after a crash.
   */
  stop(graceMs?: number): Promise<void>;
}

export function createWorker(deps: WorkerDeps): Worker {
  const lease = deps.leaseMs ?? 60_000;
  const batch = deps.batchSize ?? 20;
  const poll = deps.pollMs ?? 1_000;
  let running = false;
  let stopping = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  let nudged: NodeJS.Timeout | null = null;
  /**
   * A nudge came while a round was running: its jobs may have been committed after that round
   * claimed, so another round follows at once instead of a pause (a nudge is never lost).
   */
  let nudgedWhileBusy = false;
  /** performance.now() of the last reminder sweep in the background loop. */
  let sweptAt = Number.NEGATIVE_INFINITY;
  /** deps.clock's time of the last look for due scheduled tasks. */
  let tasksCheckedAt = Number.NEGATIVE_INFINITY;
  const nudgeDelay = deps.nudgeDelayMs ?? 20;

  /** Runs one job; true when it succeeded (its completion is written with the round's). */
  async function runJob(job: ClaimedJob, round: JobRound): Promise<boolean> {
    const handler = deps.handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      await handler(job.payload, job, round);
      return true;
    } catch (error) {
      const now = deps.clock.now();
      const final = !handler || job.attempts >= job.maxAttempts;
      const message = error instanceof Error ? error.message : String(error);
      await deps.queue.failJob(job.id, deps.workerId, message, final ? null : now + retryDelayMs(job.attempts), now);
      deps.log(final ? 'error' : 'warn', final ? 'job failed for good' : 'job failed, will retry', {
        job: job.id,
        kind: job.kind,
        attempt: job.attempts,
        error: message,
      });
      return false;
    }
  }

  /** Marks the round's succeeded jobs done, in one statement. */
  async function complete(done: ClaimedJob[]): Promise<void> {
    if (done.length === 0) return;
    const held = new Set(
      await deps.queue.completeJobs(
        done.map((j) => j.id),
        deps.workerId,
        deps.clock.now(),
      ),
    );
    for (const job of done) {
      // Ran past its lease and another worker holds it now: the work was done twice.
      if (!held.has(job.id)) deps.log('warn', 'job finished after its lease ran out', { job: job.id, kind: job.kind });
    }
    done.length = 0;
  }

  /** `sweep`: look for due reminders too (every polled round; a round a nudge woke need not). */
  async function runOnce(sweep = true): Promise<number> {
    const now = deps.clock.now();
    if (sweep) await deps.queue.queueDueReminders(now, 100);
    if (sweep && deps.calendarPollMs !== undefined) await deps.queue.queueDueCalendars(now, 100, deps.calendarPollMs);
    if (sweep && deps.tasks && now - tasksCheckedAt >= TASK_CHECK_MS) {
      tasksCheckedAt = now;
      for (const task of deps.tasks) await deps.queue.queueDueTask(task.name, now, task.everyMs);
    }
    const jobs = await deps.queue.claimJobs(deps.workerId, now, lease, batch);
    const done: ClaimedJob[] = [];
    const round = newRound();
    let ran = 0;
    try {
      for (const job of jobs) {
        if (stopping) break; // shutting down: stop() gives the rest back
        // The batch shares one lease. Past half of it, another worker may soon take the jobs not yet
        // started (and run them a second time alongside us): give them back and claim afresh.
        if (deps.clock.now() - now > lease / 2) {
          await complete(done);
          await deps.queue.releaseJobs(deps.workerId);
          break;
        }
        // Let requests that arrived meanwhile in before each job: a round's statements are
        // promises that never wait for I/O, so a whole round would otherwise hold the event loop.
        if (ran > 0) await new Promise<void>((resolve) => setImmediate(resolve));
        if (await runJob(job, round)) done.push(job);
        ran++;
      }
    } finally {
      await complete(done);
    }
    return ran;
  }

  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, poll);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  return {
    runOnce: () => runOnce(),
    async drain() {
      let total = 0;
      for (let n = await runOnce(); n > 0; n = await runOnce()) total += n;
      return total;
    },
    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          let n = 0;
          // Reminders are due by the minute: a sweep per poll interval finds them in time, and the
          // rounds between (woken by a nudge, or following a full batch under load) do not each
          // pay for one.
          const sweep = performance.now() - sweptAt >= poll;
          if (sweep) sweptAt = performance.now();
          nudgedWhileBusy = false;
          try {
            n = await runOnce(sweep);
          } catch (error) {
            deps.log('error', 'job round failed', { error: error instanceof Error ? error.message : String(error) });
          }
          if (running && n < batch && !nudgedWhileBusy) await pause();
        }
      })();
    },
    nudge() {
      if (!wake) {
        nudgedWhileBusy = running; // busy with a round: another one follows it
        return;
      }
      if (nudged) return; // a wake-up is already on its way
      nudged = setTimeout(() => {
        nudged = null;
        wake?.();
      }, nudgeDelay);
    },
    async stop(graceMs = Number.POSITIVE_INFINITY) {
      running = false;
      stopping = true;
      if (nudged) clearTimeout(nudged);
      nudged = null;
      wake?.();
      let timer: NodeJS.Timeout | undefined;
      const outlasted = await Promise.race([
        (loop ?? Promise.resolve()).then(() => false),
        new Promise<boolean>((resolve) => {
          if (Number.isFinite(graceMs)) timer = setTimeout(() => resolve(true), graceMs);
        }),
      ]);
      clearTimeout(timer);
      loop = null;
      if (outlasted) {
        deps.log('warn', 'a job was still running at shutdown; its claims return after the lease', {
          workerId: deps.workerId,
        });
        return;
      }
      await deps.queue.releaseJobs(deps.workerId);
      stopping = false;
    },
  };
}
