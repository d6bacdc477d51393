/**
 * The outbound URL rule at save time (SPEC §8.3, API.md URL_NOT_ALLOWED): a webhook URL whose host
 * is a non-public address — a literal in any spelling the WHATWG parser turns into one, or a name
 * that resolves to one — answers 400 URL_NOT_ALLOWED naming the field, in the API and the form,
 * and nothing is written; ALLOW_PRIVATE_URLS (the policy's allowPrivate) lets them through.
 * Nothing is sent anywhere: names resolve from the test table (support/outbound.ts), and the
 * private literals are only parsed.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { URL_SPELLINGS } from '../fuzz/values.ts';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { LOOPBACK_NAME, testOutbound } from '../support/outbound.ts';
import { signedIn } from '../support/sessions.ts';
import { STUDIO } from '../support/studio.ts';

let tdb: TestDatabase;
let d: Dashboard;

beforeAll(async () => {
  tdb = await openTestDatabase();
});
afterEach(() => expect(d.errors).toEqual([]));

const MIXED = 'mixed.example.test';
/** The default rule (private addresses refused), one name resolving to a public and a private address. */
const start = (allowPrivate = false) =>
  startDashboard(tdb, STUDIO, undefined, {
    outbound: testOutbound({ allowPrivate, names: { [MIXED]: ['93.184.215.14', '10.1.2.3'] } }),
  });

const REFUSED: [url: string, says: string][] = [
  ['http://127.0.0.1:8080/hook', '127.0.0.1 is a loopback address'],
  ['http://2130706433/hook', '127.0.0.1 is a loopback address'],
  ['http://0x7f.1/hook', '127.0.0.1 is a loopback address'],
  ['http://017700000001/hook', '127.0.0.1 is a loopback address'],
  ['http://127.1/hook', '127.0.0.1 is a loopback address'],
  ['https://[::1]/hook', '[::1] is a loopback address'],
  ['http://[::ffff:127.0.0.1]/hook', '[::ffff:7f00:1] is a loopback address'],
  ['http://[0:0:0:0:0:ffff:7f00:1]/hook', '[::ffff:7f00:1] is a loopback address'],
  ['http://0.0.0.0/hook', '0.0.0.0 is an unspecified ("this network") address'],
  ['http://[::]/hook', '[::] is an unspecified address'],
  ['http://10.0.0.1/hook', '10.0.0.1 is a private address'],
  ['http://172.16.5.4/hook', '172.16.5.4 is a private address'],
  ['http://192.168.1.20/hook', '192.168.1.20 is a private address'],
  ['http://100.64.0.1/hook', '100.64.0.1 is a shared (carrier-grade NAT) address'],
  ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a link-local address'],
  ['http://[fe80::1]/hook', '[fe80::1] is a link-local address'],
  ['http://[fd00::1]/hook', '[fd00::1] is a unique local (private) address'],
  ['http://224.0.0.1/hook', '224.0.0.1 is a multicast address'],
  ['http://[64:ff9b::a00:1]/hook', '[64:ff9b::a00:1] is a NAT64 address'],
  ['http://localhost:3000/hook', 'localhost resolves to 127.0.0.1, a loopback address'],
  ['http://LOCALHOST./hook', 'localhost. resolves to 127.0.0.1, a loopback address'],
  [`https://${LOOPBACK_NAME}/hook`, `${LOOPBACK_NAME} resolves to 127.0.0.1, a loopback address`],
  [`https://${MIXED}/hook`, `${MIXED} resolves to 10.1.2.3, a private address`],
];

describe('webhook URLs pointing at non-public addresses', () => {
  it.each(REFUSED)('POST %s → 400 URL_NOT_ALLOWED, nothing written', async (url, says) => {
    d = await start();
    const r = await d.as('admin', 'POST', 'webhooks', { url, events: ['booking.paid'] });
    expect([r.status, r.body.error.code]).toEqual([400, 'URL_NOT_ALLOWED']);
    expect(r.body.error.message).toBe(`The URL must point at a public internet address: ${says}.`);
    expect(r.body.error.details).toEqual({ fields: { url: `a public internet address (${says})` } });
    expect((await d.as('admin', 'GET', 'webhooks')).body.webhooks).toEqual([]);
  });

  it('PATCH to a loopback URL is refused the same way and changes nothing', async () => {
    d = await start();
    // A name that does not resolve now is left to the delivery-time check.
    const made = await d.as('admin', 'POST', 'webhooks', {
      url: 'https://hooks.example.test/in',
      events: ['booking.paid'],
    });
    expect(made.status).toBe(201);
    const r = await d.as('admin', 'PATCH', `webhooks/${made.body.id}`, { url: 'http://2130706433/' });
    expect([r.status, r.body.error.code]).toEqual([400, 'URL_NOT_ALLOWED']);
    expect((await d.as('admin', 'GET', `webhooks/${made.body.id}`)).body).toEqual(made.body);
  });

  it('the form shows the refusal on the URL field, keeps what was typed, and writes nothing', async () => {
    d = await start();
    const admin = await signedIn(tdb, d, 'admin');
    const body = new URLSearchParams([
      ['_csrf', admin.csrf],
      ['url', 'http://localhost:8080/hook'],
      ['events', 'booking.paid'],
    ]);
    const res = await d.app.request('/admin/webhooks', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      body: body.toString(),
    });
    const html = await res.text();
    expect(res.status).toBe(400);
    expect(html).toContain(
      'The URL must be a public internet address (localhost resolves to 127.0.0.1, a loopback address).',
    );
    expect(html).toMatch(/id="f-url" name="url" type="url" value="http:\/\/localhost:8080\/hook"/);
    expect((await d.as('admin', 'GET', 'webhooks')).body.webhooks).toEqual([]);
  });

  it('every URL spelling of the fuzzer is a 400 naming the url field, and writes nothing', async () => {
    d = await start();
    for (const url of URL_SPELLINGS) {
      const r = await d.as('admin', 'POST', 'webhooks', { url, events: ['booking.paid'] });
      expect({
        url,
        status: r.status,
        code: r.body.error?.code,
        field: typeof r.body.error?.details?.fields?.url,
      }).toEqual({
        url,
        status: 400,
        code: expect.stringMatching(/^(URL_NOT_ALLOWED|VALIDATION_FAILED)$/),
        field: 'string',
      });
    }
    expect((await d.as('admin', 'GET', 'webhooks')).body.webhooks).toEqual([]);
  });

  it('a non-http scheme stays a VALIDATION_FAILED (the shape comes first)', async () => {
    d = await start();
    const r = await d.as('admin', 'POST', 'webhooks', { url: 'file:///etc/passwd', events: ['booking.paid'] });
    expect([r.status, r.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('with ALLOW_PRIVATE_URLS the same URLs are accepted', async () => {
    d = await start(true);
    for (const [url] of REFUSED.slice(0, 3)) {
      expect((await d.as('admin', 'POST', 'webhooks', { url, events: ['booking.paid'] })).status).toBe(201);
    }
  });
});
