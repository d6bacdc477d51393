/**
 * Booking events for webhooks (docs/WEBHOOKS.md). A change queues one `webhook.event` job in its
 * own transaction (the outbox, decision 009) holding the booking as it is right after the change,
 * so a later change cannot rewrite what an earlier event says. When it runs, the job looks up the
 * subscribed webhooks and queues one `webhook.deliver` job each, so a slow or failing endpoint
 * never delays another and each has its own retries.
 */
import { randomUUID } from 'node:crypto';
import type { Booking, JobSpec, LedgerPayment } from './model.ts';

export const WEBHOOK_EVENTS = [
  'booking.confirmed',
  'booking.rescheduled',
  'booking.cancelled',
  'booking.paid',
  'payment.unapplied',
  'waitlist.offered',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * The `webhook.event` job: an event to announce to every webhook subscribed when it runs. It is
 * queued only if some active webhook is subscribed as the change commits (store/jobs.ts).
 */
export interface WebhookEventJob {
  /** `evt_…`: the same for every webhook and every retry, so receivers can drop repeats. */
  readonly eventId: string;
  readonly type: WebhookEvent;
  /** The booking right after the change (the job's created_at is when it happened). */
  readonly booking: Booking;
  /** `payment.unapplied`: the ledger entry that could not be applied. */
  readonly payment?: LedgerPayment;
}

/** The `webhook.deliver` job: one event (or a test ping) to one webhook. */
export interface WebhookDeliveryJob {
  readonly webhookId: string;
  readonly eventId: string;
  readonly type: WebhookEvent | 'ping';
  /** The exact JSON body, built once, so every retry sends (and signs) the same bytes. */
  readonly body: string;
}

export const newEventId = (): string => `evt_${randomUUID().replaceAll('-', '')}`;

/**
 * The booking as an event keeps it: without its sealed answers. Webhooks never carry sensitive
 * answers (SPEC §10.1), so the job table need not hold even their ciphertext.
 */
const snapshot = (booking: Booking): Booking => ({ ...booking, sealedAnswers: null });

/** The job announcing a booking change to webhooks. */
export function bookingEvent(change: 'confirmed' | 'rescheduled' | 'cancelled' | 'paid', booking: Booking): JobSpec {
  return {
    kind: 'webhook.event',
    payload: { eventId: newEventId(), type: `booking.${change}`, booking: snapshot(booking) },
  };
}

/** The job announcing a payment that was recorded but could not be applied to its booking. */
export function unappliedPaymentEvent(booking: Booking, payment: LedgerPayment): JobSpec {
  return {
    kind: 'webhook.event',
    payload: { eventId: newEventId(), type: 'payment.unapplied', booking: snapshot(booking), payment },
  };
}
