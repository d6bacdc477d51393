/**
 * Retention and the daily clean-up in SQL (SPEC §11): bookings past their retention lose their
 * client's details (client-scrub.ts), client rows left without a booking go, and operational rows
 * past their use are deleted. Then the space of the changed rows is reclaimed, so old values do not
 * stay readable in the database files.
 */
import type { CleanupRules, RemovedCounts, RetentionRules } from '../app/clients/client-store.ts';
import { scrubBookings } from './client-scrub.ts';
import { iso, optIso } from './rows.ts';
import type { Sql } from './sql.ts';

/** Bookings scrubbed per transaction: a first run over years of bookings does not hold one huge one. */
const BATCH = 500;

export async function applyRetention(sql: Sql, rules: RetentionRules, now: number): Promise<RemovedCounts> {
  let bookings = 0;
  let jobs = 0;
  let outbox = 0;
  for (;;) {
    const batch = await sql.transaction(async (tx) => {
      // Unconfirmed: expired, or a hold that lapsed without being marked expired yet.
      const ids = (
        await tx.query(
          `SELECT id FROM bookings
           WHERE erased_at IS NULL AND (
             (created_at < $1 AND (status = 'expired'
               OR (status IN ('pending_verification', 'awaiting_payment') AND hold_until <= $3)))
             OR end_at < $2)
           ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED`,
          [iso(rules.unconfirmedBefore), optIso(rules.pastBefore), iso(now), BATCH],
        )
      ).map((r) => String(r.id));
      return { ids, ...(await scrubBookings(tx, ids, [], now)) };
    });
    bookings += batch.bookings;
    jobs += batch.jobs;
    outbox += batch.outbox;
    if (batch.ids.length < BATCH) break;
  }
  // A client row exists for the bookings made under its email: with none left holding data, it goes.
  const clients = await sql.query(
    `DELETE FROM clients c WHERE NOT EXISTS (SELECT 1 FROM bookings b WHERE lower(b.client_email) = lower(c.email))
       AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.client_id = c.id)
     RETURNING id`,
  );
  return { bookings, jobs, outbox, clients: clients.length };
}

/** Each kind of row: the statement deleting those past their use, and its one parameter ($1). */
function cleanupStatements(r: CleanupRules): [kind: string, statement: string, param: unknown][] {
  const now = iso(r.now);
  return [
    ['sessions', 'DELETE FROM sessions WHERE expires_at <= $1', now],
    ['passwordLinks', 'DELETE FROM password_tokens WHERE used_at IS NOT NULL OR expires_at <= $1', now],
    ['myBookingsLinks', 'DELETE FROM my_bookings_links WHERE used_at IS NOT NULL OR expires_at <= $1', now],
    // A code serves only while its booking waits for it.
    [
      'verificationCodes',
      `DELETE FROM verification_codes v USING bookings b
       WHERE b.id = v.booking_id AND (b.status <> 'pending_verification' OR b.hold_until <= $1)`,
      now,
    ],
    ['idempotencyKeys', 'DELETE FROM idempotency_keys WHERE created_at < $1', iso(r.idempotencyBefore)],
    ['finishedJobs', 'DELETE FROM jobs WHERE done_at < $1 OR failed_at < $1', iso(r.jobsBefore)],
    ['webhookDeliveries', 'DELETE FROM webhook_deliveries WHERE delivered_at < $1', iso(r.deliveriesBefore)],
    ['devOutbox', 'DELETE FROM dev_mailbox WHERE sent_at < $1', iso(r.outboxBefore)],
    // A waitlist entry is a wish for one date: once that date is over everywhere (the zones run from
    // UTC-12 to UTC+14, so a date two days before today's in UTC has ended in every zone), the
    // person's name, email and phone in it serve nothing. Its offers go with it (ON DELETE CASCADE).
    [
      'waitlistEntries',
      `DELETE FROM waitlist_entries WHERE date < ($1::timestamptz AT TIME ZONE 'UTC')::date - 1`,
      now,
    ],
    // A GCRA row whose time has passed says the same as no row (rate-limits.ts).
    ['rateLimits', 'DELETE FROM rate_limits WHERE tat <= $1', r.now],
  ];
}

export async function cleanUp(sql: Sql, rules: CleanupRules): Promise<RemovedCounts> {
  const counts: Record<string, number> = {};
  for (const [kind, statement, param] of cleanupStatements(rules)) {
    counts[kind] = (await sql.query(`${statement} RETURNING 1`, [param])).length;
  }
  return counts;
}

/** Every table erase, retention and the clean-up change or delete rows of. */
const TOUCHED = [
  'bookings',
  'clients',
  'booking_history',
  'manage_tokens',
  'verification_codes',
  'jobs',
  'dev_mailbox',
  'idempotency_keys',
  'my_bookings_links',
  'rate_limits',
  'sessions',
  'password_tokens',
  'webhook_deliveries',
  'waitlist_entries',
  'waitlist_offers',
];

/**
 * VACUUM frees dead row versions (an erased name stays in the file until then); VACUUM FULL
 * rewrites each table and its indexes into new files, so not a byte of a removed value remains.
 * One statement: VACUUM cannot run inside a transaction block, which several statements would be.
 */
export async function reclaimSpace(sql: Sql, full: boolean): Promise<void> {
  await sql.exec(`VACUUM ${full ? 'FULL ' : ''}${TOUCHED.join(', ')}`);
}
