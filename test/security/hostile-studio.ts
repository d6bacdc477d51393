/**
 * A studio whose every piece of free text is hostile, made the way an operator, an admin and a
 * client would make it: the set-up file through the import's own validation (parseSetup), then
 * the dashboard API (settings, a day off, a webhook, an API key, a staff invitation) and the
 * public API (bookings with hostile client details, a reschedule and a cancel with hostile
 * reasons, a returning client who must verify, a booking awaiting payment), a forgotten password
 * and a reminder — so every page and every email has hostile data to show.
 *
 * Studio: now = Fri 2027-03-26 11:00Z; Ana works Mon-Fri in Paris, Ben Mon-Sat in New York.
 */
import { createHmac } from 'node:crypto';
import { expect } from 'vitest';
import { parseSetup } from '../../src/app/setup-schema.ts';
import { argon2Hasher } from '../../src/auth/argon2-hasher.ts';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import type { TestDatabase } from '../support/db.ts';
import { type Browser, browser, signIn } from '../support/sessions.ts';
import { STUDIO } from '../support/studio.ts';

/** Fits fields of 100 characters. */
export const SHORT = '<script>alert(1)</script>"><img src=x onerror=alert(1)>';
/** Attribute breaks both ways, a textarea end, template syntax, entities, non-ASCII and U+2028. */
export const LONG = `${SHORT}'><svg onload=alert(1)></textarea>{{x}}\${x} & &amp; Zo\u00eb\u2028\u{1F642} end`;

/** Each field's value starts with a word saying which field it is, then the payload. */
export const V = {
  business: `Biz ${LONG}`,
  staffLabel: `Lab ${SHORT}`,
  service: `Svc ${LONG}`,
  description: `Desc ${LONG}\njavascript:alert(1)`,
  service2: `Two ${LONG}`,
  ana: `Ana ${LONG}`,
  ben: `Ben ${LONG}`,
  bio: `Bio ${LONG}`,
  dayOff: `Off ${LONG}`,
  client: `Cli ${LONG}`,
  client2: `Mal ${LONG}`,
  notes: `Notes ${LONG}`,
  phone: `Tel "><svg onload=alert(1)>`,
  address: `Addr ${LONG}`,
  moveReason: `Move ${LONG}`,
  cancelReason: `Why ${LONG}`,
  webhookUrl: 'https://hooks.example/x?a="><script>alert(1)</script>',
  webhookDescription: `Hook ${LONG}`,
  room: `Room ${LONG}`,
  keyLabel: `Key ${SHORT}`,
  adminName: `Adm ${LONG}`,
  mailFrom: '" onmouseover=alert(1) x=" <bookings@studio.test>',
  paymentUrl: 'https://pay.example/checkout?q="><script>alert(1)</script>',
} as const;

/** Line breaks that would inject an email header or a calendar property if they got through. */
export const INJECT = {
  service: '\nATTENDEE:mailto:evil@example.com',
  client: '\r\nBcc: evil@example.com',
} as const;

export const SERVICE_NAME = `${V.service}${INJECT.service}`;
export const CLIENT_NAME = `${V.client}${INJECT.client}`;

export const ADMIN_EMAIL = 'owner@studio.test';
const ADMIN_PASSWORD = 'correct horse battery';

export interface HostileStudio {
  readonly d: Dashboard;
  /** The admin, signed in through the sign-in page. */
  readonly admin: Browser;
  readonly ids: {
    readonly ana: string;
    readonly ben: string;
    readonly portrait: string;
    readonly consult: string;
    readonly dayOff: string;
    readonly webhook: string;
    readonly room: string;
  };
  /** Public bookings: moved (and reminded), cancelled, awaiting verification, awaiting payment. */
  readonly bookings: Record<
    'moved' | 'cancelled' | 'verifying' | 'paying',
    { id: string; token: string; reference: string }
  >;
  /** A hostile client on the waitlist of the cancelled booking's day, offered its freed start. */
  readonly waitlist: { readonly offerToken: string; readonly leaveToken: string };
}

export async function hostileStudio(tdb: TestDatabase): Promise<HostileStudio> {
  const parsed = parseSetup({
    ...STUDIO,
    business: {
      ...STUDIO.business,
      name: V.business,
      staffLabel: V.staffLabel,
      ownerEmail: ADMIN_EMAIL,
      reminderHours: 24,
    },
    services: [
      {
        ...STUDIO.services?.[0],
        name: SERVICE_NAME,
        description: V.description,
        // The import refuses javascript: URLs (as the admin API does); this one is valid and hostile.
        imageUrl: 'https://img.example/a.png?"><script>alert(1)</script>',
        color: '#ffe066',
      },
      { ...STUDIO.services?.[1], name: V.service2 },
    ],
    staff: [
      { ...STUDIO.staff?.[0], name: V.ana, bio: V.bio },
      { ...STUDIO.staff?.[1], name: V.ben },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const d = await startDashboard(tdb, parsed.setup);
  const services = await tdb.store.listServices({ activeOnly: false });
  const idOf = (slug: string) => services.find((s) => s.slug === slug)?.id ?? 'missing';
  const ok = (r: { status: number; body: unknown }, status: number) => {
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    return r.body as Record<string, never>;
  };

  // The dashboard API: where it checks URLs, a javascript: one is refused.
  ok(await d.as('admin', 'PATCH', 'settings', { paymentUrl: 'javascript:alert(1)' }), 400);
  ok(await d.as('admin', 'PATCH', `services/${idOf('portrait')}`, { imageUrl: 'javascript:alert(1)' }), 400);
  ok(await d.as('admin', 'POST', 'webhooks', { url: 'javascript:alert(1)', events: ['booking.confirmed'] }), 400);
  ok(await d.as('admin', 'PATCH', 'settings', { mailFrom: V.mailFrom }), 200);
  const dayOff = ok(
    await d.as('admin', 'POST', `staff/${d.staffIds.ana}/days-off`, {
      from: '2027-04-20',
      to: '2027-04-20',
      note: V.dayOff,
    }),
    201,
  );
  // Switched off: no delivery is attempted (the address does not exist).
  const webhook = ok(
    await d.as('admin', 'POST', 'webhooks', {
      url: V.webhookUrl,
      events: ['booking.confirmed'],
      description: V.webhookDescription,
      active: false,
    }),
    201,
  );
  ok(await d.as('admin', 'POST', 'api-keys', { role: 'admin', label: V.keyLabel }), 201);
  const room = ok(await d.as('admin', 'POST', 'resources', { key: 'room', name: V.room }), 201);
  await tdb.store.createUser(
    {
      email: ADMIN_EMAIL,
      name: V.adminName,
      role: 'admin',
      staffId: null,
      passwordHash: await argon2Hasher.hash(ADMIN_PASSWORD),
    },
    d.clock.now(),
  );
  const admin = browser(d);
  expect((await signIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD)).status).toBe(303);
  ok(await d.as('admin', 'POST', `staff/${d.staffIds.ben}/invite`), 201);
  expect((await browser(d).form('/admin/forgot', { email: ADMIN_EMAIL }, { entry: true })).status).toBe(200);

  // The public API: a client with hostile details books, moves (with a reason) and is reminded.
  const book = async (service: string, staff: string, start: string, client: Record<string, string>, more = {}) => {
    const body = ok(
      await d.post('/bookings', {
        service,
        staff,
        start,
        client,
        notes: V.notes,
        wantsReminder: true,
        payment: 'none',
        ...more,
      }),
      201,
    ) as unknown as { booking: { id: string; status: string; reference: string }; token: string };
    return { id: body.booking.id, token: body.token, status: body.booking.status, reference: body.booking.reference };
  };
  const eve = { name: CLIENT_NAME, email: 'eve@example.com', phone: V.phone, address: V.address };
  const moved = await book('portrait', d.staffIds.ana, '2027-03-29T10:00:00+02:00', eve);
  ok(
    await d.post(`/manage/${moved.token}/reschedule`, { start: '2027-03-30T10:00:00+02:00', reason: V.moveReason }),
    200,
  );
  const cancelled = await book('consult', d.staffIds.ana, '2027-03-31T09:00:00+02:00', {
    name: V.client2,
    email: 'mallory@example.com',
  });
  // A hostile client waits for that day; the cancel frees 09:00 and it is offered to her.
  ok(
    await d.post('/waitlist', {
      service: 'consult',
      staff: d.staffIds.ana,
      date: '2027-03-31',
      client: { name: V.client2, email: 'wendy@example.com' },
    }),
    201,
  );
  ok(await d.post(`/manage/${cancelled.token}/cancel`, { reason: V.cancelReason }), 200);
  await d.deliver();
  const wendy = d.mail.sent
    .filter((m) => m.to.includes('wendy@example.com'))
    .map((m) => m.text)
    .join('\n');
  const tokenIn = (kind: string) => new RegExp(`/waitlist/${kind}/([A-Za-z0-9_-]{43})`).exec(wendy)?.[1] ?? '';
  const waitlist = { offerToken: tokenIn('offer'), leaveToken: tokenIn('leave') };
  expect(waitlist.offerToken).not.toBe('');
  expect(waitlist.leaveToken).not.toBe('');
  // Eve again: a known client proves her email first.
  const verifying = await book('consult', d.staffIds.ana, '2027-04-01T14:00:00+02:00', eve);
  expect(verifying.status).toBe('pending_verification');
  await d.deliver();
  d.clock.set('2027-03-29T09:00:00Z'); // a day before the moved booking: its reminder is due
  await d.deliver();

  // A gateway: a booking paid in full waits for payment, its page links to the gateway.
  ok(await d.as('admin', 'PATCH', 'settings', { paymentUrl: V.paymentUrl, paymentSecret: 'p'.repeat(24) }), 200);
  const paying = await book(
    'portrait',
    d.staffIds.ben,
    '2027-04-02T10:00:00-04:00',
    { name: V.client2, email: 'trudy@example.com' },
    { payment: 'full' },
  );
  expect(paying.status).toBe('awaiting_payment');
  // Back from the gateway: the return page emails the client their link. Then the gateway reports
  // a wrong amount: recorded unapplied, and the owner is emailed (the booking still awaits payment).
  expect((await d.app.request(`/return/${paying.reference}`)).status).toBe(200);
  const wrong = JSON.stringify({
    reference: paying.reference,
    amount: '1.00',
    currency: 'EUR',
    status: 'paid',
    transactionId: 'tx-wrong',
  });
  const refused = await d.call('/api/v1/payments/callback', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-slotwise-signature': `sha256=${createHmac('sha256', 'p'.repeat(24)).update(wrong).digest('hex')}`,
    },
    body: wrong,
  });
  expect(refused.status).toBe(422);
  await d.deliver();
  expect(d.errors).toEqual([]);
  return {
    d,
    admin,
    ids: {
      ana: d.staffIds.ana,
      ben: d.staffIds.ben,
      portrait: idOf('portrait'),
      consult: idOf('consult'),
      dayOff: String(dayOff.id),
      webhook: String(webhook.id),
      room: String(room.id),
    },
    bookings: { moved, cancelled, verifying, paying },
    waitlist,
  };
}
