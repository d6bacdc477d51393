/**
 * Sends one booking email (a BookingNotice job): rendered now, from the booking as it is now, in
 * its locale, with the calendar file attached. A client email that concerns a booking still open
 * to change carries a manage link: a new booking's own token when its request sealed it into the
 * job (decision 048), else a fresh one (only its hash is stored, store/verification.ts). The
 * booking is read once for all the emails of a round (worker.ts JobRound).
 */
import { allowances } from '../app/allowances.ts';
import { bookingIn } from '../app/content-language.ts';
import type { Booking, BookingNotice, Business, Service } from '../app/model.ts';
import type { Clock, Mailer, Store } from '../app/ports.ts';
import { openAnswers } from '../app/presenters/booking.ts';
import { hashToken, newManageToken, unsealToken } from '../app/tokens.ts';
import { answerLines } from '../i18n/answers.ts';
import { messagesFor } from '../i18n/messages.ts';
import { bookingCalendar, seriesCalendar } from '../mail/ics.ts';
import { bookingEmail } from '../mail/templates/booking-email.ts';
import type { JobRound } from './worker.ts';

export interface EmailDeps {
  readonly store: Store;
  readonly mailer: Mailer;
  readonly clock: Clock;
  /** Base URL for links, without a trailing slash. */
  readonly publicUrl: string;
}

export async function sendBookingEmail(
  deps: EmailDeps & { readonly secret: string },
  notice: BookingNotice,
  round?: JobRound,
): Promise<void> {
  const read = () => deps.store.getBooking(notice.bookingId);
  const stored = await (round ? round.once(`booking:${notice.bookingId}`, read) : read());
  if (!stored) return; // gone: nothing to tell
  if (notice.event === 'reminder' && stored.status !== 'confirmed') return;
  const [business, service] = await Promise.all([deps.store.getBusiness(), deps.store.findService(stored.serviceId)]);
  // The service's name in the email's language, subject and calendar file included (SPEC §12).
  const booking = bookingIn(stored, stored.locale, business.locale);
  const to = await recipient(deps.store, notice, booking, business);
  if (!to) return;
  const now = deps.clock.now();
  const links =
    notice.audience === 'client' ? await clientLinks(deps, booking, service, business, now, notice.tokenSealed) : null;
  const cancelled = booking.status === 'cancelled' || booking.status === 'expired';
  const m = messagesFor(booking.locale);
  // Open answers only, and only to the team: a sensitive answer never goes into an email (SPEC §10.1).
  const answers =
    notice.audience === 'client'
      ? []
      : answerLines(service?.questions ?? [], openAnswers(booking, service), booking.locale, business.locale, {
          yes: m.labels.yes,
          no: m.labels.no,
          intlLocale: m.intlLocale,
        });
  // A new series is announced once, for its first occurrence, with every occurrence (SPEC §9.2).
  const series = notice.series && booking.seriesId ? await seriesOccurrences(deps.store, booking.seriesId) : null;
  const email = bookingEmail({
    event: notice.event,
    audience: notice.audience,
    locale: booking.locale,
    businessName: business.name,
    booking: {
      reference: booking.reference,
      serviceName: booking.serviceName,
      staffName: booking.staffName,
      start: booking.start,
      end: booking.end,
      timezone: booking.timezone,
      clientName: booking.client.name,
      clientEmail: booking.client.email,
      clientPhone: booking.client.phone,
      notes: booking.notes,
      price: booking.price,
      amountPaid: booking.payment.amountPaid,
      currency: booking.payment.currency,
    },
    previous: notice.previous,
    cancelReason: notice.cancelReason,
    manageUrl: links?.manageUrl ?? null,
    rescheduleLeft: links?.rescheduleLeft ?? null,
    canCancel: links?.canCancel ?? false,
    answers,
    refund: booking.cancellation
      ? {
          kind: booking.cancellation.refund,
          refundDue: booking.cancellation.refundDue,
          amountKept: booking.cancellation.amountKept,
        }
      : null,
    ...(series ? { occurrences: series } : {}),
  });
  const facts = { businessName: business.name, manageUrl: links?.manageUrl ?? null, now };
  const calendar = series ? seriesCalendar({ ...facts, bookings: series }) : bookingCalendar({ ...facts, booking });
  await deps.mailer.send({
    to: [to],
    ...email,
    attachments: [
      {
        filename: `${booking.reference}.ics`,
        contentType: `text/calendar; method=${cancelled ? 'CANCEL' : 'REQUEST'}; charset=utf-8`,
        content: calendar,
      },
    ],
  });
}

async function recipient(store: Store, notice: BookingNotice, booking: Booking, business: Business) {
  switch (notice.audience) {
    case 'client':
      return booking.client.email;
    case 'staff':
      return (await store.listStaff()).find((s) => s.id === booking.staffId)?.email ?? null;
    case 'owner':
      return business.ownerEmail;
    default: {
      const never: never = notice.audience;
      throw new Error(`unknown audience ${String(never)}`);
    }
  }
}

/** What the client may still do, and a manage link when there is anything to do. */
async function clientLinks(
  deps: EmailDeps & { readonly secret: string },
  booking: Booking,
  service: Service | null,
  business: Business,
  now: number,
  tokenSealed: string | undefined,
) {
  const a = allowances(booking, service, business, now);
  const rescheduleLeft = a.reschedule.block === null ? a.reschedule.limit - a.reschedule.count : null;
  if (rescheduleLeft === null && !a.cancelAllowed) return { manageUrl: null, rescheduleLeft, canCancel: false };
  // The booking's own token, on its row since it was made: nothing to write. Sealed under another
  // secret (SLOTWISE_SECRET changed meanwhile) it does not open, and a fresh one is written.
  const own = tokenSealed ? unsealToken(tokenSealed, deps.secret) : null;
  const token = own ?? newManageToken();
  if (own === null) await deps.store.addManageToken(booking.id, hashToken(token), now);
  return { manageUrl: `${deps.publicUrl}/manage/${token}`, rescheduleLeft, canCancel: a.cancelAllowed };
}

/** The occurrences of a series still standing (a cancelled one is not announced again). */
async function seriesOccurrences(store: Store, seriesId: string): Promise<Booking[]> {
  return (await store.listSeriesBookings(seriesId)).filter((b) => b.status !== 'cancelled' && b.status !== 'expired');
}
