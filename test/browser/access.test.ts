/**
 * Access in a real browser: a whole booking with the keyboard alone, and the language switcher.
 * axe-core's WCAG 2.2 AA rules on every kind of public page in each language are in
 * access-sweep.test.ts (a file of their own, so the two halves run side by side).
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, focused, nextMonth, shown, tabUntil, waitForMail } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browser-suite.ts';

const ZONE = 'Europe/Lisbon';

/** The calendar's month as its heading reads it, from Intl (e.g. "décembre 2026"). */
const monthHeading = (month: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.parse(`${month}-15T12:00:00Z`),
  );

/** The date of the calendar cell that has the focus. */
const focusedDate = (page: Page) => page.evaluate<string>('document.activeElement?.getAttribute("data-date") ?? ""');

describeBrowser('access in a browser', () => {
  const suite = useBrowserSuite();
  const open = suite.open;

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

  it('books a portrait with its questions by keyboard alone; the sensitive answer stays out of the emails', async () => {
    const s = await open('keyboard-questions');
    const { page } = s;
    const get = async (path: string) => (await fetch(`${suite.server.url}${path}`)).json();
    let first: string | null = null;
    for (let m = new Date().toISOString().slice(0, 7), i = 0; first === null && i < 3; m = nextMonth(m), i++) {
      const path = `/api/v1/availability/month?service=portrait-session&staff=any&month=${m}&tz=${ZONE}`;
      first = ((await get(path)) as { firstAvailable: string | null }).firstAvailable;
    }
    // The day's times, as the calendar's day link opens them.
    await page.goto(`/book/portrait-session?date=${first}#times`);
    await tabUntil(page, (f) => f.tag === 'input' && f.name === 'start');
    await page.keyboard.press('Space');
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Next');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/details\?/);
    // The rules in force are told before booking (SPEC §10.2); the last one always applies.
    expect(await shown(page.locator('main'))).toContain('Up to the start: you can cancel online, with no refund.');

    await tabUntil(page, (f) => f.tag === 'input' && f.name === 'name');
    await page.keyboard.type('Quinn Keys');
    await page.keyboard.press('Tab');
    await page.keyboard.type('quinn.keys@example.com');
    await tabUntil(page, (f) => f.name === 'q-people');
    await page.keyboard.type('two');
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('q-health');
    await page.keyboard.type('Wheelchair user: step-free access please (kbd-7781)');
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Down payment €30.00');
    await page.keyboard.press('Enter');
    // "two" is not a number: the error is listed, linked to its field, and the typing is kept.
    await page.getByRole('alert').waitFor();
    expect(await page.locator('#f-q-people').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#f-q-health').inputValue()).toContain('kbd-7781');
    await s.shot('questions-error');
    await s.axe('details with a question error');
    await tabUntil(page, (f) => f.name === 'q-people');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('2');
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Down payment €30.00');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/demo\/gateway\?/);
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Pay');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/return\/SW-[A-Z0-9]{6}$/);

    // The studio's copy lists the open answer, never the sensitive one.
    const mail = await waitForMail(suite.server, 'owner@lumen.test', (m) => m.subject.includes('Quinn Keys'));
    expect(mail.text).toContain('How many people will be in the photos?');
    expect(mail.text).not.toContain('kbd-7781');
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
});
