/**
 * Request bodies of the dashboard's services API (the service pages check their forms with them
 * too): shape only, built from the set-up file's pieces so both accept the same values. Rules that
 * need stored values (deposit against the stored price, unknown staff, taken slugs) are the use
 * cases'.
 */
import { z } from 'zod';
import { localizedField } from '../../../app/localized-field.ts';
import { currency, imageUrl, serviceSchema, slug } from '../../../app/setup-schema.ts';
import { id, name, text } from '../../validation.ts';

const serviceFields = serviceSchema.omit({ key: true }).extend({
  slug,
  name: localizedField(name, 200),
  description: localizedField(text(5000), 5000).optional(),
  imageUrl: imageUrl.nullable().optional(),
  currency: currency.nullable().optional(),
  staff: z.array(id('staff')).max(1000).optional(),
  /** The resources a booking of it holds (SPEC §8.4), by id (the set-up file names them by key). */
  resources: z.array(id('resource')).max(50).optional(),
});
export const createServiceBody = serviceFields;
export const updateServiceBody = serviceFields.partial();
