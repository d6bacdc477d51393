/**
 * Which emails a booking change sends (SPEC §4): the client, the staff member and, when set, the
 * owner; a reminder and a verification code go to the client only. They are queued as jobs in
 * the change's transaction and rendered when sent. Every change but a reminder is also announced
 * to webhooks (webhook-events.ts), in the same transaction.
 */
import type { Booking, Business, JobSpec, NoticeEvent } from './model.ts';
import { bookingEvent } from './webhook-events.ts';

export interface NoticeExtras {
  readonly previous?: { readonly start: number; readonly end: number; readonly staffName: string };
  readonly cancelReason?: string;
  /** A new booking's manage token, sealed: for the client's email only (model.ts BookingNotice). */
  readonly tokenSealed?: string;
}

export function bookingNotices(
  event: NoticeEvent,
  booking: Booking,
  business: Business,
  extras: NoticeExtras = {},
): JobSpec[] {
  const audiences =
    event === 'reminder'
      ? (['client'] as const)
      : business.ownerEmail
        ? (['client', 'staff', 'owner'] as const)
        : (['client', 'staff'] as const);
  const emails: JobSpec[] = audiences.map((audience) => ({
    kind: 'email.booking',
    payload: {
      bookingId: booking.id,
      event,
      audience,
      previous: extras.previous ?? null,
      cancelReason: extras.cancelReason ?? '',
      ...(audience === 'client' && extras.tokenSealed ? { tokenSealed: extras.tokenSealed } : {}),
    },
  }));
  return event === 'reminder' ? emails : [...emails, bookingEvent(event, booking)];
}

export const verificationNotice = (booking: Booking): JobSpec => ({
  kind: 'email.verification',
  payload: { bookingId: booking.id },
});
