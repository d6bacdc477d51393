/**
 * What the demo may reach (docs/SECURITY.md, decision 021), with servers started the real way.
 * One rule, "is this site local?" (PUBLIC_URL, or without it the listening address, is a loopback
 * address), decides the three things that must never face the internet: the dev outbox, the
 * stand-in gateway (it signs "paid" with the business's payment secret) and the public demo
 * password. The stand-in gateway also answers only while the business's payment URL points at
 * it, decided on each request. Every server listens on 127.0.0.1; `booking.example.test` is only
 * a string in links, nothing is sent there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from '../src/demo/demo-studio.ts';
import { type RunningServer, startCli } from './support/cli.ts';
import { seedDataDir } from './support/templates.ts';

const NOT_LOCAL = 'https://booking.example.test';
const dirs: string[] = [];
const servers: RunningServer[] = [];

afterAll(async () => {
  await Promise.all(servers.filter((s) => s.child.exitCode === null).map((s) => s.stop()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = seedDataDir(mkdtempSync(join(tmpdir(), 'slotwise-reach-')));
  dirs.push(dir);
  return dir;
}

async function serveDemo(dir: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const s = await startCli(['serve', '--demo', '--port', '0'], { SLOTWISE_DATA_DIR: dir, HOST: '127.0.0.1', ...env });
  servers.push(s);
  return s;
}

const status = async (url: string, init?: RequestInit) => (await fetch(url, { redirect: 'manual', ...init })).status;

/** Signs in to the dashboard API: the session cookie and CSRF token, or the status when refused. */
async function signIn(base: string, email: string, password: string) {
  const r = await fetch(`${base}/api/v1/admin/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await r.json()) as { csrfToken?: string };
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { status: r.status, cookie, csrf: body.csrfToken ?? '' };
}

async function setPaymentUrl(base: string, session: { cookie: string; csrf: string }, paymentUrl: string) {
  const r = await fetch(`${base}/api/v1/admin/settings`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: JSON.stringify({ paymentUrl }),
  });
  expect(r.status).toBe(200);
}

/** A deposit booking on the demo's portrait session: its reference and the gateway URL it is sent to. */
async function awaitingPayment(base: string): Promise<{ reference: string; url: string }> {
  const month = new Date().toISOString().slice(0, 7);
  const get = async (path: string) => (await fetch(`${base}${path}`)).json();
  const { firstAvailable } = (await get(
    `/api/v1/availability/month?service=portrait-session&staff=any&month=${month}`,
  )) as { firstAvailable: string };
  const day = (await get(`/api/v1/availability/day?service=portrait-session&staff=any&date=${firstAvailable}`)) as {
    slots: { start: string }[];
  };
  const r = await fetch(`${base}/api/v1/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      service: 'portrait-session',
      staff: 'any',
      start: day.slots.at(-1)?.start,
      client: { name: 'Reach Test', email: `reach-${Date.now()}@example.test` },
      payment: 'deposit',
    }),
  });
  const body = (await r.json()) as { booking: { reference: string; status: string }; next: { url: string } };
  expect([r.status, body.booking.status]).toEqual([201, 'awaiting_payment']);
  return { reference: body.booking.reference, url: body.next.url };
}

/** The gateway page's signed form, filled in with "Pay". */
async function payForm(gatewayUrl: string): Promise<URLSearchParams> {
  const html = await (await fetch(gatewayUrl)).text();
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)) {
    form.set(m[1] as string, (m[2] as string).replaceAll('&amp;', '&'));
  }
  form.set('outcome', 'paid');
  return form;
}

const bookingStatus = async (base: string, session: { cookie: string }, reference: string) => {
  const r = await fetch(`${base}/api/v1/admin/bookings?q=${reference}&from=2000-01-01&to=2100-01-01`, {
    headers: { cookie: session.cookie },
  });
  return ((await r.json()) as { bookings: { status: string }[] }).bookings[0]?.status;
};

describe('a local demo, then the same data served where it is not local', () => {
  const dir = dataDir();

  it('locally: the stand-in gateway answers only while the payment URL points at it, decided on each request', async () => {
    const s = await serveDemo(dir);
    expect(s.output()).toContain(`sign in as ${DEMO_ADMIN_EMAIL} / ${DEMO_PASSWORD}`);
    const admin = await signIn(s.url, DEMO_ADMIN_EMAIL, DEMO_PASSWORD);
    expect(admin.status).toBe(201);
    const { reference, url } = await awaitingPayment(s.url);
    expect(url.startsWith(`${s.url}/demo/gateway?`)).toBe(true);
    expect(await status(url)).toBe(200);
    const form = await payForm(url);

    // The owner points the business at a real gateway while the server runs.
    await setPaymentUrl(s.url, admin, 'https://pay.example.test/checkout');
    expect(await status(url)).toBe(404);
    expect(await status(`${s.url}/demo/gateway`, { method: 'POST', body: form })).toBe(404);
    expect(await bookingStatus(s.url, admin, reference)).toBe('awaiting_payment');

    // Pointed back at it: it answers again, and the same signed form pays.
    await setPaymentUrl(s.url, admin, `${s.url}/demo/gateway`);
    const paid = await fetch(`${s.url}/demo/gateway`, { method: 'POST', body: form, redirect: 'manual' });
    expect([paid.status, paid.headers.get('location')]).toEqual([303, `${s.url}/return/${reference}`]);
    expect(await bookingStatus(s.url, admin, reference)).toBe('confirmed');
    expect(await status(`${s.url}/dev/mailbox`)).toBe(200);
    expect(await s.stop()).toBe(0);
  }, 120_000);

  it('restarted with a PUBLIC_URL that is not local: no gateway, no outbox, and the public password no longer works', async () => {
    const s = await serveDemo(dir, { PUBLIC_URL: NOT_LOCAL });
    expect(s.output()).not.toContain(DEMO_PASSWORD);
    expect(s.output()).toContain('This demo is not local');
    expect((await signIn(s.url, DEMO_ADMIN_EMAIL, DEMO_PASSWORD)).status).toBe(401);
    // The new password, shown once, works.
    const printed = new RegExp(`sign in as ${DEMO_ADMIN_EMAIL} / (\\S+)`).exec(s.output())?.[1] as string;
    expect(printed).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect((await signIn(s.url, DEMO_ADMIN_EMAIL, printed)).status).toBe(201);
    const staff = /Staff sign-ins \(own bookings and schedule\): (.+)$/m.exec(s.output())?.[1] ?? '';
    const [email, password] = (staff.split(', ')[0] ?? '').split(' / ') as [string, string];
    expect((await signIn(s.url, email, password)).status).toBe(201);
    expect((await signIn(s.url, email, DEMO_PASSWORD)).status).toBe(401);

    // The payment URL still names the local start's gateway: on this site it is not served at all.
    expect(await status(`${s.url}/demo/gateway?amount=1`)).toBe(404);
    expect(await status(`${s.url}/demo/gateway`, { method: 'POST', body: new URLSearchParams() })).toBe(404);
    expect(await status(`${s.url}/dev/mailbox`)).toBe(404);
    expect(await status(`${s.url}/api/v1/dev/mailbox?to=a@b.test`)).toBe(404);
    expect(s.stderr()).toContain('/dev/mailbox is off because this site is not local');
    expect(await s.stop()).toBe(0);

    // A later start prints no password: the ones given were shown once.
    const again = await serveDemo(dir, { PUBLIC_URL: NOT_LOCAL });
    expect(again.output()).toMatch(/Dashboard: \S+\/admin\n/);
    expect(again.output()).not.toContain(printed);
    expect(again.output()).not.toContain(DEMO_PASSWORD);
  }, 180_000);
});

describe('a data directory that once held the demo, served without --demo where it is not local', () => {
  it('loses the public password before the first request, and prints the new ones once', async () => {
    const dir = dataDir();
    const demo = await serveDemo(dir);
    expect(demo.output()).toContain(`sign in as ${DEMO_ADMIN_EMAIL} / ${DEMO_PASSWORD}`);
    expect(await demo.stop()).toBe(0);

    const s = await startCli(['serve', '--port', '0'], {
      SLOTWISE_DATA_DIR: dir,
      HOST: '127.0.0.1',
      PUBLIC_URL: NOT_LOCAL,
    });
    servers.push(s);
    expect(s.output()).not.toContain(DEMO_PASSWORD);
    expect((await signIn(s.url, DEMO_ADMIN_EMAIL, DEMO_PASSWORD)).status).toBe(401);
    const printed = new RegExp(`sign in as ${DEMO_ADMIN_EMAIL} / (\\S+)`).exec(s.output())?.[1] as string;
    expect((await signIn(s.url, DEMO_ADMIN_EMAIL, printed)).status).toBe(201);
    expect(await s.stop()).toBe(0);
  }, 180_000);
});

describe('a demo first started where it is not local', () => {
  it('never has the public password, prints its own once, and serves neither the gateway nor the outbox', async () => {
    const s = await serveDemo(dataDir(), { PUBLIC_URL: NOT_LOCAL });
    expect(s.output()).toMatch(/Loaded the demo studio/);
    expect(s.output()).not.toContain(DEMO_PASSWORD);
    expect((await signIn(s.url, DEMO_ADMIN_EMAIL, DEMO_PASSWORD)).status).toBe(401);
    const printed = new RegExp(`sign in as ${DEMO_ADMIN_EMAIL} / (\\S+)`).exec(s.output())?.[1] as string;
    const admin = await signIn(s.url, DEMO_ADMIN_EMAIL, printed);
    expect(admin.status).toBe(201);
    // No stand-in gateway was set up: the business has no payment URL, so nothing can be "paid" here.
    const settings = await fetch(`${s.url}/api/v1/admin/settings`, { headers: { cookie: admin.cookie } });
    expect(((await settings.json()) as { paymentUrl: string | null }).paymentUrl).toBeNull();
    expect(await status(`${s.url}/demo/gateway`)).toBe(404);
    expect(await status(`${s.url}/dev/mailbox`)).toBe(404);
    // Even pointed at this site's own stand-in gateway, it is not served where it is not local.
    const point = await fetch(`${s.url}/api/v1/admin/settings`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      body: JSON.stringify({
        paymentUrl: `${NOT_LOCAL}/demo/gateway`,
        paymentSecret: 'a-secret-of-the-owner-0123456789',
      }),
    });
    expect(point.status).toBe(200);
    const { url } = await awaitingPayment(s.url);
    expect(url.startsWith(`${NOT_LOCAL}/demo/gateway?`)).toBe(true);
    expect(await status(`${s.url}/demo/gateway${new URL(url).search}`)).toBe(404);
  }, 120_000);

  it('PUBLIC_URL naming this machine (localhost) is local: the outbox is served', async () => {
    const s = await serveDemo(dataDir(), { PUBLIC_URL: 'http://localhost:3999' });
    expect(s.output()).toContain(`sign in as ${DEMO_ADMIN_EMAIL} / ${DEMO_PASSWORD}`);
    expect(await status(`${s.url}/dev/mailbox`)).toBe(200);
  }, 120_000);
});
