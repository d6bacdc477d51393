/** The job kinds this version runs, each checked before its handler sees the payload. */
import { z } from 'zod';
import { applyRetention } from '../app/clients/apply-retention.ts';
import { fetchCalendarById } from '../app/dashboard/calendars/fetch-calendar.ts';
import type { CalendarFeeds, Mailer } from '../app/ports.ts';
import { lapseOffer } from '../app/waitlist/lapse-offer.ts';
import { offerFreedSpan } from '../app/waitlist/offer-freed-span.ts';
import { offerFreedStart } from '../app/waitlist/offer-freed-start.ts';
import { LOCALES } from '../i18n/locale.ts';
import { calendarFeeds } from './calendar-feeds.ts';
import { deliverWebhook, type WebhookJobDeps } from './deliver-webhook.ts';
import { fanOutWaitlistEvent } from './fan-out-waitlist-webhook.ts';
import { fanOutWebhookEvent } from './fan-out-webhook.ts';
import { sendAccountEmail } from './send-account-email.ts';
import type { EmailDeps } from './send-booking-email.ts';
import { sendBookingEmail } from './send-booking-email.ts';
import { sendMyBookingsEmail } from './send-my-bookings-email.ts';
import { sendManageLinkEmail, sendUnappliedPaymentEmail } from './send-payment-emails.ts';
import { sendVerificationEmail } from './send-verification-email.ts';
import { sendWaitlistEmail } from './send-waitlist-email.ts';
import { webhookDeliveryPayload, webhookEventPayload } from './webhook-payloads.ts';
import type { JobHandler } from './worker.ts';

const id = z.string().regex(/^\d{1,18}$/);
const bookingNotice = z.object({
  bookingId: id,
  event: z.enum(['confirmed', 'rescheduled', 'cancelled', 'reminder']),
  audience: z.enum(['client', 'staff', 'owner']),
  previous: z.object({ start: z.number(), end: z.number(), staffName: z.string() }).nullable(),
  cancelReason: z.string(),
  // SPEC §9.2: the first occurrence of a new series announces every occurrence.
  series: z.boolean().optional(),
  tokenSealed: z.string().min(1).max(500).optional(),
});
const ofBooking = z.object({ bookingId: id });
const account = z.object({ userId: id, purpose: z.enum(['reset', 'invite']) });
const payment = z.object({ paymentId: id });
const myBookings = z.object({ email: z.email(), locale: z.enum(LOCALES) });
const calendar = z.object({ calendarId: id });
const freed = z.object({ serviceId: id, staffId: id, start: z.number().int(), end: z.number().int() });
const ofOffer = z.object({ offerId: id });
const localTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
const freedSpan = z.object({ staffId: id, from: localTime, to: localTime });
const sealed = z.string().min(1).max(500);
const waitlistEmail = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('offer'), offerId: id, tokenSealed: sealed }),
  z.object({ kind: z.literal('joined'), entryId: id, tokenSealed: sealed }),
]);
const when = z.number().int();
const waitlistEvent = z.object({
  eventId: z.string().regex(/^evt_[0-9a-f]{32}$/),
  type: z.literal('waitlist.offered'),
  offer: z.object({
    id,
    entryId: id,
    serviceId: id,
    staffId: id,
    start: when,
    end: when,
    seats: z.number().int(),
    expiresAt: when,
  }),
  client: z.object({ name: z.string(), email: z.string() }),
});

/**
 * Generic over the deps, so one object built for more (a test harness's) may be handed as it is.
 * `calendarFeeds` reads external calendars; absent = over `outbound` with the SPEC's limits.
 */
export function jobHandlers<
  D extends EmailDeps & WebhookJobDeps & { readonly secret: string; readonly calendarFeeds?: CalendarFeeds },
>(given: D): Record<string, JobHandler> {
  const deps = { ...given, mailer: fromBusiness(given) };
  const feeds = given.calendarFeeds ?? calendarFeeds(given.outbound);
  return {
    'email.booking': (payload, _job, round) => sendBookingEmail(deps, bookingNotice.parse(payload), round),
    'email.account': (payload) => sendAccountEmail(deps, account.parse(payload)),
    'email.verification': (payload) => sendVerificationEmail(deps, ofBooking.parse(payload)),
    'email.payment': (payload) => sendUnappliedPaymentEmail(deps, payment.parse(payload)),
    'email.manage-link': (payload) => sendManageLinkEmail(deps, ofBooking.parse(payload)),
    'webhook.event': (payload, job) => fanOutWebhookEvent(deps, webhookEventPayload.parse(payload), job),
    'webhook.deliver': (payload, job) => deliverWebhook(deps, webhookDeliveryPayload.parse(payload), job),
    'email.my-bookings': (payload) => sendMyBookingsEmail(deps, myBookings.parse(payload)),
    // The poll of external calendars (SPEC §8.3): one fetch, its outcome recorded (a failing feed is
    // recorded, not thrown: the next round tries again, and the last good copy stays).
    'calendar.refresh': (payload) =>
      fetchCalendarById({ store: deps.store, clock: deps.clock, feeds }, calendar.parse(payload).calendarId),
    // The waitlist (SPEC §9.3): time freed (queued by migration 018's trigger in the freeing
    // transaction), an offer's hold ending, its emails and its webhook event.
    'waitlist.freed': async (payload) => {
      await offerFreedStart(deps, freed.parse(payload));
    },
    'waitlist.freed-span': async (payload) => {
      await offerFreedSpan(deps, freedSpan.parse(payload));
    },
    'waitlist.lapse': async (payload) => {
      await lapseOffer(deps, ofOffer.parse(payload).offerId);
    },
    'email.waitlist': (payload) => sendWaitlistEmail(deps, waitlistEmail.parse(payload)),
    'webhook.waitlist': (payload, job) => fanOutWaitlistEvent(deps, waitlistEvent.parse(payload), job),
    // The daily clean-up (a scheduled task, queued by one worker a day): retention, then old rows.
    'data.retention': async () => {
      await applyRetention(deps);
    },
  };
}

/**
 * Every email goes out from the business's sender (settings `mailFrom`) when one is set, read
 * when the email is sent (from the cached business, dropped on every settings change), so a change
 * in the dashboard applies to mail still queued.
 */
function fromBusiness(deps: Pick<EmailDeps, 'mailer' | 'store'>): Mailer {
  return {
    async send(message) {
      const { mailFrom } = await deps.store.getBusiness();
      await deps.mailer.send(mailFrom ? { ...message, from: mailFrom } : message);
    },
  };
}
