/**
 * What a new series announces (SPEC §9.2, decision 031): ONE set of emails, sent for its first
 * occurrence and marked `series` so the email lists every occurrence and its calendar file holds
 * one event each; and ONE `booking.confirmed` webhook event PER occurrence (issue 19), since each
 * occurrence is a booking of its own that is moved and cancelled on its own.
 */
import type { Booking, Business, JobSpec } from './model.ts';
import { bookingNotices, verificationNotice } from './notices.ts';
import { bookingEvent } from './webhook-events.ts';

/** Jobs of a series just written (all occurrences share the first's status). */
export function seriesNotices(bookings: readonly Booking[], business: Business): JobSpec[] {
  const head = bookings[0];
  if (!head) return [];
  if (head.status === 'pending_verification') return [verificationNotice(head)];
  // awaiting_payment: the emails follow the gateway's confirmation (confirmedSeriesNotices).
  if (head.status !== 'confirmed') return [];
  return confirmedSeriesNotices(bookings, business);
}

/** The emails of a confirmed series (once, for its first occurrence) and one webhook event per occurrence. */
export function confirmedSeriesNotices(bookings: readonly Booking[], business: Business): JobSpec[] {
  const head = bookings[0];
  if (!head) return [];
  const emails = bookingNotices('confirmed', head, business).flatMap((job): JobSpec[] =>
    job.kind === 'email.booking' ? [{ ...job, payload: { ...job.payload, series: true } }] : [],
  );
  return [...emails, ...bookings.map((b) => bookingEvent('confirmed', b))];
}
