/**
 * Request bodies of a member's date-specific hours and blocks (SPEC §8.1–8.2), from the set-up
 * file's pieces: shape only. Dates of 1900–2999, start before end and no overlap are the use
 * cases' (the same rules as the set-up file's).
 */
import { z } from 'zod';
import { dateHoursSchema, dateRanges, localDateTime } from '../../../app/setup-schema.ts';
import { text } from '../../validation.ts';

export const dateHoursBody = z.strictObject({ dateHours: dateHoursSchema });
export const oneDateBody = z.strictObject({ hours: dateRanges });

export const blockBody = z.strictObject({
  from: localDateTime,
  to: localDateTime,
  note: text(500).nullable().optional(),
});
export const updateBlockBody = blockBody.partial();
