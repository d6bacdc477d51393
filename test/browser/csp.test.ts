/**
 * The Content-Security-Policy in Chromium: the app's own scripts and styles still work under it —
 * the booking flow (booker.js), the demo gateway and the dev mailbox (inline <style>, email HTML
 * in a sandboxed srcdoc frame), the dashboard calendar (FullCalendar injects <style>) and
 * /api/docs (swagger-ui) — with no violation reported. Also: an injected inline script is refused
 * (the watch works), a form answered by a redirect to a payment gateway on another origin gets
 * there without a Referer and is refused without the gateway in form-action, and FRAME_ANCESTORS
 * lets another site frame the booking pages but never the dashboard.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from '../../src/demo/demo-studio.ts';
import {
  clickFirstFreeDay,
  describeBrowser,
  type InProcessServer,
  type Session,
  shown,
  startDemoServer,
} from '../support/browser.ts';
import { useBrowserSuite } from '../support/browser-suite.ts';

/** A stand-in for a payment gateway and for a partner site that embeds the booking pages, on another origin. */
interface OtherSite {
  readonly origin: string;
  readonly checkouts: { url: string; referer: string | undefined }[];
  embedding: string;
  close(): Promise<void>;
}

async function startOtherSite(): Promise<OtherSite> {
  const site: Omit<OtherSite, 'origin' | 'close'> = { checkouts: [], embedding: '' };
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/checkout')) site.checkouts.push({ url: req.url, referer: req.headers.referer });
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      req.url === '/embed'
        ? `<!doctype html><title>Partner</title><h1>Partner</h1>${site.embedding}`
        : '<!doctype html><title>Stub gateway</title><h1>Stub gateway</h1>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(site, {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** Every CSP violation a page reports (its event, and Chromium's console line), with the page path. */
async function watchViolations(s: Session): Promise<string[]> {
  const seen: string[] = [];
  await s.context.exposeBinding('reportCspViolation', (_source, line: string) => seen.push(line));
  await s.context.addInitScript(`document.addEventListener('securitypolicyviolation', (e) =>
    window.reportCspViolation(e.effectiveDirective + ' ' + e.blockedURI + ' on ' + location.pathname));`);
  s.page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(`console: ${m.text()}`);
  });
  return seen;
}

// The browser's own function, for the callbacks run in the page (this project's types have no DOM).
declare function getComputedStyle(element: unknown): Record<string, string>;

/** On a booking page: the first free day, its first time, Next; then name and email. */
async function chooseTimeAndFill(page: Page, name: string, email: string): Promise<void> {
  await clickFirstFreeDay(page);
  await page.locator('[data-times] .slot').first().click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.waitForURL(/\/details\?/);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Email', { exact: true }).fill(email);
}

describeBrowser('the Content-Security-Policy in Chromium', () => {
  let other: OtherSite;
  let server: InProcessServer;

  beforeAll(async () => {
    other = await startOtherSite();
  });
  afterAll(() => other?.close());

  const suite = useBrowserSuite({
    start: async () => {
      server = await startDemoServer({ FRAME_ANCESTORS: `self ${other.origin}` });
      return server;
    },
  });
  const open = async (test: string) => {
    const s = await suite.open(test);
    return { s, page: s.page, violations: await watchViolations(s) };
  };

  it('refuses an inline script injected into a page (the watch sees violations)', async () => {
    const { s, page, violations } = await open('csp-control');
    await page.goto('/');
    await page.evaluate(`(() => {
      const el = document.createElement('script');
      el.textContent = 'window.injected = true';
      document.body.append(el);
    })()`);
    await expect.poll(() => violations.find((v) => v.startsWith('script-src-elem inline on /'))).toBeDefined();
    expect(await page.evaluate('window.injected === true')).toBe(false);
    s.problems.length = 0; // the refusal's console line is this test's point
    await s.close();
  });

  it('the booking flow, the demo gateway and the dev mailbox run without a violation', async () => {
    const { s, page, violations } = await open('csp-booking');
    await page.goto('/');
    await page.getByRole('link', { name: 'Book Headshot express' }).click();
    await chooseTimeAndFill(page, 'Grace Hopper', 'grace@example.com');
    await page.getByRole('button', { name: 'Pay €45.00' }).click();
    await page.waitForURL(/\/demo\/gateway\?/);
    // The gateway's inline <style> applies: its Pay button is blue.
    expect(await page.locator('button.pay').evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(
      'rgb(26, 86, 176)',
    );
    await page.getByRole('button', { name: 'Pay', exact: true }).click();
    await page.waitForURL(/\/return\/SW-[A-Z0-9]{6}$/);
    expect(await shown(page.locator('main'))).toContain('Thank you: your booking is confirmed.');

    await expect
      .poll(async () => {
        const box = (await (await fetch(`${server.url}/api/v1/dev/mailbox?to=grace@example.com`)).json()) as {
          messages: unknown[];
        };
        return box.messages;
      })
      .toHaveLength(1);
    await page.goto('/dev/mailbox?to=grace@example.com');
    await page.locator('summary', { hasText: 'HTML' }).first().click();
    // The email HTML shows in its sandboxed frame, its inline styles applied.
    const heading = page.frameLocator('iframe').first().locator('h1');
    expect(await shown(heading)).toBe('Lumen Photo Studio');
    expect(await heading.evaluate((h) => getComputedStyle(h).fontSize)).toBe('20px');
    expect(violations).toEqual([]);
    await s.close();
  });

  it('the dashboard calendar (FullCalendar) and booking list run without a violation, a hostile name shown as text', async () => {
    // A booking whose client name is markup, through the public API.
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const api = async (path: string) =>
      (await (await fetch(`${server.url}/api/v1${path}`)).json()) as Record<string, unknown>;
    const firstFree = async (monthsAhead: number) => {
      const d = new Date();
      d.setUTCDate(1);
      d.setUTCMonth(d.getUTCMonth() + monthsAhead);
      const month = d.toISOString().slice(0, 7);
      return (await api(`/availability/month?service=free-consultation&staff=any&month=${month}`)).firstAvailable;
    };
    // Late in a month, this month may have no free day left.
    const date = (await firstFree(0)) ?? (await firstFree(1));
    const day = (await api(`/availability/day?service=free-consultation&staff=any&date=${date}`)) as {
      slots: { start: string }[];
    };
    const booked = await fetch(`${server.url}/api/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        service: 'free-consultation',
        staff: 'any',
        start: day.slots[0]?.start,
        client: { name: hostile, email: 'hostile@example.com' },
      }),
    });
    expect(booked.status).toBe(201);

    const { s, page, violations } = await open('csp-dashboard');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto('/admin/sign-in');
    await page.getByLabel('Email').fill(DEMO_ADMIN_EMAIL);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname === '/admin');
    await page.goto(`/admin?date=${date}`);
    const event = page.locator('.fc-event', { hasText: hostile });
    await event.first().waitFor();
    expect(await shown(event.first())).toContain(`${hostile} — Free consultation`);
    // FullCalendar's injected <style> applies.
    expect(
      await page
        .locator('.fc')
        .first()
        .evaluate((el) => getComputedStyle(el).display),
    ).toBe('flex');
    await page.goto(`/admin/bookings?q=hostile%40example.com`);
    expect(await shown(page.locator('main'))).toContain(hostile);
    expect(violations).toEqual([]);
    expect(dialogs).toEqual([]);
    await s.close();
  });

  it('/api/docs (swagger-ui) renders without a violation', async () => {
    const { s, page, violations } = await open('csp-docs');
    await page.goto('/api/docs');
    await page.locator('.opblock-summary-path', { hasText: '/api/v1/bookings' }).first().waitFor();
    expect(violations).toEqual([]);
    await s.close();
  });

  it('under a public http host name (a LAN install): no violation and no console error', async () => {
    const { s, page, violations } = await open('csp-lan');
    // Served as http://booking.studio.test: the requests are forwarded to the server.
    const alias = 'http://booking.studio.test';
    await s.context.route(`${alias}/**`, async (route) => {
      const real = route.request().url().replace(alias, server.url);
      await route.fulfill({ response: await route.fetch({ url: real }) });
    });
    await page.goto(`${alias}/api/docs`);
    await page.locator('.opblock-summary-path', { hasText: '/api/v1/bookings' }).first().waitFor();
    await page.goto(`${alias}/book/free-consultation`);
    await clickFirstFreeDay(page);
    expect(violations).toEqual([]);
    // A COOP header on http would show here: "The Cross-Origin-Opener-Policy header has been ignored…".
    expect(s.problems).toEqual([]);
    // A request still forwarded when the context closes (a late image of the page) would fail to
    // fulfil a disposed response: the forwarding stops first, its errors then ignored.
    await s.context.unrouteAll({ behavior: 'ignoreErrors' });
    await s.close();
  });

  it('a gateway on another origin: the form reaches it, with no Referer; without it in form-action the browser refuses', async () => {
    const demoGateway = (await server.runtime.store.getBusiness()).paymentUrl;
    await server.runtime.store.applySetup({ business: { paymentUrl: `${other.origin}/checkout` } }, async (p) => p);
    try {
      const { s, page, violations } = await open('csp-gateway');
      await page.goto('/');
      await page.getByRole('link', { name: 'Book Headshot express' }).click();
      await chooseTimeAndFill(page, 'Hedy Lamarr', 'hedy@example.com');
      await page.getByRole('button', { name: 'Pay €45.00' }).click();
      await page.waitForURL((u) => u.origin === other.origin);
      expect(other.checkouts).toHaveLength(1);
      const returnUrl = new URL(other.checkouts[0]?.url ?? '', other.origin).searchParams.get('returnUrl') ?? '';
      // The gateway is sent the booking's return page, never its manage token.
      expect(returnUrl).toMatch(new RegExp(`^${server.url}/return/SW-[A-Z0-9]{6}$`));
      expect(other.checkouts[0]?.referer).toBeUndefined();
      expect(violations).toEqual([]);

      // Control: the same page with form-action 'self' only — Chromium stops the redirect.
      await page.route('**/book/*/details?*', async (route) => {
        if (route.request().method() !== 'GET') return route.continue();
        const response = await route.fetch();
        const csp = response.headers()['content-security-policy'] ?? '';
        expect(csp).toContain(`form-action 'self' ${other.origin};`);
        const headers = { ...response.headers(), 'content-security-policy': csp.replace(` ${other.origin};`, ';') };
        return route.fulfill({ response, headers });
      });
      await page.goto('/');
      await page.getByRole('link', { name: 'Book Headshot express' }).click();
      await chooseTimeAndFill(page, 'Hedy Lamarr', 'hedy2@example.com');
      await page.getByRole('button', { name: 'Pay €45.00' }).click();
      await expect.poll(() => violations.find((v) => v.startsWith('form-action'))).toBeDefined();
      expect(other.checkouts).toHaveLength(1);
      s.problems.length = 0; // the refusal's console line is the control's point
      await s.close();
    } finally {
      await server.runtime.store.applySetup({ business: { paymentUrl: demoGateway } }, async (p) => p);
    }
  });

  it('FRAME_ANCESTORS: another site listed may frame the booking pages, never the dashboard', async () => {
    const { s, page } = await open('csp-embed');
    other.embedding = `<iframe title="booking" src="${server.url}/book/free-consultation"></iframe>
      <iframe title="dashboard" src="${server.url}/admin/sign-in"></iframe>`;
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (m.text().includes('frame-ancestors')) blocked.push(m.text().trim());
    });
    await page.goto(`${other.origin}/embed`);
    const booking = page.frameLocator('iframe[title="booking"]').locator('h1');
    expect(await shown(booking)).toBe('Book Free consultation');
    await expect.poll(() => blocked.length).toBe(1);
    expect(blocked[0]).toBe(
      `Framing '${server.url}/' violates the following Content Security Policy directive: "frame-ancestors 'none'". The request has been blocked.`,
    );
    expect(page.frames().find((f) => f.url().endsWith('/admin/sign-in'))).toBeUndefined();
    s.problems.length = 0; // the refused frame's console line is expected
    await s.close();
  });
});
