/** Response shapes of the dashboard API (see shapes.ts for why they exist). */
import { z } from 'zod';
import { UNAPPLIED_REASONS } from '../../app/model.ts';
import { bookingShape, localizedShape, questionShape, ref, serviceBasicsShape, tierShape } from './shapes.ts';

const ranges = z.array(z.tuple([z.string(), z.string()]));

export const adminBookingShape = bookingShape
  .extend({
    service: ref.extend({ color: z.string().nullable() }),
    client: z.object({
      name: z.string(),
      email: z.string(),
      phone: z.string().nullable(),
      address: z.string().nullable(),
    }),
    createdAt: z.string(),
    actions: z.object({ move: z.boolean(), cancel: z.boolean(), outcome: z.boolean() }),
  })
  .meta({ id: 'AdminBooking' });

/** An uploaded image (decision 032): its path on this origin and its size in pixels. */
const uploadedImage = z
  .object({ url: z.string(), width: z.number().int(), height: z.number().int() })
  .nullable()
  .meta({ id: 'UploadedImage' });

export const adminServiceShape = z
  .object({
    ...serviceBasicsShape(z.string()),
    // As the business gave them (SPEC §12): one text, or wordings by language.
    name: localizedShape,
    description: localizedShape,
    usesBusinessCurrency: z.boolean(),
    imageUrl: z.string().nullable().meta({ description: 'the image shown: the uploaded one, else the address set' }),
    image: uploadedImage,
    color: z.string().nullable(),
    allowRescheduling: z.boolean(),
    rescheduleLimit: z.number().int().nullable(),
    bufferBeforeMinutes: z.number().int(),
    bufferAfterMinutes: z.number().int(),
    active: z.boolean(),
    capacity: z.number().int(),
    maxSeatsPerBooking: z.number().int(),
    allowRepeat: z.boolean(),
    staff: z.array(ref),
    resources: z.array(z.object({ id: z.string(), key: z.string(), name: z.string() })),
    questions: z.array(questionShape),
    cancellationPolicy: z.array(tierShape),
  })
  .meta({ id: 'AdminService' });

/** A shared resource (SPEC §8.4). */
export const resourceShape = z.object({ id: z.string(), key: z.string(), name: z.string() }).meta({ id: 'Resource' });

/** Date-specific hours (SPEC §8.1): dates with their own ranges ([] = not worked). */
export const dateHoursShape = z.record(z.string(), ranges).meta({ id: 'DateHours' });

/** A block of time off with times (SPEC §8.2), local date-times in the member's zone. */
export const blockShape = z
  .object({ id: z.string(), staff: z.string(), from: z.string(), to: z.string(), note: z.string().nullable() })
  .meta({ id: 'Block' });

/** An external busy calendar (SPEC §8.3): the URL is masked, the secret path never appears. */
export const calendarShape = z
  .object({
    id: z.string(),
    staff: z.string(),
    label: z.string(),
    url: z.string().meta({ description: 'masked: scheme and host only' }),
    lastSuccessAt: z.string().nullable(),
    lastAttemptAt: z.string().nullable(),
    lastError: z.string().nullable().meta({ description: 'null when the last fetch succeeded' }),
    events: z.number().int().meta({ description: 'busy intervals and all-day dates in the last good copy' }),
  })
  .meta({ id: 'Calendar' });

export const adminStaffShape = z
  .object({
    id: z.string(),
    key: z.string().nullable(),
    name: z.string(),
    email: z.string(),
    timezone: z.string().nullable(),
    services: z.array(ref),
    slotStepMinutes: z.number().int().nullable(),
    gapMinutes: z.number().int().nullable(),
    minNoticeMinutes: z.number().int().nullable(),
    active: z.boolean(),
    bio: z.string(),
    photoUrl: z.string().nullable(),
    photo: uploadedImage,
  })
  .meta({ id: 'AdminStaff' });

export const hoursShape = z
  .object({ mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges, sat: ranges, sun: ranges })
  .meta({ id: 'WeeklyHours' });

export const dayOffShape = z
  .object({ id: z.string(), staff: z.string(), from: z.string(), to: z.string(), note: z.string().nullable() })
  .meta({ id: 'DayOff' });

export const settingsShape = z
  .object({
    name: z.string(),
    timezone: z.string(),
    currency: z.string(),
    locale: z.string(),
    staffLabel: localizedShape,
    ownerEmail: z.string().nullable(),
    paymentUrl: z.string().nullable(),
    paymentSecretSet: z.boolean(),
    mailFrom: z.string().nullable(),
    slotStepMinutes: z.number().int(),
    gapMinutes: z.number().int(),
    minNoticeMinutes: z.number().int(),
    horizonDays: z.number().int(),
    defaultRescheduleLimit: z.number().int(),
    allowStaffChangeOnReschedule: z.boolean(),
    cancelNoticeHours: z.number().int(),
    rescheduleNoticeHours: z.number().int(),
    holdMinutes: z.number().int(),
    reminderHours: z.number().int(),
    retainUnconfirmedDays: z.number().int().meta({
      description: 'days after which expired and unverified bookings lose their client details',
    }),
    retainPastDays: z.number().int().meta({
      description: 'days after their end until past bookings lose their client details; 0 = kept',
    }),
    noShowLimit: z.number().int().meta({
      description: 'no-shows after which a client’s next paid booking must be paid in full; 0 = off',
    }),
    waitlistOfferMinutes: z.number().int().meta({ description: 'minutes a waitlist offer holds its start' }),
    noShowRule: z
      .object({ status: z.enum(['off', 'no_gateway', 'on']), freeServices: z.array(ref) })
      .meta({ description: 'where the no-show rule can apply: not without a gateway, never on a free service' }),
  })
  .meta({ id: 'Settings' });

export const historyShape = z.array(
  z.object({
    kind: z.enum(['moved', 'cancelled', 'outcome']),
    refund: z.enum(['full', 'deposit_kept', 'none', 'none_online']).optional(),
    refundDue: z.string().optional(),
    amountKept: z.string().optional(),
    outcome: z.enum(['completed', 'no_show']).optional(),
    fromStart: z.string(),
    toStart: z.string(),
    fromStaff: ref,
    toStaff: ref,
    reason: z.string(),
    at: z.string(),
  }),
);

/** The payments ledger of one booking (SPEC §10.4). */
export const paymentsShape = z.array(
  z.object({
    transactionId: z.string(),
    amount: z.string(),
    currency: z.string(),
    status: z.enum(['paid', 'failed']),
    applied: z.boolean(),
    reason: z.enum(UNAPPLIED_REASONS).nullable(),
    receivedAt: z.string(),
  }),
);

/** What DELETE of a service or staff member answers: deleted, or deactivated because bookings use it. */
export const removalShape = (key: 'service' | 'staff', shape: z.ZodType) =>
  z.object({ outcome: z.enum(['deleted', 'deactivated']), [key]: shape });

const answerValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

/** One booking as `GET /admin/bookings/{id}` answers it. */
export const adminBookingDetailShape = adminBookingShape
  .extend({
    client: adminBookingShape.shape.client.extend({ noShows: z.number().int() }),
    sensitiveAnswers: z
      .record(z.string(), answerValue)
      .nullable()
      .meta({ description: 'the sensitive answers, only here; null when they cannot be opened (another secret)' }),
    sensitiveAnswersUnreadable: z.boolean(),
    cancelNow: z
      .object({
        refund: z.enum(['full', 'deposit_kept', 'none', 'none_online']),
        refundDue: z.string(),
        amountKept: z.string(),
      })
      .nullable()
      .meta({ description: 'what a cancel by staff would apply now (null when it cannot be cancelled)' }),
    history: historyShape,
    payments: paymentsShape,
  })
  .meta({ id: 'AdminBookingDetail' });

const reportFigures = {
  bookings: z.number().int(),
  noShows: z.number().int(),
  cancellations: z.number().int(),
  revenue: z.string().meta({ description: 'amount paid (and kept by cancels), in `currency`' }),
  due: z.string(),
  bookedMinutes: z.number().int(),
  workingMinutes: z.number().int(),
  utilisation: z.number().nullable().meta({ description: 'booked minutes / working minutes' }),
};

export const reportShape = z
  .object({
    from: z.string(),
    to: z.string(),
    timezone: z.string(),
    currency: z.string(),
    totals: z.object(reportFigures),
    weeks: z.array(z.object({ week: z.string().meta({ description: 'the Monday' }), ...reportFigures })),
    staff: z.array(z.object({ id: z.string(), name: z.string(), ...reportFigures })),
    otherCurrencies: z.array(z.object({ currency: z.string(), revenue: z.string(), due: z.string() })),
  })
  .meta({ id: 'Report' });
