/**
 * The store the use cases get announces queued jobs once they are committed (signal-queued-jobs.ts):
 * a transaction that queued jobs announces once when it commits, never when it rolls back, and
 * jobs queued outside a transaction are announced at once.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { inTransaction } from './in-transaction.ts';
import { ok, refuse } from './result.ts';
import { signalQueuedJobs } from './signal-queued-jobs.ts';

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await openTestDatabase();
});
afterAll(() => tdb.close());
beforeEach(() => tdb.reset());

const job = { kind: 'email.my-bookings', payload: { email: 'a@example.com', locale: 'en' } } as const;

it('announces a transaction that queued jobs once, after it commits; a rolled-back one never', async () => {
  const signals: string[] = [];
  const store = signalQueuedJobs(tdb.store, () => signals.push('queued'));
  await inTransaction(store, async (tx) => {
    await tx.enqueueJobs([job], 0);
    await tx.enqueueJobs([job], 0);
    expect(signals).toEqual([]); // not before the commit
    return ok(null);
  });
  expect(signals).toEqual(['queued']);
  const refused = await inTransaction(store, async (tx) => {
    await tx.enqueueJobs([job], 0);
    return refuse('NOT_FOUND', 'gone');
  });
  expect(refused.ok).toBe(false);
  expect(signals).toEqual(['queued']);
  const [row] = await tdb.db.query('SELECT count(*)::int AS n FROM jobs');
  expect(row?.n).toBe(2); // the rolled-back job is not there either
});

it('announces jobs queued outside a transaction at once, and nothing for an empty list or a read', async () => {
  let signals = 0;
  const store = signalQueuedJobs(tdb.store, () => signals++);
  await store.enqueueJobs([], 0);
  await store.getBusiness();
  expect(signals).toBe(0);
  await store.enqueueJobs([job], 0);
  expect(signals).toBe(1);
});
