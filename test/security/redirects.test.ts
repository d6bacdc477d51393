/**
 * No open redirects. Every redirect whose target comes from a request: the sign-in page's `next`
 * (query and form, signed in or not) must end on this site, whatever the spelling of another
 * host (absolute, scheme-relative, backslashes, dot segments that collapse into "//", encoded,
 * control characters, javascript:); the page guard's own `next` is the path asked for; the manage
 * pages redirect to the token's page even when the token is not one; the language links keep the
 * page's path but never become a link to another host; the demo gateway returns only to this
 * site. Other redirects in src/http go to fixed paths or to the business's own payment gateway
 * (settings, an admin's choice).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentSignature } from '../../src/app/payment-link.ts';
import { safeNext } from '../../src/http/admin/form-kit/posted-form.ts';
import { createApp } from '../../src/http/app.ts';
import { LOCALES } from '../../src/i18n/locale.ts';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { PUBLIC_URL, SECRET } from '../support/lifecycle.ts';
import { testOutbound } from '../support/outbound.ts';
import { browser, EMAILS, makeAccount, PASSWORD, signedIn, valueIn } from '../support/sessions.ts';

let tdb: TestDatabase;
let d: Dashboard;
beforeAll(async () => {
  tdb = await openTestDatabase();
  d = await startDashboard(tdb);
});
afterAll(async () => {
  expect(d.errors).toEqual([]);
  await tdb.close();
});

/** Spellings of another host (or of script) a `next` might try. */
const HOSTILE_NEXT = [
  'https://evil.example/',
  'http:evil.example',
  '//evil.example',
  '///evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  ' //evil.example',
  '/.//evil.example',
  '/admin/..//evil.example',
  '/%2e%2e//evil.example',
  '/admin/%2e%2e/%2e%2e//evil.example',
  '%2F%2Fevil.example',
  'javascript:alert(1)',
  '/javascript:alert(1)//',
  'evil.example',
  '',
];

describe('safeNext: where to go after signing in', () => {
  it.each(HOSTILE_NEXT.filter((n) => n !== '/javascript:alert(1)//'))('%j → /admin', (next) => {
    expect(safeNext(next)).toBe('/admin');
  });

  it.each([
    ['/admin/bookings?from=2027-03-01#list', '/admin/bookings?from=2027-03-01#list'],
    ['/admin/staff/1', '/admin/staff/1'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'], // a path on this site: browsers do not decode %2F here
    ['/javascript:alert(1)//', '/javascript:alert(1)//'], // a path too
    ['/admin/./bookings', '/admin/bookings'],
  ])('%j stays on this site as %j', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});

/** Where a Location header leads from this site: its origin and path. */
const lands = (location: string | null) => {
  const u = new URL(location ?? 'about:blank', PUBLIC_URL);
  return { origin: u.origin, path: u.pathname };
};

describe('the sign-in redirect, over HTTP', () => {
  it('signing in with each hostile next lands on /admin of this site', async () => {
    await makeAccount(tdb, d, 'admin');
    for (const next of HOSTILE_NEXT) {
      const b = browser(d);
      const form = await b.page(`/admin/sign-in?next=${encodeURIComponent(next)}`);
      expect(valueIn(form.html, 'next'), JSON.stringify(next)).toMatch(/^\/(?![/\\])/);
      const r = await b.form('/admin/sign-in', {
        _csrf: valueIn(form.html, '_csrf'),
        email: EMAILS.admin,
        password: PASSWORD,
        next,
      });
      expect(r.status).toBe(303);
      expect(lands(r.location), JSON.stringify(next)).toEqual({ origin: PUBLIC_URL, path: safeNext(next) });
      expect(r.location?.startsWith('/'), JSON.stringify(next)).toBe(true);
      expect(r.location?.startsWith('//'), JSON.stringify(next)).toBe(false);
    }
  });

  it('already signed in, the sign-in page sends each hostile next to /admin', async () => {
    const b = await signedIn(tdb, d, 'ana');
    for (const next of HOSTILE_NEXT) {
      const r = await b.page(`/admin/sign-in?next=${encodeURIComponent(next)}`);
      expect([r.status, r.location], JSON.stringify(next)).toEqual([303, safeNext(next)]);
    }
  });

  it('the page guard asks to come back to the path asked for, on this site', async () => {
    const r = await browser(d).page('/admin/bookings?from=2027-03-01');
    expect([r.status, r.location]).toEqual([303, '/admin/sign-in?next=%2Fadmin%2Fbookings%3Ffrom%3D2027-03-01']);
  });
});

describe('manage pages', () => {
  it('a token that is not one (CR LF, slashes) is redirected to its own encoded path, never a 500', async () => {
    for (const token of ['%0d%0aSet-Cookie:%20x=1', '%2F%2Fevil.example', '..%2F..%2F%2Fevil.example']) {
      const r = await d.app.request(`/manage/${token}/reschedule`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: '',
      });
      expect(r.status, token).toBe(303);
      expect(r.headers.get('location'), token).toBe(
        `/manage/${encodeURIComponent(decodeURIComponent(token))}/reschedule`,
      );
      expect(r.headers.get('set-cookie')).toBeNull();
    }
  });
});

describe('language links', () => {
  it.each(['//evil.example/x', '/\\evil.example/x', '///evil.example'])(
    'on %s, every link stays on this site',
    async (path) => {
      const r = await d.app.request(path);
      expect(r.status).toBe(404);
      const hrefs = [...(await r.text()).matchAll(/href="([^"]*)"/g)].map((m) => m[1] as string);
      const langs = hrefs.filter((h) => h.includes('lang='));
      expect(langs).toHaveLength(LOCALES.length - 1); // every other language
      for (const href of hrefs) {
        expect(href, href).toMatch(/^(\/(?![/\\])|#)/);
        expect(new URL(href, PUBLIC_URL).origin).toBe(PUBLIC_URL);
      }
    },
  );
});

describe('the demo gateway', () => {
  it('returns only to this site: a signed return URL elsewhere gets a page, not a redirect', async () => {
    const app = createApp({
      outbound: testOutbound(),
      store: tdb.store,
      clock: d.clock,
      secret: SECRET,
      publicUrl: PUBLIC_URL,
      demoGateway: true,
      logError: (e) => d.errors.push(e),
    });
    const paymentSecret = 'g'.repeat(24);
    await tdb.store.applySetup(
      { business: { paymentUrl: `${PUBLIC_URL}/demo/gateway`, paymentSecret } },
      async (p) => p,
    );
    /** A booking awaiting payment, paid through the gateway with this return URL. */
    const hours = ['09', '10', '11', '13', '14', '15']; // Ana's Monday, around her lunch break
    const pay = async (returnUrl: string) => {
      const booked = await d.post('/bookings', {
        service: 'portrait',
        staff: d.staffIds.ana,
        start: `2027-04-12T${hours.shift()}:00:00+02:00`,
        client: { name: 'Payer', email: `payer${hours.length}@example.com` },
        payment: 'full',
      });
      expect(booked.body?.booking?.status, JSON.stringify(booked.body)).toBe('awaiting_payment');
      const request = { amount: '120.00', currency: 'EUR', reference: booked.body.booking.reference, returnUrl };
      const body = new URLSearchParams({
        ...request,
        signature: paymentSignature(request, paymentSecret),
        outcome: 'paid',
      });
      return app.request('/demo/gateway', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
      });
    };
    // This site: back to the manage page.
    const home = await pay(`${PUBLIC_URL}/manage/abc`);
    expect([home.status, home.headers.get('location')]).toEqual([303, `${PUBLIC_URL}/manage/abc`]);
    for (const returnUrl of [
      'https://evil.example/',
      `${PUBLIC_URL}.evil.example/`,
      `${PUBLIC_URL}@evil.example/`,
      '//evil.example/',
      'javascript:alert(1)',
    ]) {
      const r = await pay(returnUrl);
      expect([r.status, r.headers.get('location')], returnUrl).toEqual([200, null]);
      expect(await r.text()).toContain('The payment went through.');
    }
  });
});
