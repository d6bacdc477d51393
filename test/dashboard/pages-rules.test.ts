/**
 * Issue 20 in the dashboard's pages: the service form's questions (add, reorder, retire) and
 * cancellation tiers; a past booking marked from the list (a future one refused); the cancel form
 * showing the tier that would apply and an admin's override with a reason; the settings' warning
 * for free services at the no-show limit; the reports page (a chart beside its table, Chart.js
 * from our own assets) and its CSV download.
 *
 * Studio: test/support/rules-studio.ts (now Fri 2027-03-26 12:00 Paris).
 */
import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import type { Body } from '../support/lifecycle.ts';
import { PAY_SECRET, RULES_STUDIO } from '../support/rules-studio.ts';
import { signedIn } from '../support/sessions.ts';

let tdb: TestDatabase;
let d: Dashboard;
beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(() => tdb.close());
beforeEach(async () => {
  d = await startDashboard(tdb, RULES_STUDIO);
});
afterEach(() => expect(d.errors).toEqual([]));

/** A confirmed portrait with its deposit paid. */
async function paidBooking(start = '2027-03-29T10:00:00+02:00', email = 'ada@example.com'): Promise<Body> {
  const r = await d.post('/bookings', {
    service: 'portrait',
    staff: d.staffIds.ana,
    start,
    client: { name: 'Ada Lovelace', email },
    payment: 'deposit',
    answers: { people: 2 },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const body = JSON.stringify({
    reference: r.body.booking.reference,
    amount: '30.00',
    currency: 'EUR',
    status: 'paid',
    transactionId: `tx-${r.body.booking.reference}`,
  });
  await d.call('/api/v1/payments/callback', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-slotwise-signature': `sha256=${createHmac('sha256', PAY_SECRET).update(body).digest('hex')}`,
    },
    body,
  });
  return r.body.booking;
}

/** Every named field of the service page's form, as the browser would post it. */
function formFields(html: string): Record<string, string> {
  const form = /<form method="post" action="\/admin\/services\/\d+"[^>]*>(.*?)<\/form>/s.exec(html)?.[1] ?? '';
  const out: Record<string, string> = {};
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1] as string;
    const name = /name="([^"]+)"/.exec(attrs)?.[1];
    if (!name) continue;
    const type = /type="([^"]+)"/.exec(attrs)?.[1];
    if (type === 'checkbox') {
      if (/checked/.test(attrs)) out[name] = /value="([^"]*)"/.exec(attrs)?.[1] ?? 'on';
    } else out[name] = (/value="([^"]*)"/.exec(attrs)?.[1] ?? '').replaceAll('&amp;', '&');
  }
  for (const m of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>(.*?)<\/select>/gs)) {
    out[m[1] as string] = /<option value="([^"]*)" selected/.exec(m[2] as string)?.[1] ?? '';
  }
  for (const m of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>(.*?)<\/textarea>/gs)) {
    out[m[1] as string] = (m[2] as string).replaceAll('&amp;', '&');
  }
  return out;
}

describe('the service form', () => {
  it('adds a question, reorders, retires one (its past answers kept) and edits the tiers', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const id = (await tdb.store.findService('portrait'))?.id as string;
    const page = await admin.page(`/admin/services/${id}`);
    expect(page.status).toBe(200);
    const fields = formFields(page.html);
    expect(fields['q0-key']).toBe('people');
    expect(fields['p1-refund']).toBe('deposit_kept');
    const posted = await admin.form(`/admin/services/${id}`, {
      ...fields,
      // The new row (the 4th) becomes the first; "style" is retired; the last tier moves to 12 h.
      'q3-key': 'pets',
      'q3-type': 'yesNo',
      'q3-label-en': 'Bringing a pet?',
      'q3-order': '0',
      'q2-retired': 'on',
      'p2-hours': '0',
      'p1-hours': '12',
    });
    expect(posted.status, posted.html.slice(0, 2000)).toBe(303);
    const service = await tdb.store.findService('portrait');
    expect(service?.questions.map((q) => [q.key, q.retired === true])).toEqual([
      ['pets', false],
      ['people', false],
      ['health', false],
      ['style', true],
    ]);
    expect(service?.cancellationPolicy).toEqual([
      { untilHoursBefore: 48, refund: 'full' },
      { untilHoursBefore: 12, refund: 'deposit_kept' },
      { untilHoursBefore: 0, refund: 'none_online' },
    ]);
  });

  it('refuses tiers out of order, naming the row, and keeps the service as it was', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const id = (await tdb.store.findService('portrait'))?.id as string;
    const fields = formFields((await admin.page(`/admin/services/${id}`)).html);
    const r = await admin.form(`/admin/services/${id}`, { ...fields, 'p1-hours': '72' });
    expect(r.status).toBe(400);
    expect(r.html).toMatch(/href="#f-p1-hours">Cancellation rule 2: hours/);
    expect((await tdb.store.findService('portrait'))?.cancellationPolicy[1]?.untilHoursBefore).toBe(24);
  });
});

describe('outcomes and cancels in the pages', () => {
  it('marks a past booking no-show from the list, refuses a future one, and counts the client’s no-shows', async () => {
    const past = await paidBooking();
    const future = await paidBooking('2027-04-01T10:00:00+02:00', 'bo@example.com');
    d.clock.set('2027-03-29T12:00:00+02:00');
    const admin = await signedIn(tdb, d, 'admin');
    const list = await admin.page('/admin/bookings?from=2027-03-29&to=2027-04-01');
    expect(list.html).toContain(`action="/admin/bookings/${past.id}/outcome"`);
    expect(list.html).not.toContain(`action="/admin/bookings/${future.id}/outcome"`);
    const back = '/admin/bookings?from=2027-03-29&to=2027-04-01';
    const marked = await admin.form(`/admin/bookings/${past.id}/outcome`, { outcome: 'no_show', back });
    expect([marked.status, marked.location]).toEqual([303, back]);
    expect((await d.as('admin', 'GET', `bookings/${past.id}`)).body.outcome).toBe('no_show');
    const early = await admin.form(`/admin/bookings/${future.id}/outcome`, { outcome: 'completed' });
    expect(early.status).toBe(409);
    expect((await d.as('admin', 'GET', `bookings/${future.id}`)).body.outcome).toBeNull();
    const page = await admin.page(`/admin/bookings/${past.id}`);
    expect(page.html).toContain('<dt>Client’s no-shows</dt><dd>1</dd>');
  });

  it('lists the past unmarked bookings under the calendar, marks one there and comes back; the page’s own buttons stay on the booking', async () => {
    const past = await paidBooking();
    const other = await paidBooking('2027-03-29T14:00:00+02:00', 'bo@example.com');
    d.clock.set('2027-03-29T16:00:00+02:00');
    const ana = await signedIn(tdb, d, 'ana');
    const calendar = await ana.page('/admin');
    expect(calendar.html).toContain('Bookings to mark');
    expect(calendar.html).toContain(`action="/admin/bookings/${past.id}/outcome"`);
    const r = await ana.form(`/admin/bookings/${past.id}/outcome`, { outcome: 'completed', back: '/admin' });
    expect([r.status, r.location]).toEqual([303, '/admin']);
    const after = await ana.page('/admin');
    expect(after.html).not.toContain(`action="/admin/bookings/${past.id}/outcome"`);
    expect(after.html).toContain(`action="/admin/bookings/${other.id}/outcome"`);
    // From the booking's own page (no `back`): back to the booking, with a notice.
    const own = await ana.form(`/admin/bookings/${other.id}/outcome`, { outcome: 'no_show' });
    expect(own.location).toBe(`/admin/bookings/${other.id}?done=no_show`);
    expect((await ana.page('/admin')).html).not.toContain('Bookings to mark');
  });

  it('shows the tier a cancel would apply, and an admin’s override needs a reason', async () => {
    const b = await paidBooking();
    d.clock.set('2027-03-28T09:00:00+02:00');
    const admin = await signedIn(tdb, d, 'admin');
    const page = await admin.page(`/admin/bookings/${b.id}`);
    expect(page.html).toContain('a cancel now means: <strong>Deposit kept: refund €0.00, keep €30.00</strong>');
    const noReason = await admin.form(`/admin/bookings/${b.id}/cancel`, { refund: 'full', notify: '1' });
    expect(noReason.status).toBe(400);
    expect((await d.as('admin', 'GET', `bookings/${b.id}`)).body.status).toBe('confirmed');
    const done = await admin.form(`/admin/bookings/${b.id}/cancel`, { refund: 'full', reason: 'Our mistake' });
    expect(done.status).toBe(303);
    expect((await d.as('admin', 'GET', `bookings/${b.id}`)).body.cancellation).toMatchObject({
      refund: 'full',
      refundDue: '30.00',
      overridden: true,
    });
  });
});

describe('settings and reports pages', () => {
  it('warns that the no-show limit cannot apply to free services', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const page = await admin.page('/admin/settings');
    expect(page.html).toMatch(/id="no-show-warning">It cannot apply to free services[^<]*“Consultation”/);
  });

  it('draws each figure beside its table with our own Chart.js, and downloads the CSV', async () => {
    await paidBooking();
    const admin = await signedIn(tdb, d, 'admin');
    const page = await admin.page('/admin/reports?from=2027-03-29&to=2027-04-04');
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/<script defer="" src="\/assets\/chart\.js\?v=[0-9a-f]{10}"><\/script>/);
    expect(page.html).not.toMatch(/<script>|src="https?:/);
    expect(page.html).toContain('<canvas id="weeks-bookings-chart" role="img"');
    expect(page.html).toContain('<table id="weeks-bookings-table" class="list">');
    expect(page.html).toMatch(/<th scope="row">2027-03-29<\/th><td>1<\/td>/);
    const js = await d.app.request(/src="(\/assets\/chart\.js\?v=[0-9a-f]+)"/.exec(page.html)?.[1] as string);
    expect([js.status, (await js.text()).length > 100_000]).toEqual([200, true]);
    const csv = await admin.page('/admin/reports/export.csv?from=2027-03-29&to=2027-04-04');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    // In the reader's language (here English); `?columns=api` keeps the API's machine names.
    expect(csv.html.split('\n')[0]).toMatch(/^Row,Week of,/);
    expect(csv.html.split('\n')[1]).toMatch(/^Total,/);
    const api = await admin.page('/admin/reports/export.csv?from=2027-03-29&to=2027-04-04&columns=api');
    expect(api.html.split('\n')[1]).toMatch(/^total,/);
    const ana = await signedIn(tdb, d, 'ana');
    expect((await ana.page(`/admin/reports?staff=${d.staffIds.ben}`)).status).toBe(404);
  });
});
