/**
 * The notices of a change made in the dashboard: the same as for the client's own changes
 * (bookingNotices decides who gets what), less the client's email when staff chose not to send it
 * (a booking taken by phone, a move already agreed on the phone).
 */
import type { Booking, Business, JobSpec, NoticeEvent } from '../../model.ts';
import { bookingNotices, type NoticeExtras } from '../../notices.ts';

export function staffNotices(
  event: NoticeEvent,
  booking: Booking,
  business: Business,
  notifyClient: boolean,
  extras: NoticeExtras = {},
): JobSpec[] {
  const jobs = bookingNotices(event, booking, business, extras);
  return notifyClient ? jobs : jobs.filter((j) => !(j.kind === 'email.booking' && j.payload.audience === 'client'));
}
