/**
 * How long rows are kept after their use ("nothing is kept longer than its use", SPEC §11). The
 * daily clean-up (app/clients/apply-retention.ts) deletes what is older; docs/decisions/022 says
 * why each period is what it is.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const KEEP = {
  /** An Idempotency-Key's replay: a client retrying a booking does so within minutes, a day is ample. */
  idempotencyMs: DAY,
  /**
   * A finished job (email sent, webhook delivered, or failed for good): a week to look into a
   * failure. The dashboard's webhook log does not read jobs, it has its own rows (below).
   */
  finishedJobsMs: 7 * DAY,
  /** The dashboard's webhook delivery log (no personal data: event, id, status, timing). */
  webhookDeliveriesMs: 90 * DAY,
  /** Mail kept by the dev outbox (demo and development only). */
  devOutboxMs: 7 * DAY,
} as const;
