/**
 * The newcomer's path: `slotwise serve --demo` on an empty data directory serves the demo studio;
 * every service has month and day availability; a booking's time disappears at once; the data
 * survives a restart; a second process cannot open the data directory meanwhile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, runCli, startCli } from './support/cli.ts';

let dir: string;
let server: RunningServer;

const env = () => ({ SLOTWISE_DATA_DIR: dir, HOST: '127.0.0.1' });

async function json(url: string): Promise<unknown> {
  const r = await fetch(url);
  expect(r.status).toBe(200);
  return r.json();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'slotwise-demo-'));
  server = await startCli(['serve', '--demo', '--port', '0'], env());
}, 120_000);

afterAll(async () => {
  if (server?.child.exitCode === null) await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Mail {
  subject: string;
  text: string;
  attachments: { contentType: string }[];
}

/** The newest message for `to` in the dev outbox, waiting up to 10 s for the worker to send it. */
async function waitForMail(to: string): Promise<Mail> {
  for (let i = 0; i < 100; i++) {
    const { messages } = (await json(`${server.url}/api/v1/dev/mailbox?to=${encodeURIComponent(to)}`)) as {
      messages: Mail[];
    };
    if (messages[0]) return messages[0];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail for ${to}`);
}

interface Day {
  date: string;
  status: string;
  slots: number;
}
interface Slot {
  start: string;
  end: string;
  staff: string[];
  seatsLeft?: number;
}

describe('the demo studio', () => {
  // Through the real HTTP adapter, which answers from its own light request and response objects:
  // the headers set after a handler must reach the socket for a GET, a refused POST and a page.
  it('sends the request id and the security headers on every kind of answer', async () => {
    const answers = await Promise.all([
      fetch(`${server.url}/api/v1/services`, { headers: { 'x-request-id': 'probe-get' } }),
      fetch(`${server.url}/api/v1/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'probe-post' },
        body: '{}',
      }),
      fetch(`${server.url}/`, { headers: { 'x-request-id': 'probe-page' } }),
    ]);
    expect(
      answers.map((r) => [
        r.status,
        r.headers.get('x-request-id'),
        r.headers.get('x-content-type-options'),
        Boolean(r.headers.get('content-security-policy')),
      ]),
    ).toEqual([
      [200, 'probe-get', 'nosniff', true],
      [400, 'probe-post', 'nosniff', true],
      [200, 'probe-page', 'nosniff', true],
    ]);
    await Promise.all(answers.map((r) => r.arrayBuffer()));
  });

  it("keeps an idle connection open longer than a load balancer does (65 s, not Node's 5 s)", async () => {
    const { request } = await import('node:http');
    const header = await new Promise<string | undefined>((resolve, reject) => {
      const req = request(`${server.url}/healthz`, { headers: { connection: 'keep-alive' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.headers['keep-alive'] as string | undefined));
      });
      req.on('error', reject);
      req.end();
    });
    expect(header).toBe('timeout=65');
  });

  it('prints where it serves and what it loaded', () => {
    expect(server.output()).toMatch(/Slotwise is serving Lumen Photo Studio at http:\/\/127\.0\.0\.1:\d+/);
    expect(server.output()).toMatch(/Loaded the demo studio: 4 services, 3 photographers, 5 bookings\./);
  });

  it('has four services: paid with a deposit, paid without, free, and an 8-seat workshop; one photographer offers a single service', async () => {
    const { services } = (await json(`${server.url}/api/v1/services`)) as {
      services: { slug: string; price: string; deposit: string; staff: { name: string }[] }[];
    };
    expect(services.map((s) => [s.slug, s.price, s.deposit]).sort()).toEqual([
      ['free-consultation', '0.00', '0.00'],
      ['headshot-express', '45.00', '0.00'],
      ['lighting-workshop', '35.00', '0.00'],
      ['portrait-session', '120.00', '30.00'],
    ]);
    const workshop = services.find((s) => s.slug === 'lighting-workshop') as unknown as Record<string, unknown>;
    expect([workshop.name, workshop.capacity, workshop.maxSeatsPerBooking]).toEqual(['Studio lighting workshop', 8, 2]);
    const offers = new Map<string, number>();
    for (const s of services) for (const m of s.staff) offers.set(m.name, (offers.get(m.name) ?? 0) + 1);
    expect(offers.get('Mei Tanaka')).toBe(1);
  });

  it('gives every service an image and every photographer a photo and a bio, served from this origin with long caching', async () => {
    const { services } = (await json(`${server.url}/api/v1/services`)) as {
      services: { imageUrl: string | null; staff: { photoUrl: string | null; bio: string }[] }[];
    };
    const urls = new Set<string>();
    for (const s of services) {
      expect(s.imageUrl).toMatch(/^\/images\/[0-9a-f]{64}\.webp$/);
      urls.add(s.imageUrl as string);
      for (const m of s.staff) {
        expect(m.photoUrl).toMatch(/^\/images\/[0-9a-f]{64}\.webp$/);
        expect(m.bio.length).toBeGreaterThan(10);
        urls.add(m.photoUrl as string);
      }
    }
    expect(urls.size).toBe(7); // 4 services, 3 photographers: each picture its own
    for (const url of urls) {
      const r = await fetch(`${server.url}${url}`);
      expect([r.status, r.headers.get('content-type'), r.headers.get('cache-control')]).toEqual([
        200,
        'image/webp',
        'public, max-age=31536000, immutable',
      ]);
      expect((await r.arrayBuffer()).byteLength).toBeLessThan(30_000);
    }
  });

  it('answers month and day availability for every service, and a booking makes its time disappear at once', async () => {
    const { services } = (await json(`${server.url}/api/v1/services`)) as {
      services: { slug: string; paymentOptions: string[] }[];
    };
    const { timezone } = (await json(`${server.url}/api/v1/business`)) as { timezone: string };
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit' })
      .format(new Date())
      .slice(0, 7);
    for (const { slug, paymentOptions } of services) {
      const m = (await json(`${server.url}/api/v1/availability/month?service=${slug}&staff=any&month=${month}`)) as {
        firstAvailable: string | null;
        days: Day[];
      };
      expect(m.days.length).toBeGreaterThanOrEqual(28);
      expect(m.firstAvailable).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const dayUrl = `${server.url}/api/v1/availability/day?service=${slug}&staff=any&date=${m.firstAvailable}`;
      const before = ((await json(dayUrl)) as { slots: Slot[] }).slots;
      expect(before.length).toBeGreaterThan(0);
      const slot = before[0] as Slot;
      const created = await fetch(`${server.url}/api/v1/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          service: slug,
          staff: slot.staff[0],
          start: slot.start,
          client: { name: 'New Client', email: `new.${slug}@example.test` },
          payment: paymentOptions[0],
        }),
      });
      expect(created.status).toBe(201);
      const after = ((await json(dayUrl)) as { slots: Slot[] }).slots;
      const stillThere = after.find((s) => s.start === slot.start);
      // The booked member no longer offers that start (another member may still); a session of
      // seats stays, with one seat fewer.
      if (slot.seatsLeft === undefined) expect(stillThere?.staff ?? []).not.toContain(slot.staff[0]);
      else expect(stillThere?.seatsLeft).toBe(slot.seatsLeft - 1);
    }
  });

  it('offers Pay and Down payment by the rule, and takes a payment through its demo gateway', async () => {
    const { services } = (await json(`${server.url}/api/v1/services`)) as {
      services: { slug: string; paymentOptions: string[] }[];
    };
    expect(Object.fromEntries(services.map((s) => [s.slug, s.paymentOptions]))).toEqual({
      'free-consultation': ['none'],
      'headshot-express': ['full'],
      'lighting-workshop': ['full'],
      'portrait-session': ['full', 'deposit'],
    });
    const month = (await json(
      `${server.url}/api/v1/availability/month?service=portrait-session&staff=any&month=${new Date().toISOString().slice(0, 7)}`,
    )) as { firstAvailable: string };
    const day = (await json(
      `${server.url}/api/v1/availability/day?service=portrait-session&staff=any&date=${month.firstAvailable}`,
    )) as { slots: Slot[] };
    const slot = day.slots.at(-1) as Slot;
    const created = await fetch(`${server.url}/api/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        service: 'portrait-session',
        staff: slot.staff[0],
        start: slot.start,
        client: { name: 'Payer', email: 'payer@example.test' },
        payment: 'deposit',
      }),
    });
    const { booking, token, next } = (await created.json()) as {
      booking: { status: string; reference: string };
      token: string;
      next: { action: string; url: string };
    };
    expect([booking.status, next.action]).toEqual(['awaiting_payment', 'pay']);
    expect(next.url.startsWith(`${server.url}/demo/gateway?`)).toBe(true);

    // The person opens the gateway page and clicks "Pay": its form posts back the signed fields.
    const page = await fetch(next.url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('30.00 EUR');
    const form = new URLSearchParams();
    for (const m of html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)) {
      form.set(m[1] as string, (m[2] as string).replaceAll('&amp;', '&'));
    }
    form.set('outcome', 'paid');
    const paid = await fetch(next.url.split('?')[0] as string, { method: 'POST', body: form, redirect: 'manual' });
    // Back to the booking's return page: no manage token leaves the site through the gateway.
    const { reference } = booking;
    expect([paid.status, paid.headers.get('location')]).toEqual([303, `${server.url}/return/${reference}`]);
    const landing = await fetch(`${server.url}/return/${reference}`);
    expect(landing.status).toBe(200);
    expect(await landing.text()).toContain('Thank you: your booking is confirmed.');
    const manage = (await json(`${server.url}/api/v1/manage/${token}`)) as { status: string; payment: unknown };
    expect([manage.status, manage.payment]).toEqual([
      'confirmed',
      { option: 'deposit', amountDue: '30.00', amountPaid: '30.00', currency: 'EUR' },
    ]);
    const managePage = await (await fetch(`${server.url}/manage/${token}`)).text();
    expect(managePage).toContain('Your booking is confirmed.');
    expect(managePage).toContain('€30.00');

    // The background worker sends the confirmation to the dev outbox, calendar file attached.
    const mail = await waitForMail('payer@example.test');
    expect(mail.subject).toMatch(/^Booking confirmed: Portrait session, .* \(SW-[A-Z0-9]{6}\)$/);
    expect(mail.attachments.map((a) => a.contentType)).toEqual(['text/calendar; method=REQUEST; charset=utf-8']);
    expect(mail.text).toContain('30.00');
    const link = /\/manage\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
    const viaEmail = (await json(`${server.url}/api/v1/manage/${link}`)) as { status: string };
    expect(viaEmail.status).toBe('confirmed');
    const box = await fetch(`${server.url}/dev/mailbox?to=payer@example.test`);
    expect(box.status).toBe(200);
    expect(await box.text()).toContain('Booking confirmed');
  });

  it('says where mail goes, and the demo bookings were announced to the studio', async () => {
    expect(server.output()).toContain(`Mail: not sent (MAIL_URL unset); read it at ${server.url}/dev/mailbox`);
    const owner = await waitForMail('owner@lumen.test');
    expect(owner.subject).toMatch(/^New booking: /);
  });

  it('refuses a second process on the same data directory with a clear message', async () => {
    const r = await runCli(['migrate'], env());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/in use by another Slotwise process \(pid \d+\)/);
    expect(r.stderr).toMatch(/stop the server first, or use the dashboard or admin API/);
  });

  it('stops cleanly on SIGTERM and keeps its data: a restart serves the same bookings without reloading the demo', async () => {
    const before = (await json(`${server.url}/api/v1/services`)) as unknown;
    expect(await server.stop()).toBe(0);
    server = await startCli(['serve', '--demo', '--port', '0'], env());
    expect(server.output()).not.toMatch(/Loaded the demo studio/);
    expect(await json(`${server.url}/api/v1/services`)).toEqual(before);
  }, 120_000);
});
