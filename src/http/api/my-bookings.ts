/**
 * `POST /api/v1/my-bookings {email}` (SPEC §11): 202 whatever the address, after the same work —
 * the request only queues a job, which sends the link when the address has bookings.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { requestMyBookings } from '../../app/clients/request-my-bookings.ts';
import { LOCALES } from '../../i18n/locale.ts';
import type { AppDeps } from '../deps.ts';
import { check, readJson, text } from '../validation.ts';

export const myBookingsBody = z.strictObject({
  email: text(254).pipe(z.email('a valid email address')),
  locale: z
    .enum(LOCALES)
    .optional()
    .meta({ description: 'the language of the email and the page; default the business’s' }),
});

export function myBookingsApi(deps: AppDeps): Hono {
  const api = new Hono();
  api.post('/', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const input = check(c, myBookingsBody, body.value.json);
    if (!input.ok) return input.response;
    await requestMyBookings(deps, input.value);
    return c.json({ accepted: true }, 202);
  });
  return api;
}
