/** Response shapes of the dashboard API (see shapes.ts for why they exist). */
import { z } from 'zod';
import { UNAPPLIED_REASONS } from '../../app/model.ts';
import { bookingShape, ref, serviceBasicsShape } from './shapes.ts';

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
    actions: z.object({ move: z.boolean(), cancel: z.boolean() }),
  })
  .meta({ id: 'AdminBooking' });

export const adminServiceShape = z
  .object({
    ...serviceBasicsShape(z.string()),
    usesBusinessCurrency: z.boolean(),
    imageUrl: z.string().nullable(),
    color: z.string().nullable(),
    allowRescheduling: z.boolean(),
    rescheduleLimit: z.number().int().nullable(),
    bufferBeforeMinutes: z.number().int(),
    bufferAfterMinutes: z.number().int(),
    active: z.boolean(),
    staff: z.array(ref),
  })
  .meta({ id: 'AdminService' });

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
    staffLabel: z.string(),
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
  })
  .meta({ id: 'Settings' });

export const historyShape = z.array(
  z.object({
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
