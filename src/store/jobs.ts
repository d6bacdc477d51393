/**
 * The job table (docs/decisions/009-durable-jobs-table.md). Enqueue happens inside the caller's
 * transaction (the outbox). A claim is one statement: due rows, locked with FOR UPDATE SKIP LOCKED
 * so concurrent claimers take disjoint sets, leased until locked_until. Completion and failure are
 * compare-and-set on locked_by, so a worker that lost its lease cannot overwrite the new holder;
 * a completed job keeps its worker's id in done_by.
 *
 * Claims, completions and failures commit without waiting for the disk (decision 038): the job row
 * itself was committed durably with the change that queued it, and a lost claim, completion or
 * failure only makes the job run again (after its lease), never lost. `synchronous_commit` is set
 * for the statement's own transaction (`set_config(…, true)`, read at its commit): one round trip
 * still, and the next synchronous commit takes it to the disk.
 */
import type { ClaimedJob, JobSpec } from '../app/model.ts';
import type { JobQueue } from '../app/ports.ts';
import { queueDueCalendars } from './calendars.ts';
import { iso, ms, optIso } from './rows.ts';
import { NO_DISK_WAIT, type Sql } from './sql.ts';

/** Up to this many jobs are sent as a VALUES list (see enqueueJobs). */
const VALUES_UP_TO = 8;

/**
 * Queues jobs in the caller's transaction. A `webhook.event` job is queued only when an active
 * webhook is subscribed to its event type as the change commits: with no webhooks (most
 * businesses) a booking costs no webhook job at all, and no extra statement decides it.
 */
export async function enqueueJobs(sql: Sql, jobs: readonly JobSpec[], now: number): Promise<void> {
  if (jobs.length === 0) return;
  const rows = jobs.map((j) => [
    j.kind,
    JSON.stringify(j.payload),
    iso(j.runAt ?? now),
    j.kind === 'webhook.event' || j.kind === 'webhook.waitlist' ? j.payload.type : null,
  ]);
  // A few jobs (a booking's emails and its event) as a VALUES list, one statement text per count:
  // ~40 % cheaper on PGlite than parsing four arrays. More (a series) as arrays, one text for all.
  const asValues = jobs.length <= VALUES_UP_TO;
  const source = asValues
    ? `(VALUES ${rows.map((_, i) => `($${4 * i + 2}::text, $${4 * i + 3}::text, $${4 * i + 4}::timestamptz, $${4 * i + 5}::text)`).join(', ')})`
    : 'unnest($2::text[], $3::text[], $4::timestamptz[], $5::text[])';
  const params = asValues ? rows.flat() : [0, 1, 2, 3].map((c) => rows.map((r) => r[c]));
  await sql.query(
    // Payloads go as text and become jsonb only for the rows kept: a series queues an event per
    // occurrence, most often with no webhook subscribed, and parsing those was half the statement.
    `INSERT INTO jobs (kind, payload, run_at, created_at)
     SELECT k, p::jsonb, r, $1 FROM ${source} AS j(k, p, r, t)
     WHERE t IS NULL OR EXISTS (SELECT 1 FROM webhooks w WHERE w.active AND t = ANY(w.events))`,
    [iso(now), ...params],
  );
}

export async function claimJobs(
  sql: Sql,
  workerId: string,
  now: number,
  leaseMs: number,
  limit: number,
): Promise<ClaimedJob[]> {
  // One statement, two disjoint sets of rows: a job whose worker died during its last allowed try
  // is not tried again (it failed for good), and the due jobs are claimed.
  const rows = await sql.query(
    `WITH ${NO_DISK_WAIT},
     abandoned AS (
       UPDATE jobs SET failed_at = $2, locked_by = NULL, locked_until = NULL, payload = payload - 'tokenSealed',
         last_error = 'the worker stopped during the last attempt (lease expired)'
       WHERE done_at IS NULL AND failed_at IS NULL AND attempts >= max_attempts AND locked_until <= $2
     )
     UPDATE jobs SET locked_by = $1, locked_until = $3, attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM jobs
       WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= $2 AND (locked_until IS NULL OR locked_until <= $2)
         AND attempts < max_attempts AND (SELECT value FROM durability) IS NOT NULL
       ORDER BY run_at, id LIMIT $4 FOR UPDATE SKIP LOCKED)
     RETURNING id, kind, payload, attempts, max_attempts, run_at, created_at`,
    [workerId, iso(now), iso(now + leaseMs), limit],
  );
  return rows
    .sort((a, b) => ms(a.run_at) - ms(b.run_at) || Number(a.id) - Number(b.id)) // RETURNING has no order
    .map((r) => ({
      id: String(r.id),
      kind: String(r.kind),
      payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
      attempts: Number(r.attempts),
      maxAttempts: Number(r.max_attempts),
      createdAt: ms(r.created_at),
    }));
}

/**
 * Marks claimed jobs done in one statement (a worker's round); the ids this worker still held. A
 * token sealed into a payload for its email (`tokenSealed`: a new booking's, a waitlist offer's)
 * is dropped with it: once sent it is needed no more (decision 048).
 */
export async function completeJobs(
  sql: Sql,
  jobIds: readonly string[],
  workerId: string,
  now: number,
): Promise<string[]> {
  if (jobIds.length === 0) return [];
  const rows = await sql.query(
    `WITH ${NO_DISK_WAIT}
     UPDATE jobs SET done_at = $3, done_by = $2, locked_by = NULL, locked_until = NULL, payload = payload - 'tokenSealed'
     WHERE id = ANY($1::bigint[]) AND locked_by = $2 AND done_at IS NULL AND (SELECT value FROM durability) IS NOT NULL
     RETURNING id`,
    [jobIds, workerId, iso(now)],
  );
  return rows.map((r) => String(r.id));
}

export async function failJob(
  sql: Sql,
  jobId: string,
  workerId: string,
  error: string,
  retryAt: number | null,
  now: number,
): Promise<void> {
  await sql.query(
    `WITH ${NO_DISK_WAIT}
     UPDATE jobs SET locked_by = NULL, locked_until = NULL, last_error = $3,
       run_at = COALESCE($4, run_at), failed_at = CASE WHEN $4::timestamptz IS NULL THEN $5::timestamptz END,
       payload = CASE WHEN $4::timestamptz IS NULL THEN payload - 'tokenSealed' ELSE payload END
     WHERE id = $1 AND locked_by = $2 AND done_at IS NULL AND (SELECT value FROM durability) IS NOT NULL`,
    // PostgreSQL text cannot hold NUL; an error message may.
    [jobId, workerId, error.replaceAll('\u0000', '\uFFFD').slice(0, 2000), optIso(retryAt), iso(now)],
  );
}

export async function releaseJobs(sql: Sql, workerId: string): Promise<void> {
  await sql.query(
    'UPDATE jobs SET locked_by = NULL, locked_until = NULL, attempts = greatest(attempts - 1, 0) WHERE locked_by = $1 AND done_at IS NULL',
    [workerId],
  );
}

/**
 * Due reminders become email jobs in one transaction: the compare-and-set on remind_at (with SKIP
 * LOCKED) hands each due booking to exactly one sweeper. A booking already started gets none.
 */
export async function queueDueReminders(sql: Sql, now: number, limit: number): Promise<number> {
  // One statement, so atomic without a transaction around it (a sweep finding nothing, the usual
  // case, is one round trip). The payload is the one send-booking-email.ts reads for a reminder.
  const rows = await sql.query(
    `WITH due AS (
       UPDATE bookings SET remind_at = NULL,
         reminded_at = CASE WHEN status = 'confirmed' AND start_at > $1 THEN $1 ELSE reminded_at END
       WHERE id IN (SELECT id FROM bookings WHERE remind_at <= $1 ORDER BY remind_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING id, status, start_at
     )
     INSERT INTO jobs (kind, payload, run_at, created_at)
     SELECT 'email.booking',
       jsonb_build_object('bookingId', id::text, 'event', 'reminder', 'audience', 'client', 'previous', NULL, 'cancelReason', ''),
       $1, $1
     FROM due WHERE status = 'confirmed' AND start_at > $1
     ORDER BY id
     RETURNING id`,
    [iso(now), limit],
  );
  return rows.length;
}

/**
 * Queues the job of a scheduled task (its kind is the task's name, its payload empty) when the task
 * is due, and moves it `everyMs` on. One statement, a compare-and-set: with several processes
 * sweeping at once, exactly one queues it. A task never run (no row yet) is due.
 */
export async function queueDueTask(sql: Sql, name: string, now: number, everyMs: number): Promise<boolean> {
  const rows = await sql.query(
    `WITH claimed AS (
       INSERT INTO scheduled_tasks AS t (name, due_at) VALUES ($1, $3)
       ON CONFLICT (name) DO UPDATE SET due_at = EXCLUDED.due_at WHERE t.due_at <= $2
       RETURNING name
     )
     INSERT INTO jobs (kind, payload, run_at, created_at) SELECT name, '{}'::jsonb, $2, $2 FROM claimed RETURNING id`,
    [name, iso(now), iso(now + everyMs)],
  );
  return rows.length > 0;
}

/** The JobQueue port over the job table. */
export function createJobQueue(sql: Sql): JobQueue {
  return {
    claimJobs: (worker, now, lease, limit) => claimJobs(sql, worker, now, lease, limit),
    completeJobs: (ids, worker, now) => completeJobs(sql, ids, worker, now),
    failJob: (id, worker, error, retryAt, now) => failJob(sql, id, worker, error, retryAt, now),
    queueDueReminders: (now, limit) => queueDueReminders(sql, now, limit),
    queueDueTask: (name, now, everyMs) => queueDueTask(sql, name, now, everyMs),
    queueDueCalendars: (now, limit, everyMs) => queueDueCalendars(sql, now, limit, everyMs),
    releaseJobs: (worker) => releaseJobs(sql, worker),
  };
}
