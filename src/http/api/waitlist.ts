/**
 * The waitlist's JSON endpoints (API.md "Part two", SPEC §9.3): join, leave by the token of the
 * email's link, and accept or decline an offer by the token of its link. A token is the only
 * credential; an unknown one is 404, an offer no longer live 410 OFFER_EXPIRED.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { viewBooking } from '../../app/booking-view.ts';
import { presentBooking } from '../../app/presenters/booking.ts';
import { acceptOffer } from '../../app/waitlist/accept-offer.ts';
import { declineOffer } from '../../app/waitlist/decline-offer.ts';
import { joinWaitlist } from '../../app/waitlist/join-waitlist.ts';
import { leaveWaitlist } from '../../app/waitlist/leave-waitlist.ts';
import { MAX_CAPACITY } from '../../core/index.ts';
import { LOCALES } from '../../i18n/locale.ts';
import { serviceRef, staffRef } from '../booking-body.ts';
import type { AppDeps } from '../deps.ts';
import { sendError, sendRefusal } from '../errors.ts';
import { check, date, readJson, text, zone } from '../validation.ts';

const time = z.string().regex(/^\d{2}:\d{2}$/, 'a time HH:MM');

export const waitlistBody = z.strictObject({
  service: serviceRef,
  staff: staffRef,
  date,
  from: time.nullable().optional().meta({ description: 'the earliest start, HH:MM in `tz`' }),
  to: time.nullable().optional().meta({ description: 'the latest end, HH:MM in `tz`' }),
  seats: z.number().int().min(1).max(MAX_CAPACITY).optional(),
  client: z.strictObject({
    name: text(200).pipe(z.string().min(1, 'required')),
    email: text(254).pipe(z.email('a valid email address')),
    phone: text(50).nullable().optional(),
  }),
  locale: z.enum(LOCALES).optional(),
  tz: zone.optional().meta({ description: 'the zone `date`, `from` and `to` are read in; default the staff member’s' }),
});

/** A link's token: 32 random bytes, base64url (app/tokens.ts newManageToken). */
export const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function waitlistApi(deps: AppDeps): Hono {
  const api = new Hono();
  const unknown = (c: Parameters<typeof sendError>[0]) => sendError(c, 'NOT_FOUND', 'No such link.');

  api.post('/', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const input = check(c, waitlistBody, body.value.json);
    if (!input.ok) return input.response;
    const v = input.value;
    const r = await joinWaitlist(deps, {
      service: v.service,
      staff: v.staff,
      date: v.date,
      from: v.from,
      to: v.to,
      seats: v.seats,
      client: { name: v.client.name, email: v.client.email, phone: v.client.phone || null },
      locale: v.locale,
      timezone: v.tz,
    });
    return r.ok ? c.json({ id: r.value.id, position: r.value.position }, 201) : sendRefusal(c, r);
  });

  api.delete('/:token', async (c) => {
    const token = c.req.param('token');
    if (!TOKEN.test(token)) return unknown(c);
    const r = await leaveWaitlist(deps, token);
    return r.ok ? c.body(null, 204) : sendRefusal(c, r);
  });

  api.post('/offers/:token/accept', async (c) => {
    const token = c.req.param('token');
    if (!TOKEN.test(token)) return unknown(c);
    const r = await acceptOffer(deps, token);
    if (!r.ok) return sendRefusal(c, r);
    const { booking, token: manage, next } = r.value;
    return c.json(
      { booking: presentBooking(await viewBooking(deps, booking), deps.clock.now()), token: manage, next },
      201,
    );
  });

  api.post('/offers/:token/decline', async (c) => {
    const token = c.req.param('token');
    if (!TOKEN.test(token)) return unknown(c);
    const r = await declineOffer(deps, token);
    return r.ok ? c.body(null, 204) : sendRefusal(c, r);
  });

  return api;
}
