/** The public JSON endpoints of API.md: business, services, availability, bookings. */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { viewBooking } from '../../app/booking-view.ts';
import { businessIn } from '../../app/content-language.ts';
import { createBooking } from '../../app/create-booking.ts';
import { getBusiness } from '../../app/get-business.ts';
import { getDayAvailability } from '../../app/get-day-availability.ts';
import { getMonthAvailability } from '../../app/get-month-availability.ts';
import { getService, listServices } from '../../app/list-services.ts';
import { presentBooking } from '../../app/presenters/booking.ts';
import { bookingBody, bookingInput, serviceRef, staffRef } from '../booking-body.ts';
import type { AppDeps } from '../deps.ts';
import { sendError, sendRefusal } from '../errors.ts';
import { presentBusiness, presentService, presentSlot } from '../presenters.ts';
import { handedHit } from '../rate-limit.tsx';
import { check, date, month, readJson, zone } from '../validation.ts';
import { apiLocale } from './api-locale.ts';
import { answerSeries } from './series-answer.ts';

export const monthQuery = z.object({ service: serviceRef, staff: staffRef.default('any'), month, tz: zone.optional() });
export const dayQuery = z.object({ service: serviceRef, staff: staffRef.default('any'), date, tz: zone.optional() });

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export function publicApi(deps: AppDeps): Hono {
  const api = new Hono();

  // Content the business wrote comes in the reader's language (SPEC §12, api-locale.ts).
  const lang = async (c: Context) => apiLocale(c, (await getBusiness(deps)).locale);

  api.get('/business', async (c) => {
    const business = await getBusiness(deps);
    return c.json(presentBusiness(businessIn(business, apiLocale(c, business.locale))));
  });

  api.get('/services', async (c) =>
    c.json({ services: (await listServices(deps, await lang(c))).map(presentService) }),
  );

  api.get('/services/:ref', async (c) => {
    const r = await getService(deps, c.req.param('ref'), await lang(c));
    return r.ok ? c.json(presentService(r.value)) : sendRefusal(c, r);
  });

  api.get('/availability/month', async (c) => {
    const q = check(c, monthQuery, c.req.query());
    if (!q.ok) return q.response;
    const r = await getMonthAvailability(deps, q.value);
    return r.ok ? c.json(r.value) : sendRefusal(c, r);
  });

  api.get('/availability/day', async (c) => {
    const q = check(c, dayQuery, c.req.query());
    if (!q.ok) return q.response;
    const r = await getDayAvailability(deps, q.value);
    if (!r.ok) return sendRefusal(c, r);
    const { date: d, timezone, slots } = r.value;
    return c.json({ date: d, timezone, slots: slots.map((s) => presentSlot(s, timezone)) });
  });

  api.post('/bookings', async (c) => {
    const key = c.req.header('idempotency-key');
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      return sendError(c, 'VALIDATION_FAILED', 'Idempotency-Key must be 1-200 visible ASCII characters.', {
        fields: { 'Idempotency-Key': 'invalid' },
      });
    }
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const input = check(c, bookingBody, body.value.json);
    if (!input.ok) return input.response;
    const idempotency = key === undefined ? undefined : { key, requestHash: body.value.hash };
    // The address's limit is counted by the use case, with the email's (http/rate-limit.tsx).
    const booked = { ...bookingInput(input.value, idempotency), addressHit: handedHit(c) };
    const { repeat } = input.value;
    if (repeat) return answerSeries(c, deps, { ...booked, repeat });
    const r = await createBooking(deps, booked);
    if (!r.ok) return sendRefusal(c, r);
    const { booking, token, next } = r.value;
    return c.json({ booking: presentBooking(await viewBooking(deps, booking), deps.clock.now()), token, next }, 201);
  });

  return api;
}
