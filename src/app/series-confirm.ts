/**
 * A series is proven and paid once, through its first occurrence (decision 031): when the code or
 * the payment moves the first occurrence on, the other occurrences of its series follow in the
 * same transaction, and a confirmed series is announced once (series-notices.ts).
 */
import { remindAt } from '../core/index.ts';
import type { Booking, Business, JobSpec } from './model.ts';
import type { Store } from './ports.ts';
import { confirmedSeriesNotices } from './series-notices.ts';

/**
 * Moves the waiting occurrences of `head`'s series to `head`'s new status (awaiting_payment after
 * the code, or confirmed). Null when `head` is no series' (the caller announces it as before);
 * else the jobs announcing the series when it is now confirmed ([] while it waits for payment).
 */
export async function followSeries(
  store: Pick<Store, 'confirmPayment' | 'confirmVerified' | 'listSeriesBookings'>,
  head: Booking,
  business: Business,
  now: number,
): Promise<JobSpec[] | null> {
  if (!head.seriesId) return null;
  const all = await store.listSeriesBookings(head.seriesId);
  const moved: Booking[] = [];
  for (const b of all) {
    if (b.id === head.id) {
      moved.push(head);
      continue;
    }
    const changed = await follow(store, b, head, business, now);
    if (changed) moved.push(changed);
  }
  return head.status === 'confirmed' ? confirmedSeriesNotices(moved, business) : [];
}

function follow(
  store: Pick<Store, 'confirmPayment' | 'confirmVerified'>,
  b: Booking,
  head: Booking,
  business: Business,
  now: number,
): Promise<Booking | null> {
  const reminder = () =>
    remindAt({ start: b.start, wantsReminder: b.wantsReminder, reminderHours: business.reminderHours, now });
  if (b.status === 'pending_verification') {
    const change =
      head.status === 'awaiting_payment'
        ? { status: 'awaiting_payment' as const, holdUntil: head.holdUntil, remindAt: null }
        : { status: 'confirmed' as const, holdUntil: null, remindAt: reminder() };
    return store.confirmVerified(b.id, change, now);
  }
  // Paid through the first occurrence, which carries what the whole series owes.
  if (b.status === 'awaiting_payment' && head.status === 'confirmed')
    return store.confirmPayment(b.id, 0, reminder(), now);
  return Promise.resolve(null);
}
