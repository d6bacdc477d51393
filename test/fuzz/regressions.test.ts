/**
 * The bugs the fuzzer found, each pinned by the request that showed it and the exact answer it
 * must get now (every one used to answer 500 INTERNAL, or, for the oversized forms, read the whole
 * body). The harness checks the rest of each answer as in the fuzz runs: nothing logged, API.md's
 * error shape on /api, no internals in a page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import type { FuzzRequest } from './harness.ts';
import { startWorld, type World } from './world.ts';

let tdb: TestDatabase;
let w: World;

beforeAll(async () => {
  tdb = await openTestDatabase();
  w = await startWorld(tdb);
});
afterAll(() => tdb.close());

const get = (route: string, url: string): FuzzRequest => ({ route, method: 'GET', url, caller: 'anonymous' });
const code = (text: string) => JSON.parse(text).error.code;

/** A multipart body cut off before its closing boundary: parsing it throws. */
const brokenMultipart = {
  kind: 'raw',
  text: '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated',
  type: 'multipart/form-data; boundary=b',
} as const;

describe('regressions found by the fuzzer', () => {
  it('a service reference with a NUL character is an unknown service (store: findService)', async () => {
    const one = await w.h.send(get('GET /api/v1/services/:ref', '/api/v1/services/portrait%00'));
    expect([one.status, code(one.text)]).toEqual([404, 'NOT_FOUND']);
    const day = await w.h.send(
      get('GET /api/v1/availability/day', '/api/v1/availability/day?service=a%00&date=2027-03-29'),
    );
    expect([day.status, code(day.text)]).toEqual([404, 'NOT_FOUND']);
  });

  it('the API docs serve only their own files, not names of Object.prototype (docs-routes)', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const a = await w.h.send(get('GET /api/docs/assets/:file', `/api/docs/assets/${name}`));
      expect([name, a.status, code(a.text)]).toEqual([name, 404, 'NOT_FOUND']);
    }
  });

  it('signing in or asking for a reset with a NUL in the email is a plain failure (store: findUserByEmail)', async () => {
    const api = await w.h.send({
      route: 'POST /api/v1/admin/session',
      method: 'POST',
      url: '/api/v1/admin/session',
      caller: 'anonymous',
      body: { kind: 'json', value: { email: 'admin@studio.test\u0000', password: 'correct horse battery' } },
    });
    expect([api.status, code(api.text)]).toEqual([401, 'UNAUTHORIZED']);
    const page = await w.h.send({
      route: 'POST /admin/sign-in',
      method: 'POST',
      url: '/admin/sign-in',
      caller: 'anonymous',
      body: {
        kind: 'form',
        fields: [
          ['email', 'a\u0000b'],
          ['password', 'correct horse battery'],
        ],
      },
    });
    expect(page.status).toBe(401); // the form's own token is sent (harness): the password check runs
    expect(page.text).toContain('Wrong email or password.');
    const forgot = await w.h.send({
      route: 'POST /admin/forgot',
      method: 'POST',
      url: '/admin/forgot',
      caller: 'anonymous',
      body: { kind: 'form', fields: [['email', 'ana@studio.test\u0000']] },
    });
    expect(forgot.status).toBe(200);
  });

  it('the demo gateway reads a malformed form as empty: not signed (demo-gateway)', async () => {
    const a = await w.h.send({
      route: 'POST /demo/gateway',
      method: 'POST',
      url: '/demo/gateway',
      caller: 'anonymous',
      body: brokenMultipart,
    });
    expect(a.status).toBe(400);
    expect(a.text).toContain('This payment is not correctly signed.');
  });

  it('a dashboard form whose body does not parse has no CSRF token: 403, not 500 (admin/auth)', async () => {
    for (const [route, url] of [
      ['POST /admin/settings', '/admin/settings'],
      ['POST /admin/account/sign-out-everywhere', '/admin/account/sign-out-everywhere'],
      ['POST /admin/bookings/new', '/admin/bookings/new'],
    ] as const) {
      const a = await w.h.send({ route, method: 'POST', url, caller: 'admin-session', body: brokenMultipart });
      expect([url, a.status]).toEqual([url, 403]);
      expect(a.text).toBe('This form has expired or did not come from this site. Go back, reload and try again.');
    }
  });

  it('the public pages refuse a form over 64 KiB before reading it (app: body limit)', async () => {
    const token = w.pools.tokens[0] as string;
    for (const [route, url] of [
      ['POST /book/:slug/details', '/book/portrait/details'],
      ['POST /manage/:token/cancel', `/manage/${token}/cancel`],
      ['POST /manage/:token/verify', `/manage/${token}/verify`],
      ['POST /demo/gateway', '/demo/gateway'],
    ] as const) {
      const a = await w.h.send({
        route,
        method: 'POST',
        url,
        caller: 'anonymous',
        body: { kind: 'oversized', bytes: 70_000, shape: 'form' },
      });
      expect([route, a.status, a.text]).toEqual([route, 413, 'The form is too large.']);
    }
    // Nothing was cancelled by the oversized form.
    const [row] = await tdb.db.query("SELECT count(*)::int AS n FROM bookings WHERE status = 'cancelled'");
    expect(row?.n).toBe(1); // the one seeded cancelled
  });

  it('a signed callback with a lone surrogate in its transaction id is refused as malformed (jsonb would refuse it)', async () => {
    const reference = w.pools.references[0] as string;
    const a = await w.h.send({
      route: 'POST /api/v1/payments/callback',
      method: 'POST',
      url: '/api/v1/payments/callback',
      caller: 'anonymous',
      body: {
        kind: 'signed',
        value: { reference, amount: '120.00', currency: 'EUR', status: 'paid', transactionId: '\ud800' },
        signature: 'good',
      },
    });
    expect([a.status, code(a.text), JSON.parse(a.text).error.details.fields]).toEqual([
      400,
      'VALIDATION_FAILED',
      { transactionId: 'must be valid Unicode text' },
    ]);
    const [row] = await tdb.db.query('SELECT count(*)::int AS n FROM payments');
    expect(row?.n).toBe(0);
  });
});
