/**
 * The daily clean-up (SPEC §11), run as the durable job of the scheduled task `data.retention`
 * (one process a day, jobs/worker.ts): bookings past the business's retention lose their client's
 * details, and rows past their use (app/keep-periods.ts) are deleted; then the freed space is
 * reclaimed so the removed values leave the database files.
 */
import { KEEP } from '../keep-periods.ts';
import type { Clock, Store } from '../ports.ts';
import type { RemovedCounts } from './client-store.ts';

const DAY = 24 * 3_600_000;

/** The scheduled task: its job kind and how often it runs. */
export const RETENTION_TASK = { name: 'data.retention', everyMs: DAY } as const;

export async function applyRetention(deps: {
  store: Pick<Store, 'applyRetention' | 'cleanUp' | 'getBusiness' | 'reclaimSpace'>;
  clock: Clock;
}): Promise<{ retention: RemovedCounts; cleanUp: RemovedCounts }> {
  const now = deps.clock.now();
  const business = await deps.store.getBusiness();
  const retention = await deps.store.applyRetention(
    {
      unconfirmedBefore: now - business.retainUnconfirmedDays * DAY,
      pastBefore: business.retainPastDays > 0 ? now - business.retainPastDays * DAY : null,
    },
    now,
  );
  const cleanUp = await deps.store.cleanUp({
    now,
    idempotencyBefore: now - KEEP.idempotencyMs,
    jobsBefore: now - KEEP.finishedJobsMs,
    deliveriesBefore: now - KEEP.webhookDeliveriesMs,
    outboxBefore: now - KEEP.devOutboxMs,
  });
  await deps.store.reclaimSpace();
  return { retention, cleanUp };
}
