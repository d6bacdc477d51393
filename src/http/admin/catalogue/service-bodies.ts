/**
 * Request bodies of the dashboard's catalogue API (services, staff, hours, days off, settings):
 * shape only, built from the set-up file's pieces so both accept the same values. Free text goes
 * through `text()` (trimmed, no NUL, which PostgreSQL cannot store). Rules that need stored values
 * (deposit against the stored price, unknown ids, taken slugs) are the use cases'.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import {
  businessSchema,
  currency,
  hoursSchema,
  imageUrl,
  serviceSchema,
  slug,
  staffSchema,
} from '../../../app/setup-schema.ts';
import { check, date, type Parsed, readJson, text, zone } from '../../validation.ts';

const id = (what: string) => z.string().regex(/^\d{1,18}$/, `a ${what} id`);
const name = text(200).min(1, 'required');
/** A secret is kept as given (no trimming), but PostgreSQL cannot store NUL. */
const secret = z
  .string()
  .min(16, 'at least 16 characters')
  .max(500)
  .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');
/** `Name <address>` or a bare address, on one line (it becomes a mail header). */
const mailFrom = z
  .string()
  .trim()
  .max(320)
  .regex(
    /^[^<>@\s]+@[^<>@\s]+$|^[^<>\p{Cc}]*<[^<>@\s]+@[^<>@\s]+>$/u,
    'an address, e.g. "Lumen Studio <bookings@lumen.example>"',
  );

const serviceFields = serviceSchema.omit({ key: true }).extend({
  slug,
  name,
  description: text(5000).optional(),
  imageUrl: imageUrl.nullable().optional(),
  currency: currency.nullable().optional(),
  staff: z.array(id('staff')).max(1000).optional(),
});
export const createServiceBody = serviceFields;
export const updateServiceBody = serviceFields.partial();

const staffFields = staffSchema.omit({ hours: true, daysOff: true }).extend({
  key: staffSchema.shape.key.nullable().optional(),
  name,
  email: z.email().max(254),
  timezone: zone.nullable().optional(),
  services: z.array(id('service')).max(1000).optional(),
});
export const createStaffBody = staffFields;
export const updateStaffBody = staffFields.partial();

export const workingHoursBody = z.strictObject({ hours: hoursSchema });

export const dayOffBody = z.strictObject({ from: date, to: date, note: text(500).nullable().optional() });
export const updateDayOffBody = dayOffBody.partial();

export const updateSettingsBody = businessSchema.extend({
  name: name.optional(),
  staffLabel: text(100).min(1, 'required').optional(),
  ownerEmail: z.email().max(254).nullable().optional(),
  paymentUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .optional(),
  paymentSecret: secret.nullable().optional(),
  timezone: zone.optional(),
  mailFrom: mailFrom.nullable().optional(),
});

/** Reads a JSON body and checks it against a schema (415, 413, 400 as API.md says). */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<Parsed<z.output<S>>> {
  const body = await readJson(c);
  return body.ok ? check(c, schema, body.value.json) : body;
}
