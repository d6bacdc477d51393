/**
 * The body of PATCH /api/v1/admin/settings (and of the settings page's form): the set-up file's
 * business shape, with the dashboard's limits on free text.
 */
import { z } from 'zod';
import { localizedField } from '../../../app/localized-field.ts';
import { businessSchema } from '../../../app/setup-schema.ts';
import { name, text, zone } from '../../validation.ts';

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

export const updateSettingsBody = businessSchema.extend({
  name: name.optional(),
  staffLabel: localizedField(text(100).min(1, 'required'), 100).optional(),
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
