/** Request bodies of the dashboard's resources (SPEC §8.4), from the set-up file's piece. */
import { resourceSchema } from '../../../app/setup-schema.ts';
import { name } from '../../validation.ts';

export const resourceBody = resourceSchema.extend({ name });
export const updateResourceBody = resourceBody.partial();
