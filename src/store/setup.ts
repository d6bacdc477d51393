/**
 * `slotwise import`: creates or updates, by key, the business, resources, services (with the
 * resources they require), staff (with their services, hours, days off, date hours and blocks,
 * which the file replaces, and their calendars, kept by URL) and admins, in one transaction.
 */

import type { SetupResult } from '../app/ports.ts';
import { changeQuestions } from '../app/question-changes.ts';
import type { Setup, SetupService, SetupStaff } from '../app/setup-schema.ts';
import {
  businessText,
  formatFieldPath,
  type LocalizedText,
  parseWallTime,
  type Question,
  toMinor,
  WEEKDAYS,
  wordingsOf,
} from '../core/index.ts';
import { insertDateHours } from './admin-staff.ts';
import { getBusiness } from './catalog.ts';
import { linkResources } from './resources.ts';
import { json } from './rows.ts';
import { constraintOf, type Sql, sqlState } from './sql.ts';

/** Raised for a problem only the database can see (e.g. a staff member naming an unknown service). */
export class SetupReferenceError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'SetupReferenceError';
  }
}

/** The business row's columns by setting name (the set-up file's and the dashboard's). */
export const BUSINESS_COLUMNS = {
  name: 'name',
  timezone: 'timezone',
  currency: 'currency',
  locale: 'locale',
  staffLabel: 'staff_label',
  ownerEmail: 'owner_email',
  paymentUrl: 'payment_url',
  paymentSecret: 'payment_secret',
  slotStepMinutes: 'slot_step_minutes',
  gapMinutes: 'gap_minutes',
  minNoticeMinutes: 'min_notice_minutes',
  horizonDays: 'horizon_days',
  defaultRescheduleLimit: 'default_reschedule_limit',
  allowStaffChangeOnReschedule: 'allow_staff_change_on_reschedule',
  cancelNoticeHours: 'cancel_notice_hours',
  rescheduleNoticeHours: 'reschedule_notice_hours',
  holdMinutes: 'hold_minutes',
  reminderHours: 'reminder_hours',
  retainUnconfirmedDays: 'retain_unconfirmed_days',
  retainPastDays: 'retain_past_days',
  noShowLimit: 'no_show_limit',
  waitlistOfferMinutes: 'waitlist_offer_minutes',
} as const satisfies Record<string, string>;

async function applyBusiness(tx: Sql, business: NonNullable<Setup['business']>): Promise<void> {
  const columns: Record<string, string> = BUSINESS_COLUMNS;
  const entries: [string, unknown][] = Object.entries(business)
    .filter(([k, v]) => v !== undefined && columns[k])
    .map(([k, v]) => [columns[k] as string, v]);
  if (business.staffLabel !== undefined) {
    // The column keeps the business language's wording; all of them go beside it (decision 033).
    const [row] = await tx.query('SELECT locale FROM business WHERE id = 1');
    const locale = business.locale ?? String(row?.locale ?? 'en');
    const label = entries.findIndex(([c]) => c === 'staff_label');
    entries.splice(label, 1, ...textColumns('staff_label', business.staffLabel, locale));
  }
  if (entries.length === 0) return;
  const sets = entries.map(([c], i) => `${c} = $${i + 1}`);
  await tx.query(
    `UPDATE business SET ${sets.join(', ')}, updated_at = now() WHERE id = 1`,
    entries.map(([, v]) => v),
  );
}

/** A per-language text as its two columns: the business language's wording, and all of them (jsonb text) or NULL. */
function textColumns(column: string, text: LocalizedText, locale: string): [string, unknown][] {
  const wordings = wordingsOf(text);
  return [
    [column, businessText(text, locale)],
    [`${column}_wordings`, wordings === null ? null : JSON.stringify(wordings)],
  ];
}

/** check_violation; `services_check` is the table's `deposit <= price` rule. */
const CHECK_VIOLATION = '23514';

async function applyService(
  tx: Sql,
  s: SetupService,
  index: number,
  business: { readonly currency: string; readonly locale: string },
  resourceIds: Map<string, string>,
): Promise<string> {
  const currency = s.currency ?? business.currency;
  const cols: Record<string, unknown> = {
    slug: s.key,
    ...Object.fromEntries(textColumns('name', s.name, business.locale)),
    duration_minutes: s.durationMinutes,
  };
  if (s.description !== undefined)
    Object.assign(cols, Object.fromEntries(textColumns('description', s.description, business.locale)));
  if (s.price !== undefined) cols.price_minor = toMinor(s.price, currency);
  if (s.deposit !== undefined) cols.deposit_minor = toMinor(s.deposit, currency);
  if (s.currency !== undefined) cols.currency = s.currency;
  if (s.imageUrl !== undefined) cols.image_url = s.imageUrl;
  if (s.color !== undefined) cols.color = s.color;
  if (s.allowRescheduling !== undefined) cols.allow_rescheduling = s.allowRescheduling;
  if (s.rescheduleLimit !== undefined) cols.reschedule_limit = s.rescheduleLimit;
  if (s.bufferBeforeMinutes !== undefined) cols.buffer_before_minutes = s.bufferBeforeMinutes;
  if (s.bufferAfterMinutes !== undefined) cols.buffer_after_minutes = s.bufferAfterMinutes;
  if (s.active !== undefined) cols.active = s.active;
  let id: string;
  if (s.capacity !== undefined) cols.capacity = s.capacity;
  if (s.maxSeatsPerBooking !== undefined) cols.max_seats_per_booking = s.maxSeatsPerBooking;
  // jsonb: as JSON text (a driver would send a JS array as a PostgreSQL array).
  if (s.questions !== undefined) cols.questions = JSON.stringify(await questionsOf(tx, s, index));
  if (s.cancellationPolicy !== undefined) cols.cancellation_policy = JSON.stringify(s.cancellationPolicy);
  if (s.allowRepeat !== undefined) cols.allow_repeat = s.allowRepeat;
  try {
    id = await upsert(tx, 'services', 'slug', cols);
  } catch (error) {
    // A file may give a price without a deposit or the reverse: the other keeps its stored value,
    // which only the database sees, so the deposit <= price rule is caught here.
    if (sqlState(error) === CHECK_VIOLATION && constraintOf(error) === 'services_check') {
      throw s.price === undefined
        ? new SetupReferenceError(`services[${index}].deposit`, 'must not exceed the price (the stored one, or 0)')
        : new SetupReferenceError(`services[${index}].price`, 'must not be less than the stored deposit');
    }
    if (sqlState(error) === CHECK_VIOLATION && constraintOf(error) === 'services_max_seats') {
      throw s.maxSeatsPerBooking === undefined
        ? new SetupReferenceError(
            `services[${index}].capacity`,
            'must not be less than maxSeatsPerBooking (the stored one)',
          )
        : new SetupReferenceError(
            `services[${index}].maxSeatsPerBooking`,
            'must not exceed the capacity (the stored one, or 1)',
          );
    }
    throw error;
  }
  if (s.resources !== undefined) {
    const ids: string[] = [];
    for (const [j, key] of s.resources.entries()) {
      const rid = resourceIds.get(key) ?? (await idByKey(tx, 'resources', key));
      if (!rid) throw new SetupReferenceError(`services[${index}].resources[${j}]`, `no resource with key "${key}"`);
      ids.push(rid);
    }
    await linkResources(tx, id, ids);
  }
  return id;
}

async function idByKey(tx: Sql, table: 'resources', key: string): Promise<string | null> {
  const [row] = await tx.query(`SELECT id FROM ${table} WHERE key = $1`, [key]);
  return row ? String(row.id) : null;
}

/** The file's questions over the stored ones: those left out stay, retired (question-changes.ts). */
async function questionsOf(tx: Sql, s: SetupService, index: number): Promise<Question[]> {
  const [row] = await tx.query('SELECT questions FROM services WHERE slug = $1', [s.key]);
  const stored = (row ? json(row.questions) : []) as Question[];
  const changed = changeQuestions(stored, s.questions ?? []);
  if (changed.ok) return changed.questions;
  const [first] = changed.problems;
  throw new SetupReferenceError(
    formatFieldPath(['services', index, 'questions', ...(first?.path ?? [])]),
    first?.message ?? 'invalid',
  );
}

/**
 * Updates the row with this key, or inserts it; returns the id as text. Not INSERT … ON CONFLICT:
 * PostgreSQL checks CHECK constraints on the proposed insert row even when it becomes an update,
 * so a partial update (a deposit alone) would be judged against defaults instead of stored values.
 * The import runs in one transaction, so no concurrent writer sits between the two statements.
 */
async function upsert(tx: Sql, table: string, keyColumn: string, cols: Record<string, unknown>): Promise<string> {
  const names = Object.keys(cols);
  const values = Object.values(cols);
  const sets = names.map((n, i) => `${n} = $${i + 1}`).filter((_, i) => names[i] !== keyColumn);
  const keyIndex = names.indexOf(keyColumn) + 1;
  const [updated] = await tx.query<{ id: unknown }>(
    `UPDATE ${table} SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE ${keyColumn} = $${keyIndex} RETURNING id`,
    values,
  );
  if (updated) return String(updated.id);
  const [inserted] = await tx.query<{ id: unknown }>(
    `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    values,
  );
  return String(inserted?.id);
}

async function applyStaff(tx: Sql, m: SetupStaff, index: number, serviceIds: Map<string, string>): Promise<string> {
  const cols: Record<string, unknown> = { key: m.key, name: m.name, email: m.email };
  if (m.timezone !== undefined) cols.timezone = m.timezone;
  if (m.slotStepMinutes !== undefined) cols.slot_step_minutes = m.slotStepMinutes;
  if (m.gapMinutes !== undefined) cols.gap_minutes = m.gapMinutes;
  if (m.minNoticeMinutes !== undefined) cols.min_notice_minutes = m.minNoticeMinutes;
  if (m.active !== undefined) cols.active = m.active;
  if (m.bio !== undefined) cols.bio = m.bio;
  const id = await upsert(tx, 'staff', 'key', cols);

  if (m.services !== undefined) {
    const ids: string[] = [];
    for (const [j, key] of m.services.entries()) {
      const sid = serviceIds.get(key) ?? (await serviceIdBySlug(tx, key));
      if (!sid) throw new SetupReferenceError(`staff[${index}].services[${j}]`, `no service with key "${key}"`);
      ids.push(sid);
    }
    await tx.query('DELETE FROM staff_services WHERE staff_id = $1', [id]);
    for (const sid of new Set(ids)) {
      await tx.query('INSERT INTO staff_services (staff_id, service_id) VALUES ($1, $2)', [id, sid]);
    }
  }
  if (m.hours !== undefined) {
    await tx.query('DELETE FROM working_hours WHERE staff_id = $1', [id]);
    for (const [d, day] of WEEKDAYS.entries()) {
      for (const [from, to] of m.hours[day] ?? []) {
        await tx.query(
          'INSERT INTO working_hours (staff_id, weekday, start_minute, end_minute) VALUES ($1, $2, $3, $4)',
          [id, d + 1, parseWallTime(from), parseWallTime(to)],
        );
      }
    }
  }
  if (m.daysOff !== undefined) {
    await tx.query('DELETE FROM days_off WHERE staff_id = $1', [id]);
    for (const off of m.daysOff) {
      await tx.query('INSERT INTO days_off (staff_id, from_date, to_date, note) VALUES ($1, $2, $3, $4)', [
        id,
        off.from,
        off.to,
        off.note ?? null,
      ]);
    }
  }
  await applySchedule(tx, id, m);
  return id;
}

/** A member's date hours and blocks (replaced by the file) and calendars (kept by URL, so their copies stay). */
async function applySchedule(tx: Sql, id: string, m: SetupStaff): Promise<void> {
  if (m.dateHours !== undefined) {
    await tx.query('DELETE FROM date_hours WHERE staff_id = $1', [id]);
    for (const [date, ranges] of Object.entries(m.dateHours)) {
      const parsed = ranges.map(([a, b]) => ({ start: parseWallTime(a) ?? 0, end: parseWallTime(b) ?? 0 }));
      await insertDateHours(tx, id, date, parsed);
    }
  }
  if (m.blocks !== undefined) {
    await tx.query('DELETE FROM time_blocks WHERE staff_id = $1', [id]);
    for (const b of m.blocks) {
      await tx.query('INSERT INTO time_blocks (staff_id, from_local, to_local, note) VALUES ($1, $2, $3, $4)', [
        id,
        b.from,
        b.to,
        b.note ?? null,
      ]);
    }
  }
  if (m.calendars !== undefined) {
    const urls = m.calendars.map((c) => c.url);
    await tx.query('DELETE FROM staff_calendars WHERE staff_id = $1 AND NOT (url = ANY($2::text[]))', [id, urls]);
    for (const c of m.calendars) {
      const label = c.label ?? new URL(c.url).hostname;
      const kept = await tx.query(
        'UPDATE staff_calendars SET label = $3 WHERE staff_id = $1 AND url = $2 RETURNING id',
        [id, c.url, label],
      );
      // A new subscription is due at once: the server's worker fetches it on its next sweep.
      if (kept.length === 0) {
        await tx.query(
          'INSERT INTO staff_calendars (staff_id, url, label, created_at, next_fetch_at) VALUES ($1, $2, $3, now(), now())',
          [id, c.url, label],
        );
      }
    }
  }
}

async function serviceIdBySlug(tx: Sql, slug: string): Promise<string | null> {
  const [row] = await tx.query('SELECT id FROM services WHERE slug = $1', [slug]);
  return row ? String(row.id) : null;
}

export async function applySetup(
  sql: Sql,
  setup: Setup,
  hashPassword: (password: string) => Promise<string>,
): Promise<SetupResult> {
  // Hash before the transaction: argon2 is slow and needs no database.
  const admins = await Promise.all(
    (setup.admins ?? []).map(async (a) => ({ email: a.email, hash: await hashPassword(a.password) })),
  );
  return sql.transaction(async (tx) => {
    if (setup.business) await applyBusiness(tx, setup.business);
    const business = await getBusiness(tx);
    // Judged on the result, so a file may set the URL alone when the secret is already stored.
    if (business.paymentUrl !== null && business.paymentSecret === null) {
      throw new SetupReferenceError('business.paymentSecret', 'required when paymentUrl is set');
    }
    const resourceIds = new Map<string, string>();
    for (const r of setup.resources ?? []) {
      resourceIds.set(r.key, await upsert(tx, 'resources', 'key', { key: r.key, name: r.name }));
    }
    const services: Record<string, string> = {};
    const serviceIds = new Map<string, string>();
    for (const [i, s] of (setup.services ?? []).entries()) {
      const id = await applyService(tx, s, i, business, resourceIds);
      services[s.key] = id;
      serviceIds.set(s.key, id);
    }
    const staff: Record<string, string> = {};
    for (const [i, m] of (setup.staff ?? []).entries()) staff[m.key] = await applyStaff(tx, m, i, serviceIds);
    for (const a of admins) {
      const updated = await tx.query(
        `UPDATE users SET password_hash = $2, role = 'admin', staff_id = NULL, updated_at = now()
         WHERE lower(email) = lower($1) RETURNING id`,
        [a.email, a.hash],
      );
      if (updated.length === 0) {
        await tx.query(`INSERT INTO users (email, password_hash, role) VALUES ($1, $2, 'admin')`, [a.email, a.hash]);
      }
    }
    return { services, staff };
  });
}
