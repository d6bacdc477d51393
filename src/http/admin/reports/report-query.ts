/** The reports' query (API and page alike): a range of the business's dates and an optional member. */
import { z } from 'zod';
import { date, id } from '../../validation.ts';

export const reportQuery = z.strictObject({
  from: date.optional(),
  to: date.optional(),
  staff: id('staff').optional(),
});
