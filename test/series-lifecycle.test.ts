/**
 * A recurring series after it is booked (SPEC §9.2, decision 031): proven once for all its
 * occurrences, announced in one email per audience with one calendar event per occurrence (in the
 * client's language), one `booking.confirmed` webhook event per occurrence, and one manage link
 * that cancels one occurrence, cancels the rest, and reschedules one — never outside its series.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from './support/db.ts';
import { type Body, codeIn, type Lifecycle, startLifecycle } from './support/lifecycle.ts';
import { WITH_REPEAT } from './support/studio.ts';

let tdb: TestDatabase;
let t: Lifecycle;

beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(async () => {
  await tdb.close();
});
beforeEach(async () => {
  t = await startLifecycle(tdb, WITH_REPEAT);
  await tdb.db.query(
    `INSERT INTO webhooks (url, secret, events) VALUES ('https://hooks.invalid/x', 'k', ARRAY['booking.confirmed'])`,
  );
});

const weekly = (email: string, count = 3, extra: Record<string, unknown> = {}) => ({
  service: 'portrait',
  staff: '1',
  start: '2027-04-12T10:00:00+02:00',
  client: { name: 'Tess Tutee', email },
  repeat: { frequency: 'weekly', count },
  ...extra,
});

const confirmedEvents = async () =>
  (await tdb.db.query(`SELECT payload FROM jobs WHERE kind = 'webhook.event'`))
    .map((r) => r.payload as { type: string; booking: { id: string } })
    .filter((p) => p.type === 'booking.confirmed')
    .map((p) => p.booking.id);

const statuses = async (token: string) =>
  ((await t.call(`/manage/${token}`)).body as Body).series.bookings.map((b: Body) => [b.start.slice(0, 10), b.status]);

describe('a series after booking (SPEC §9.2)', () => {
  it('one email per audience in the client language, one VEVENT per occurrence, one webhook event each', async () => {
    const r = await t.post('/bookings', weekly('tess@series.test', 3, { locale: 'fr' }));
    expect(r.status).toBe(201);
    const ids = r.body.series.bookings.map((b: Body) => b.id);
    expect((await confirmedEvents()).sort()).toEqual([...ids].sort());
    await t.deliver();
    const mails = t.mail.to('tess@series.test');
    expect(mails).toHaveLength(1);
    const mail = mails[0] as Body;
    expect(mail.text).toContain('Une série de 3 rendez-vous');
    const ics = String(mail.attachments[0].content);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(ics).not.toContain('RRULE');
    expect(t.mail.to('ana@studio.test')).toHaveLength(1);
  });

  it('a known client proves the email once and every occurrence is confirmed', async () => {
    expect(
      (
        await t.post('/bookings', {
          ...weekly('known@series.test'),
          repeat: undefined,
          start: '2027-04-01T10:00:00+02:00',
        })
      ).status,
    ).toBe(201);
    const r = await t.post('/bookings', weekly('known@series.test'));
    expect(r.body.series.bookings.map((b: Body) => b.status)).toEqual(Array(3).fill('pending_verification'));
    await t.deliver();
    const code = codeIn((t.mail.to('known@series.test').at(-1) as Body).text);
    const v = await t.post(`/manage/${r.body.token}/verify`, { code });
    expect(v.status).toBe(200);
    expect((await statuses(r.body.token)).map((s: string[]) => s[1])).toEqual(Array(3).fill('confirmed'));
  });

  it('one link: cancel one occurrence, reschedule another, cancel the rest; never a booking outside the series', async () => {
    const r = await t.post('/bookings', weekly('tess@series.test', 4));
    const token = r.body.token;
    const [first, second, third] = r.body.series.bookings.map((b: Body) => b.id);
    const one = await t.post(`/manage/${token}/cancel`, { scope: 'one', bookingId: second });
    expect(one.status).toBe(200);
    expect(one.body.series.bookings.map((b: Body) => b.status)).toEqual([
      'confirmed',
      'cancelled',
      'confirmed',
      'confirmed',
    ]);
    const moved = await t.post(`/manage/${token}/reschedule`, { bookingId: third, start: '2027-04-26T14:00:00+02:00' });
    expect([moved.status, moved.body.id, moved.body.start]).toEqual([200, third, '2027-04-26T14:00:00+02:00']);
    const rest = await t.post(`/manage/${token}/cancel`, { scope: 'rest', bookingId: third });
    expect(rest.status).toBe(200);
    expect(await statuses(token)).toEqual([
      ['2027-04-12', 'confirmed'],
      ['2027-04-19', 'cancelled'],
      ['2027-04-26', 'cancelled'],
      ['2027-05-03', 'cancelled'],
    ]);
    expect(first).toBeDefined();
    const other = await t.post('/bookings', {
      ...weekly('x@series.test'),
      repeat: undefined,
      start: '2027-06-07T10:00:00+02:00',
    });
    const outside = await t.post(`/manage/${token}/cancel`, { scope: 'one', bookingId: other.body.booking.id });
    expect([outside.status, outside.body.error.code]).toEqual([404, 'NOT_FOUND']);
    const outsideMove = await t.post(`/manage/${token}/reschedule`, {
      bookingId: other.body.booking.id,
      start: '2027-06-07T14:00:00+02:00',
    });
    expect(outsideMove.status).toBe(404);
    expect((await t.call(`/manage/${other.body.token}`)).body.status).toBe('confirmed');
  });

  it('the manage page lists every date of the series; its forms cancel one date, or it and every later one', async () => {
    const r = await t.post('/bookings', weekly('page@series.test', 3));
    const token = r.body.token;
    const [, second] = r.body.series.bookings.map((b: Body) => b.id);
    const page = await (await t.app.request(`/manage/${token}`)).text();
    expect(page).toContain('id="series-title"');
    expect(page.match(/name="scope" value="rest"/g)).toHaveLength(3);
    const form = (scope: string, bookingId: string) =>
      t.app.request(`/manage/${token}/series-cancel`, {
        method: 'POST',
        body: new URLSearchParams({ scope, bookingId }),
      });
    expect((await form('rest', second)).status).toBe(303);
    expect((await statuses(token)).map((x: string[]) => x[1])).toEqual(['confirmed', 'cancelled', 'cancelled']);
    const after = await (await t.app.request(`/manage/${token}`)).text();
    expect(after.match(/name="scope" value="rest"/g)).toHaveLength(1);
  });

  it('the manage page changes one date: its reschedule page moves that occurrence only, under its own limit', async () => {
    const r = await t.post('/bookings', weekly('move@series.test', 3));
    const token = r.body.token;
    const [first, second, third] = r.body.series.bookings.map((b: Body) => b.id);
    const page = await (await t.app.request(`/manage/${token}`)).text();
    for (const id of [first, second, third]) expect(page).toContain(`href="/manage/${token}/reschedule/${id}"`);
    const form = await t.app.request(`/manage/${token}/reschedule/${second}?date=2027-04-20&tz=Europe/Paris`);
    const html = await form.text();
    expect(form.status).toBe(200);
    expect(html).toContain(`action="/manage/${token}/reschedule/${second}"`);
    // The occurrence's own date is the current one (19 April), not the link's first (12 April).
    expect(html).toContain('Currently: Monday, 19 April 2027, 10:00');
    const moved = await t.app.request(`/manage/${token}/reschedule/${second}`, {
      method: 'POST',
      body: new URLSearchParams({ start: '2027-04-20T14:00:00+02:00', staff: '1', tz: 'Europe/Paris' }),
    });
    expect([moved.status, moved.headers.get('location')]).toEqual([303, `/manage/${token}?moved=1`]);
    expect(await statuses(token)).toEqual([
      ['2027-04-12', 'confirmed'],
      ['2027-04-20', 'confirmed'],
      ['2027-04-26', 'confirmed'],
    ]);
    const counts = await tdb.db.query(
      'SELECT id, reschedule_count FROM bookings WHERE series_id IS NOT NULL ORDER BY id',
    );
    expect(counts.map((c) => Number(c.reschedule_count))).toEqual([0, 1, 0]);
    // At its limit, that occurrence has no change link and its page refuses; the others keep theirs.
    await tdb.db.query('UPDATE bookings SET reschedule_count = 99 WHERE id = $1', [second]);
    const after = await (await t.app.request(`/manage/${token}`)).text();
    expect(after).not.toContain(`/reschedule/${second}"`);
    expect(after).toContain(`/reschedule/${third}"`);
    expect((await t.app.request(`/manage/${token}/reschedule/${second}`)).status).toBe(409);
    // Nothing outside the series, and no malformed id.
    const other = await t.post('/bookings', {
      ...weekly('y@series.test'),
      repeat: undefined,
      start: '2027-06-07T10:00:00+02:00',
    });
    expect((await t.app.request(`/manage/${token}/reschedule/${other.body.booking.id}`)).status).toBe(404);
    expect((await t.app.request(`/manage/${token}/reschedule/x1`)).status).toBe(404);
  });
});
