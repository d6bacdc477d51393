/**
 * The studio the fuzzer attacks, seeded through the real API (each seeding request goes through
 * the harness and is checked like any other): the test studio plus buffers, a gap, an online
 * payment gateway and a third staff member (Cara, with no bookings, so removing her is a real
 * delete); bookings in each state (confirmed, awaiting payment, waiting for the emailed code,
 * cancelled) with their manage tokens, references and the code; a webhook, days off, spare API
 * keys, a calendar feed and a password link; a room the portrait needs, a date with its own hours,
 * time off with times and an external calendar (on a name that resolves nowhere: nothing is
 * fetched). Their real ids and tokens are what path parameters and fields are drawn from, beside
 * hostile values.
 */
import type { Setup } from '../../src/app/setup-schema.ts';
import type { Dashboard } from '../support/dashboard.ts';
import type { TestDatabase } from '../support/db.ts';
import { codeIn, PUBLIC_URL } from '../support/lifecycle.ts';
import { STUDIO } from '../support/studio.ts';
import type { FuzzRequest, Harness } from './harness.ts';

export const PAYMENT_SECRET = 'fuzz-payment-secret-0123456789';

export const FUZZ_STUDIO: Setup = {
  ...STUDIO,
  business: {
    ...STUDIO.business,
    ownerEmail: 'owner@studio.test',
    // This server's stand-in gateway, so its pages and forms are fuzzed too (in process: nothing is sent).
    paymentUrl: `${PUBLIC_URL}/demo/gateway`,
    paymentSecret: PAYMENT_SECRET,
    gapMinutes: 5,
  },
  services: [
    {
      key: 'portrait',
      name: 'Portrait session',
      durationMinutes: 60,
      price: '120.00',
      deposit: '30.00',
      bufferBeforeMinutes: 15,
      bufferAfterMinutes: 10,
      // Issue 20: answers are checked and the sensitive one sealed on every booking path fuzzed.
      questions: [
        { key: 'people', type: 'number', label: 'How many?', required: false, sensitive: false },
        { key: 'health', type: 'longText', label: 'Health', required: false, sensitive: true },
        {
          key: 'style',
          type: 'multiChoice',
          label: 'Style',
          required: false,
          sensitive: false,
          options: [
            { key: 'bw', label: 'Black and white' },
            { key: 'colour', label: 'Colour' },
          ],
        },
      ],
      cancellationPolicy: [
        { untilHoursBefore: 48, refund: 'full' },
        { untilHoursBefore: 0, refund: 'deposit_kept' },
      ],
    },
    // SPEC §9.2: series of a free service and of a group session's seats.
    { key: 'consult', name: 'Consultation', durationMinutes: 30, price: '0', allowRepeat: true },
    { key: 'spare', name: 'Spare service', durationMinutes: 45, price: '10.00' },
    // A group session (SPEC §9.1): seats race and overlap only within their session.
    {
      key: 'workshop',
      name: 'Workshop',
      durationMinutes: 90,
      price: '0',
      capacity: 4,
      maxSeatsPerBooking: 2,
      allowRepeat: true,
    },
  ],
  staff: [
    ...(STUDIO.staff ?? []),
    {
      key: 'cara',
      name: 'Cara',
      email: 'cara@studio.test',
      services: ['consult', 'workshop'],
      hours: { sat: [['09:00', '13:00']] },
    },
  ],
};

/** Real values of the seeded studio, by what they are. */
export interface Pools {
  readonly serviceIds: string[];
  readonly slugs: string[];
  readonly staffIds: string[];
  readonly ana: string;
  readonly ben: string;
  readonly cara: string;
  /** The service made to be removed (the others stay). */
  readonly spare: string;
  readonly bookingIds: string[];
  readonly tokens: string[];
  readonly references: string[];
  readonly amounts: string[];
  readonly codes: string[];
  readonly clientEmails: string[];
  /** Client records' ids; `spareClient` is the one erasing may take. */
  readonly clientIds: string[];
  readonly spareClient: string;
  /** Starts that were free when seeded (ISO with offset), with the staff who could take them. */
  readonly slots: { start: string; staff: string[]; service: string }[];
  readonly webhookIds: string[];
  readonly dayOffIds: string[];
  readonly resourceIds: string[];
  readonly blockIds: string[];
  readonly calendarIds: string[];
  /** API keys made to be revoked (the harness's own are not among them). */
  readonly spareKeyIds: string[];
  readonly feedFiles: string[];
  /** The names stored images are served under (`{sha256}.webp`), decision 032. */
  readonly imageFiles: string[];
  readonly passwordTokens: string[];
  /** The gateway addresses the awaiting-payment bookings were sent to (signed queries). */
  readonly payQueries: string[];
}

const DATES = [
  '2027-03-27',
  '2027-03-29',
  '2027-03-30',
  '2027-03-31',
  '2027-04-01',
  '2027-04-02',
  '2027-04-12',
  '2027-04-13',
  '2027-04-14',
];

export function adminCall(method: string, url: string, route: string, value?: unknown): FuzzRequest {
  return { route, method, url, caller: 'admin-key', ...(value === undefined ? {} : { body: { kind: 'json', value } }) };
}

export async function seed(
  d: Dashboard,
  h: Harness,
  tdb: TestDatabase,
  ids: { ana: string; ben: string; cara: string },
) {
  const json = async (req: FuzzRequest, want: number) => {
    const a = await h.send(req);
    if (a.status !== want) throw new Error(`seeding ${req.method} ${req.url}: ${a.status} ${a.text}`);
    return a.text ? JSON.parse(a.text) : null;
  };
  const pub = (method: string, url: string, route: string, value?: unknown, headers?: Record<string, string>) =>
    ({
      route,
      method,
      url,
      caller: 'anonymous',
      ...(headers ? { headers } : {}),
      ...(value === undefined ? {} : { body: { kind: 'json', value } }),
    }) as FuzzRequest;

  const services = (await json(pub('GET', '/api/v1/services', 'GET /api/v1/services'), 200)).services as {
    id: string;
    slug: string;
  }[];
  const slots: Pools['slots'] = [];
  for (const s of services) {
    for (const date of DATES) {
      const day = await json(
        pub('GET', `/api/v1/availability/day?service=${s.slug}&date=${date}`, 'GET /api/v1/availability/day'),
        200,
      );
      for (const slot of day.slots) slots.push({ start: slot.start, staff: slot.staff, service: s.slug });
    }
  }
  // One seeded booking a day, so none overlaps another's occupied time.
  const usedDays = new Set<string>();
  const take = (service: string, staff?: string) => {
    const i = slots.findIndex(
      (s) => s.service === service && (!staff || s.staff.includes(staff)) && !usedDays.has(s.start.slice(0, 10)),
    );
    usedDays.add(slots[i]?.start.slice(0, 10) ?? '');
    if (i < 0) throw new Error(`no free ${service} slot to seed`);
    return slots.splice(i, 1)[0] as Pools['slots'][number];
  };
  const book = (service: string, email: string, payment: string, staff = 'any', key?: string) =>
    json(
      pub(
        'POST',
        '/api/v1/bookings',
        'POST /api/v1/bookings',
        {
          service,
          staff,
          start: take(service, staff === 'any' ? undefined : staff).start,
          client: { name: 'Zoé Client', email },
          payment,
          wantsReminder: true,
        },
        key ? { 'idempotency-key': key } : undefined,
      ),
      201,
    );
  const confirmed = await book('consult', 'zoe@client.test', 'none', ids.ana, 'seed-1');
  const paying = await book('portrait', 'yann@client.test', 'full', ids.ben);
  const deposit = await book('portrait', 'xena@client.test', 'deposit');
  const returning = await book('consult', 'zoe@client.test', 'none'); // a known email: waits for the code
  const byAdmin = await json(
    {
      ...adminCall('POST', '/api/v1/admin/bookings', 'POST /api/v1/admin/bookings', {
        service: 'portrait',
        staff: ids.ben,
        start: take('portrait', ids.ben).start,
        client: { name: 'Walter Phone', email: 'walter@client.test' },
      }),
    },
    201,
  );
  const cancelled = await book('consult', 'vic@client.test', 'none');
  await json(pub('POST', `/api/v1/manage/${cancelled.token}/cancel`, 'POST /api/v1/manage/:token/cancel', {}), 200);
  await d.deliver(); // the verification code and the other emails (no webhook exists yet)
  const codeMail = d.mail.sent.find((m) => m.to.includes('zoe@client.test') && /code/i.test(m.subject));
  const codes = codeMail ? [codeIn(codeMail.text)] : [];
  if (codes.length === 0) throw new Error('no verification code was emailed');

  const hook = await json(
    adminCall('POST', '/api/v1/admin/webhooks', 'POST /api/v1/admin/webhooks', {
      url: 'https://hooks.example.test/slotwise',
      events: ['booking.confirmed'],
    }),
    201,
  );
  const dayOff = await json(
    adminCall('POST', `/api/v1/admin/staff/${ids.ben}/days-off`, 'POST /api/v1/admin/staff/:id/days-off', {
      from: '2027-05-03',
      to: '2027-05-04',
      note: 'Wedding',
    }),
    201,
  );
  const anaDaysOff = await json(
    adminCall('GET', `/api/v1/admin/staff/${ids.ana}/days-off`, 'GET /api/v1/admin/staff/:id/days-off'),
    200,
  );
  const room = await json(
    adminCall('POST', '/api/v1/admin/resources', 'POST /api/v1/admin/resources', { key: 'room', name: 'Studio room' }),
    201,
  );
  const portraitId = services.find((s) => s.slug === 'portrait')?.id;
  await json(
    adminCall('PATCH', `/api/v1/admin/services/${portraitId}`, 'PATCH /api/v1/admin/services/:id', {
      resources: [String(room.id)],
    }),
    200,
  );
  await json(
    adminCall(
      'PUT',
      `/api/v1/admin/staff/${ids.ana}/date-hours/2027-04-03`,
      'PUT /api/v1/admin/staff/:id/date-hours/:date',
      {
        hours: [['10:00', '14:00']],
      },
    ),
    200,
  );
  const block = await json(
    adminCall('POST', `/api/v1/admin/staff/${ids.ana}/blocks`, 'POST /api/v1/admin/staff/:id/blocks', {
      from: '2027-04-13T13:00',
      to: '2027-04-13T15:30',
      note: 'Dentist',
    }),
    201,
  );
  const calendar = await json(
    adminCall('POST', `/api/v1/admin/staff/${ids.ana}/calendars`, 'POST /api/v1/admin/staff/:id/calendars', {
      url: 'https://calendar.example.test/ical/ana/private-0123456789/basic.ics',
      label: 'Personal',
    }),
    201,
  );
  const spareKeys = [];
  for (const role of ['admin', 'staff']) {
    const made = await json(
      adminCall('POST', '/api/v1/admin/api-keys', 'POST /api/v1/admin/api-keys', {
        role,
        ...(role === 'staff' ? { staff: ids.ana } : {}),
        label: 'spare',
      }),
      201,
    );
    spareKeys.push(String(made.id));
  }
  const feed = await json(
    adminCall('POST', `/api/v1/admin/staff/${ids.ana}/feed`, 'POST /api/v1/admin/staff/:id/feed'),
    201,
  );
  // A password link: Cara's invitation, read from the email it sends.
  await json(adminCall('POST', `/api/v1/admin/staff/${ids.cara}/invite`, 'POST /api/v1/admin/staff/:id/invite'), 201);
  // A picture on each kind (decision 032), so the pages serve their "remove" forms too.
  const picture = (url: string, route: string, field: string): FuzzRequest => ({
    route,
    method: 'PUT',
    url,
    caller: 'admin-key',
    body: { kind: 'file', field, file: 'jpeg' },
  });
  const shown = [
    await json(
      picture(`/api/v1/admin/services/${portraitId}/image`, 'PUT /api/v1/admin/services/:id/image', 'image'),
      200,
    ),
    await json(picture(`/api/v1/admin/staff/${ids.ana}/photo`, 'PUT /api/v1/admin/staff/:id/photo', 'photo'), 200),
  ];
  const imageFiles = shown.map(
    (x) =>
      String(x.imageUrl ?? x.photoUrl)
        .split('/')
        .pop() as string,
  );
  await d.deliver();
  const passwordTokens = d.mail.sent
    .map((m) => /\/admin\/password\/([A-Za-z0-9_-]+)/.exec(m.text)?.[1])
    .filter((t): t is string => t !== undefined);

  const all = [confirmed, paying, deposit, returning, cancelled].map((r) => r.booking);
  const clients = await tdb.store.searchClients(null, 100);
  const spareClient = clients.find((c) => c.email === 'walter@client.test')?.id ?? '1';
  const [rows] = [await tdb.db.query('SELECT count(*)::int AS n FROM bookings')];
  if (Number(rows[0]?.n) !== h.created.size) throw new Error('seeding: booking count');
  return {
    serviceIds: services.map((s) => String(s.id)),
    spare: String(services.find((s) => s.slug === 'spare')?.id),
    slugs: services.map((s) => s.slug),
    staffIds: [ids.ana, ids.ben, ids.cara],
    ...ids,
    bookingIds: [...all.map((b) => String(b.id)), String(byAdmin.id)],
    tokens: [confirmed.token, paying.token, deposit.token, returning.token, cancelled.token],
    references: [...all.map((b) => b.reference), byAdmin.reference],
    amounts: [paying.booking.payment.amountDue, deposit.booking.payment.amountDue, '0.00', '120', '30.000'],
    codes,
    clientEmails: ['zoe@client.test', 'yann@client.test', 'xena@client.test', 'walter@client.test'],
    clientIds: clients.map((c) => c.id),
    spareClient,
    slots,
    webhookIds: [String(hook.id)],
    dayOffIds: [String(dayOff.id), ...anaDaysOff.daysOff.map((x: { id: string }) => String(x.id))],
    spareKeyIds: spareKeys,
    resourceIds: [String(room.id)],
    blockIds: [String(block.id)],
    calendarIds: [String(calendar.id)],
    feedFiles: [String(feed.url).split('/').pop() as string],
    imageFiles,
    passwordTokens,
    payQueries: [paying, deposit].map((r) => new URL(r.next.url).search),
  } satisfies Pools;
}
