/**
 * Maps table rows to the application's plain data. Drivers differ in how they return int8
 * (number or string), so every numeric column goes through Number() and every id through String().
 */

import type { Booking, BookingStatus, Business, CancelTerms, ImageRef, Service, StaffMember } from '../app/model.ts';
import type {
  Answers,
  CancellationPolicy,
  DateHours,
  DayOff,
  Outcome,
  PaymentOption,
  Question,
  RefundKind,
  TimeBlock,
  WallRange,
  Weekday,
  WeeklyHours,
  Wordings,
} from '../core/index.ts';
import { WEEKDAYS } from '../core/index.ts';
import type { Row } from './sql.ts';

const str = (v: unknown): string => String(v);
const num = (v: unknown): number => Number(v);
const optStr = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const optNum = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
/** A timestamptz column as epoch ms, whether the driver returns a Date or text. */
export const ms = (v: unknown): number => (v instanceof Date ? v.getTime() : new Date(String(v)).getTime());
export const optMs = (v: unknown): number | null => (v === null || v === undefined ? null : ms(v));
/** Epoch ms as a timestamptz parameter. */
export const iso = (at: number): string => new Date(at).toISOString();
export const optIso = (at: number | null): string | null => (at === null ? null : iso(at));

export function toBusiness(r: Row): Business {
  return {
    name: str(r.name),
    timezone: str(r.timezone),
    currency: str(r.currency).trim(),
    locale: str(r.locale),
    staffLabel: str(r.staff_label),
    staffLabelWordings: wordings(r.staff_label_wordings),
    ownerEmail: optStr(r.owner_email),
    paymentUrl: optStr(r.payment_url),
    paymentSecret: optStr(r.payment_secret),
    slotStepMinutes: num(r.slot_step_minutes),
    gapMinutes: num(r.gap_minutes),
    minNoticeMinutes: num(r.min_notice_minutes),
    horizonDays: num(r.horizon_days),
    defaultRescheduleLimit: num(r.default_reschedule_limit),
    allowStaffChangeOnReschedule: Boolean(r.allow_staff_change_on_reschedule),
    cancelNoticeHours: num(r.cancel_notice_hours),
    rescheduleNoticeHours: num(r.reschedule_notice_hours),
    holdMinutes: num(r.hold_minutes),
    reminderHours: num(r.reminder_hours),
    mailFrom: optStr(r.mail_from),
    retainUnconfirmedDays: num(r.retain_unconfirmed_days),
    retainPastDays: num(r.retain_past_days),
    noShowLimit: num(r.no_show_limit ?? 0),
    waitlistOfferMinutes: num(r.waitlist_offer_minutes ?? 30),
  };
}

/** A jsonb column as a value, whether the driver parsed it or returns its text. */
export function json(v: unknown): unknown {
  return typeof v === 'string' ? JSON.parse(v) : v;
}

/** A wordings column (checked when written: languages the pages speak, texts); absent or NULL = none. */
const wordings = (v: unknown): Wordings | null => (v === null || v === undefined ? null : (json(v) as Wordings));

export function toService(r: Row): Service {
  return {
    id: str(r.id),
    slug: str(r.slug),
    name: str(r.name),
    nameWordings: wordings(r.name_wordings),
    description: str(r.description ?? ''),
    descriptionWordings: wordings(r.description_wordings),
    durationMinutes: num(r.duration_minutes),
    price: num(r.price_minor),
    deposit: num(r.deposit_minor),
    currency: optStr(r.currency)?.trim() ?? null,
    imageUrl: optStr(r.image_url),
    image: imageOf(r.image_id, r.image_width, r.image_height),
    color: optStr(r.color),
    allowRescheduling: Boolean(r.allow_rescheduling),
    rescheduleLimit: optNum(r.reschedule_limit),
    bufferBeforeMinutes: num(r.buffer_before_minutes),
    bufferAfterMinutes: num(r.buffer_after_minutes),
    active: Boolean(r.active),
    // Present when read with SERVICE_SELECT; a row returned by a write alone has none listed.
    resourceIds: Array.isArray(r.resource_ids) ? r.resource_ids.map(str) : [],
    capacity: num(r.capacity ?? 1),
    maxSeatsPerBooking: num(r.max_seats_per_booking ?? 1),
    // Checked when written (setup-schema.ts, the services API); the database keeps them lists.
    questions: (json(r.questions) ?? []) as Question[],
    cancellationPolicy: (json(r.cancellation_policy) ?? []) as CancellationPolicy,
    allowRepeat: Boolean(r.allow_repeat ?? false),
  };
}

/** A service row with the ids of the resources it requires (SPEC §8.4), as toService reads it. */
export const SERVICE_SELECT = `SELECT s.*, ARRAY(SELECT sr.resource_id::text FROM service_resources sr
  WHERE sr.service_id = s.id ORDER BY sr.resource_id) AS resource_ids, i.width AS image_width, i.height AS image_height
  FROM services s LEFT JOIN images i ON i.id = s.image_id`;

/** Staff rows with their photo's size (toStaff reads them); callers add `WHERE`/`ORDER BY` on `s`. */
export const STAFF_SELECT = `SELECT s.*, i.width AS photo_width, i.height AS photo_height
  FROM staff s LEFT JOIN images i ON i.id = s.photo_id`;

/** An image reference from a row's id and size columns; null without an image (or without its size read). */
function imageOf(id: unknown, width: unknown, height: unknown): ImageRef | null {
  if (id === null || id === undefined || width === null || width === undefined) return null;
  return { id: str(id), width: num(width), height: num(height) };
}

/**
 * The date-specific hours of one member from rows of `DATE_HOURS_SELECT` (a date without ranges
 * is not worked).
 */
export function toDateHours(rows: readonly Row[]): DateHours {
  const out: Record<string, WallRange[]> = {};
  for (const r of rows) {
    const date = str(r.date);
    const list = out[date] ?? [];
    out[date] = list;
    if (r.start_minute !== null && r.start_minute !== undefined) {
      list.push({ start: num(r.start_minute), end: num(r.end_minute) });
    }
  }
  for (const list of Object.values(out)) list.sort((a, b) => a.start - b.start);
  return out;
}

/** Dates with their own hours and their ranges (none: not worked), for members `$1`. */
export const DATE_HOURS_SELECT = `SELECT d.staff_id, to_char(d.date, 'YYYY-MM-DD') AS date, r.start_minute, r.end_minute
  FROM date_hours d LEFT JOIN date_hour_ranges r ON r.staff_id = d.staff_id AND r.date = d.date
  WHERE d.staff_id = ANY($1::bigint[]) ORDER BY d.date, r.start_minute`;

/** Blocks of members `$1` with their bounds as local date-times `YYYY-MM-DDTHH:MM`, earliest first. */
export const BLOCKS_SELECT = `SELECT id, staff_id, to_char(from_local, 'YYYY-MM-DD"T"HH24:MI') AS from_text,
  to_char(to_local, 'YYYY-MM-DD"T"HH24:MI') AS to_text, note
  FROM time_blocks WHERE staff_id = ANY($1::bigint[]) ORDER BY from_local, id`;

export function toBlock(r: Row): TimeBlock {
  return { from: str(r.from_text), to: str(r.to_text), note: optStr(r.note) };
}

/** Weekly hours from working_hours rows (weekday 1 = Monday). */
export function toWeeklyHours(rows: readonly Row[]): WeeklyHours {
  const hours: Partial<Record<Weekday, WallRange[]>> = {};
  for (const r of rows) {
    const day = WEEKDAYS[num(r.weekday) - 1];
    if (!day) continue;
    const list = hours[day] ?? [];
    list.push({ start: num(r.start_minute), end: num(r.end_minute) });
    hours[day] = list;
  }
  for (const list of Object.values(hours)) list.sort((a, b) => a.start - b.start);
  return hours;
}

export function toDayOff(r: Row): DayOff {
  return { from: dateText(r.from_date), to: dateText(r.to_date), note: optStr(r.note) };
}

/** A `date` column as YYYY-MM-DD whatever the driver returns (Date at UTC midnight or text). */
function dateText(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).slice(0, 10);
}

/** What loadStaff reads for each member besides its row. */
export interface StaffParts {
  readonly hours: readonly Row[];
  readonly daysOff: readonly Row[];
  readonly serviceIds: readonly string[];
  /** Rows of DATE_HOURS_SELECT. */
  readonly dateHours: readonly Row[];
  /** Rows of BLOCKS_SELECT. */
  readonly blocks: readonly Row[];
}

export function toStaff(r: Row, { hours, daysOff, serviceIds, dateHours, blocks }: StaffParts): StaffMember {
  return {
    id: str(r.id),
    key: optStr(r.key),
    name: str(r.name),
    email: str(r.email),
    timezone: optStr(r.timezone),
    slotStepMinutes: optNum(r.slot_step_minutes),
    gapMinutes: optNum(r.gap_minutes),
    minNoticeMinutes: optNum(r.min_notice_minutes),
    active: Boolean(r.active),
    serviceIds,
    hours: toWeeklyHours(hours),
    daysOff: daysOff.map(toDayOff),
    dateHours: toDateHours(dateHours),
    blocks: blocks.map(toBlock),
    photo: imageOf(r.photo_id, r.photo_width, r.photo_height),
    bio: str(r.bio ?? ''),
  };
}

export function toBooking(r: Row): Booking {
  return {
    id: str(r.id),
    reference: str(r.reference),
    status: str(r.status) as BookingStatus,
    serviceId: str(r.service_id),
    serviceName: str(r.service_name),
    serviceNameWordings: wordings(r.service_name_wordings),
    staffId: str(r.staff_id),
    staffName: str(r.staff_name),
    start: ms(r.start_at),
    end: ms(r.end_at),
    timezone: str(r.timezone),
    client: {
      name: str(r.client_name),
      email: str(r.client_email),
      phone: optStr(r.client_phone),
      address: optStr(r.client_address),
    },
    notes: str(r.notes ?? ''),
    wantsReminder: Boolean(r.wants_reminder),
    locale: str(r.locale),
    holdUntil: optMs(r.hold_until),
    payment: {
      option: str(r.payment_option) as PaymentOption,
      amountDue: num(r.amount_due_minor),
      amountPaid: num(r.amount_paid_minor),
      currency: str(r.currency).trim(),
    },
    price: num(r.price_minor),
    rescheduleCount: num(r.reschedule_count),
    createdAt: ms(r.created_at),
    seats: num(r.seats ?? 1),
    answers: (json(r.answers) ?? {}) as Answers,
    sealedAnswers: optStr(r.answers_sealed),
    outcome: (optStr(r.outcome) as Outcome | null) ?? null,
    cancellation: cancelTermsOf(r),
    seriesId: r.series_id === null || r.series_id === undefined ? null : str(r.series_id),
  };
}

function cancelTermsOf(r: Row): CancelTerms | null {
  if (r.cancel_refund === null || r.cancel_refund === undefined) return null;
  return {
    refund: str(r.cancel_refund) as RefundKind,
    refundDue: num(r.refund_due_minor),
    amountKept: num(r.amount_kept_minor),
    by: str(r.cancelled_by) as CancelTerms['by'],
    overridden: Boolean(r.refund_overridden),
  };
}
