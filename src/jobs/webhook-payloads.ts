/** The payloads of the webhook jobs, checked before their handlers see them (handlers.ts). */
import { z } from 'zod';
import { UNAPPLIED_REASONS } from '../app/model.ts';
import { WEBHOOK_EVENTS } from '../app/webhook-events.ts';
import { OUTCOMES, REFUND_KINDS } from '../core/index.ts';

const id = z.string().regex(/^\d{1,18}$/);
const nullableNumber = z.number().nullable();

/** The booking snapshot an event carries: model.ts's Booking, as JSON. */
const bookingSnapshot = z.object({
  id,
  reference: z.string(),
  status: z.enum(['pending_verification', 'awaiting_payment', 'confirmed', 'cancelled', 'expired']),
  serviceId: id,
  serviceName: z.string(),
  staffId: id,
  staffName: z.string(),
  start: z.number(),
  end: z.number(),
  timezone: z.string(),
  client: z.object({
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
  }),
  notes: z.string(),
  wantsReminder: z.boolean(),
  locale: z.string(),
  holdUntil: nullableNumber,
  payment: z.object({
    option: z.enum(['none', 'full', 'deposit']),
    amountDue: z.number(),
    amountPaid: z.number(),
    currency: z.string(),
  }),
  price: z.number(),
  rescheduleCount: z.number(),
  createdAt: z.number(),
  // Events queued before issue 20 lack these. Only open answers travel in a job: the sealed ones are
  // left out of the snapshot (webhook-events.ts) and could not be shown anyway.
  answers: z.record(z.string(), z.union([z.string(), z.boolean(), z.number(), z.array(z.string())])).default({}),
  sealedAnswers: z.null().default(null),
  outcome: z.enum(OUTCOMES).nullable().default(null),
  cancellation: z
    .object({
      refund: z.enum(REFUND_KINDS),
      refundDue: z.number(),
      amountKept: z.number(),
      by: z.enum(['client', 'staff']),
      overridden: z.boolean(),
    })
    .nullable()
    .default(null),
});

/** The ledger entry a `payment.unapplied` event carries: model.ts's LedgerPayment, as JSON. */
const paymentSnapshot = z.object({
  id,
  transactionId: z.string(),
  bookingId: id,
  amount: z.string(),
  currency: z.string(),
  status: z.enum(['paid', 'failed']),
  applied: z.boolean(),
  reason: z.enum(UNAPPLIED_REASONS).nullable(),
  receivedAt: z.number(),
});

export const webhookEventPayload = z.object({
  eventId: z.string().min(1),
  type: z.enum(WEBHOOK_EVENTS),
  booking: bookingSnapshot,
  payment: paymentSnapshot.optional(),
});

export const webhookDeliveryPayload = z.object({
  webhookId: id,
  eventId: z.string().min(1),
  type: z.enum([...WEBHOOK_EVENTS, 'ping']),
  body: z.string(),
});
