/**
 * Access in a real browser: a whole booking with the keyboard alone, the language switcher, and
 * axe-core's WCAG 2.2 AA rules on every kind of public page (the payment return page included) in
 * each of the four languages.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  clickFirstFreeDay,
  type DemoServer,
  describeBrowser,
  focused,
  launchBrowser,
  openSession,
  printAxeLog,
  type Session,
  shown,
  startDemoServer,
  tabUntil,
} from '../support/browser.ts';

const ZONE = 'Europe/Lisbon';

/** "2026-12" → the month after it. */
const nextMonth = (month: string) => {
  const d = new Date(`${month}-15T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 7);
};

/** The calendar's month as its heading reads it, from Intl (e.g. "décembre 2026"). */
const monthHeading = (month: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.parse(`${month}-15T12:00:00Z`),
  );

/** The date of the calendar cell that has the focus. */
const focusedDate = (page: Page) => page.evaluate<string>('document.activeElement?.getAttribute("data-date") ?? ""');

interface Created {
  token: string;
  booking: { reference: string };
  next: { action: string };
}

describeBrowser('access in a browser', () => {
  let server: DemoServer;
  let browser: Browser;
  const sessions: Session[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  });

  afterAll(async () => {
    printAxeLog();
    for (const s of sessions) expect(s.problems, 'browser console').toEqual([]);
    await browser?.close();
    await server?.close();
    expect(server?.lines.filter((l) => l.startsWith('error')) ?? [], 'server log').toEqual([]);
  });

  const open = async (test: string, opts: Parameters<typeof openSession>[3] = {}) => {
    const s = await openSession(browser, server, test, opts);
    sessions.push(s);
    return s;
  };

  /** The path of the newest "my bookings" link emailed to `email`, read from the dev outbox (sent by the server's worker). */
  async function myBookingsLink(email: string): Promise<string> {
    const until = Date.now() + 15_000;
    for (;;) {
      const box = (await (await fetch(`${server.url}/api/v1/dev/mailbox?to=${encodeURIComponent(email)}`)).json()) as {
        messages: { text: string }[];
      };
      const found = box.messages.map((m) => /\/my-bookings\/[A-Za-z0-9_-]{43}/.exec(m.text)?.[0]).find(Boolean);
      if (found) return found;
      if (Date.now() > until) throw new Error(`no "my bookings" link reached ${email}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Books through the JSON API, as another client or a returning one would. */
  async function bookByApi(
    service: string,
    email: string,
    slot: number,
    payment = 'none',
    extra: Record<string, unknown> = {},
  ): Promise<Created> {
    const get = async (path: string) => (await fetch(`${server.url}${path}`)).json();
    const month = new Date().toISOString().slice(0, 7);
    let first: string | null = null;
    for (let m = month, i = 0; first === null && i < 3; m = nextMonth(m), i++) {
      first = (
        (await get(`/api/v1/availability/month?service=${service}&staff=any&month=${m}&tz=${ZONE}`)) as {
          firstAvailable: string | null;
        }
      ).firstAvailable;
    }
    const day = (await get(`/api/v1/availability/day?service=${service}&staff=any&date=${first}&tz=${ZONE}`)) as {
      slots: { start: string }[];
    };
    const start = day.slots[slot % day.slots.length]?.start;
    const res = await fetch(`${server.url}/api/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        service,
        staff: 'any',
        start,
        client: { name: 'Sweep Client', email },
        payment,
        ...extra,
      }),
    });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(201);
    return body as Created;
  }

  it('books with the keyboard alone: Tab, Enter, arrows, Space, typing', async () => {
    const s = await open('keyboard');
    const { page } = s;
    await page.goto('/');
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Skip to content');
    await tabUntil(page, (f) => f.tag === 'a' && f.text === 'Free consultation');
    await s.shot('services-focused');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/book\/free-consultation$/);

    // Into the grid: one Tab stop, on the chosen (or first free) day.
    await tabUntil(page, (f) => f.inGrid);
    const month = (await focusedDate(page)).slice(0, 7);
    await s.shot('grid-focused');

    // Page Down: the next month, the focus still in the grid.
    await page.keyboard.press('PageDown');
    await page.waitForURL((u) => u.searchParams.get('month') === nextMonth(month));
    await expect.poll(async () => (await focused(page)).inGrid).toBe(true);
    expect((await focusedDate(page)).slice(0, 7)).toBe(nextMonth(month));
    expect(await page.locator('#cal-title').textContent()).toBe(monthHeading(nextMonth(month), 'en-GB'));
    await s.shot('page-down');
    await page.keyboard.press('PageUp');
    await page.waitForURL((u) => u.searchParams.get('month') === month);
    await expect.poll(async () => (await focused(page)).inGrid).toBe(true);

    // Right arrow to the first free day (a link), following the grid into the next month if need be.
    for (let i = 0; ; i++) {
      const f = await focused(page);
      if (f.tag === 'a' && /free time/.test(f.name)) break;
      if (i > 70) throw new Error('no free day reached with the arrow keys');
      const date = await focusedDate(page);
      const tomorrow = new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      if (tomorrow.slice(0, 7) === date.slice(0, 7)) {
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => focusedDate(page)).toBe(tomorrow);
      } else {
        await page.keyboard.press('ArrowRight');
        await page.waitForURL((u) => u.searchParams.get('month') === tomorrow.slice(0, 7));
        await expect.poll(() => focusedDate(page)).toBe(tomorrow);
      }
    }
    const day = await focusedDate(page);
    await s.shot('free-day-focused');
    // The day's link leads to `…&date=<day>#times`; the URL may already carry that date (after
    // Page Up it keeps the selected date), so wait for the fragment the link adds.
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('date') === day && u.hash === '#times');
    await page.waitForLoadState('load');

    // The day's times: Tab to one, Space to choose it, Tab to Next, Enter.
    await tabUntil(page, (f) => f.tag === 'input' && f.name === 'start');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('input[name="start"]:checked').count()).toBe(1);
    await s.shot('time-chosen');
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Next');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/details\?/);

    await tabUntil(page, (f) => f.tag === 'input' && f.name === 'name');
    await page.keyboard.type('Keyboard User');
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('email');
    await page.keyboard.type('keys@example.com');
    await s.shot('details-typed');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/manage\/[^/]+\?done=1$/);
    expect(await shown(page.locator('main'))).toContain('Your booking is confirmed.');
    await s.shot('confirmed');
    await s.close();
  });

  it('switches to French from the header, and keeps it on the next page', async () => {
    const s = await open('language');
    const { page } = s;
    await page.goto('/');
    await page.getByRole('link', { name: 'Français' }).click();
    await page.waitForURL(/\?lang=fr$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect((await s.context.cookies()).find((c) => c.name === 'lang')?.value).toBe('fr');
    await s.shot('services-fr');
    await page.locator('.services a[href="/book/portrait-session"]').click();
    await page.waitForURL(/\/book\/portrait-session$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    // Dates are written by Intl in French: the month heading and the recap's date.
    const now = Date.now();
    const month = new Intl.DateTimeFormat('fr', { month: 'long', timeZone: ZONE }).format(now);
    const weekday = new Intl.DateTimeFormat('fr', { weekday: 'long', timeZone: ZONE }).format(now);
    // textContent: the text as written, before CSS capitalises the heading.
    expect(await page.locator('#cal-title').textContent()).toContain(month);
    expect(await page.locator('.recap').textContent()).toContain(weekday);
    await s.shot('calendar-fr');
    await s.axe('booking page, French');
    await s.close();
  });

  it.each(['en', 'fr', 'de', 'es'])('has no WCAG 2.2 AA violations on any public page (%s)', async (lang) => {
    const email = `sweep-${lang}@example.com`;
    const confirmed = await bookByApi('free-consultation', email, 0);
    expect(confirmed.next.action).toBe('done');
    const waiting = await bookByApi('free-consultation', email, 1);
    expect(waiting.next.action).toBe('verify_email');

    const s = await open(`a11y-${lang}`);
    const { page } = s;
    const check = async (step: string) => {
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      await s.shot(step);
      await s.axe(step);
    };
    await page.goto(`/?lang=${lang}`);
    await check('services');

    await page.goto('/book/portrait-session');
    await clickFirstFreeDay(page);
    await page.locator('[data-times] .slot').first().click();
    await check('day-and-time');

    await page.locator('[data-next]').click();
    await page.waitForURL(/\/details\?/);
    await check('details');
    await page.locator('form.details button[type="submit"]').first().click();
    await page.locator('form.details [role="alert"]').waitFor();
    await check('details-errors');

    // SPEC §9.2: a service that allows repeats shows "repeat" on its details page.
    await page.goto('/book/free-consultation');
    await clickFirstFreeDay(page);
    await page.locator('[data-times] .slot').first().click();
    await page.locator('[data-next]').click();
    await page.waitForURL(/\/details\?/);
    await page.locator('#f-repeat').selectOption('weekly');
    await check('details-repeat');

    await page.goto(`/manage/${waiting.token}`);
    await page.locator('input[name="code"]').waitFor();
    await check('code');

    await page.goto(`/manage/${confirmed.token}?done=1`);
    await check('confirmation');

    await page.goto(`/manage/${confirmed.token}/reschedule`);
    await clickFirstFreeDay(page);
    await page.locator('[data-times] .slot').first().click();
    await check('reschedule');

    await page.goto(`/manage/${confirmed.token}/cancel`);
    await check('cancel-question');

    // SPEC §9.2: an occurrence's page lists its series with a cancel form per date.
    const series = await bookByApi('free-consultation', `series-${lang}@example.com`, 3, 'none', {
      repeat: { frequency: 'biweekly', count: 2 },
    });
    await page.goto(`/manage/${series.token}`);
    await page.locator('#series-title').waitFor();
    await check('series');

    // Paying: the manage page's Pay button, and the return page before and after the gateway's word.
    const paying = await bookByApi('headshot-express', `pay-${lang}@example.com`, 2, 'full');
    expect(paying.next.action).toBe('pay');
    await page.goto(`/manage/${paying.token}`);
    await check('awaiting-payment');
    await page.goto(`/return/${paying.booking.reference}`);
    await check('return-waiting');
    await page.goto(`/return/${confirmed.booking.reference}`);
    await check('return-confirmed');
    // "Email me my bookings": the form, its error, its answer, the emailed link and the list.
    await page.goto('/my-bookings');
    await check('my-bookings');
    await page.locator('main form button[type="submit"]').click();
    await page.locator('main [role="alert"]').waitFor();
    await check('my-bookings-error');
    await page.locator('#f-email').fill(email);
    await page.locator('main form button[type="submit"]').click();
    await page.locator('main [role="status"]').waitFor();
    await check('my-bookings-sent');
    await page.goto(await myBookingsLink(email));
    await check('my-bookings-link');
    await page.locator('main form button[type="submit"]').click();
    await page.locator('main .my-bookings').first().waitFor();
    await check('my-bookings-list');
    await s.close();
  });
});
