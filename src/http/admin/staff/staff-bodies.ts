/**
 * Request bodies of the dashboard's staff API — members, weekly hours, days off (the staff pages
 * check their forms with them too): shape only, from the set-up file's pieces. Unknown services
 * and taken keys are the use cases'.
 */
import { z } from 'zod';
import { hoursSchema, staffSchema } from '../../../app/setup-schema.ts';
import { date, id, name, text, zone } from '../../validation.ts';

const staffFields = staffSchema.omit({ hours: true, daysOff: true }).extend({
  key: staffSchema.shape.key.nullable().optional(),
  name,
  email: z.email().max(254),
  timezone: zone.nullable().optional(),
  services: z.array(id('service')).max(1000).optional(),
  bio: text(2000).optional(),
});
export const createStaffBody = staffFields;
export const updateStaffBody = staffFields.partial();

export const workingHoursBody = z.strictObject({ hours: hoursSchema });

export const dayOffBody = z.strictObject({ from: date, to: date, note: text(500).nullable().optional() });
export const updateDayOffBody = dayOffBody.partial();
