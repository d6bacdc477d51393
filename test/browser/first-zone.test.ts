/**
 * The visitor's zone at first sight (SPEC §12, decision 028): a deep link opened in a fresh
 * browser in New York shows New York times on the first page, with one page load, and the next
 * pages come written in that zone by the server; without JavaScript, the studio's zone and the
 * "change time zone" link, as before.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  clickFirstFreeDay,
  type DemoServer,
  describeBrowser,
  launchBrowser,
  openSession,
  type Session,
  shown,
  shownTimes,
  startDemoServer,
} from '../support/browser.ts';

const STUDIO = 'Europe/Lisbon';
const VISITOR = 'America/New_York';

/** The slots' instants, as the page carries them, written as a clock in a zone (en-GB, as the pages). */
async function expectedTimes(page: Page, zone: string): Promise<string[]> {
  const instants = await page
    .locator('[data-times] .slot time')
    .evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
  const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: zone });
  return instants.map((at) => clock.format(Date.parse(at)));
}

describeBrowser('the visitor’s zone at first sight', () => {
  let server: DemoServer;
  let browser: Browser;
  const sessions: Session[] = [];
  let deepLink = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  });

  afterAll(async () => {
    for (const s of sessions) expect(s.problems, 'browser console').toEqual([]);
    await browser?.close();
    await server?.close();
  });

  it('without JavaScript: the studio’s zone and the "change time zone" link', async () => {
    const s = await openSession(browser, server, 'first-zone-nojs', { timezoneId: VISITOR, javaScriptEnabled: false });
    sessions.push(s);
    const { page } = s;
    await page.goto('/book/portrait-session');
    const date = await clickFirstFreeDay(page);
    deepLink = `/book/portrait-session?date=${date}`;
    const times = await shownTimes(page);
    expect(times.length).toBeGreaterThan(0);
    expect(times).toEqual(await expectedTimes(page, STUDIO));
    expect(await shown(page.locator('[data-times] .hint').first())).toContain('Times are shown in Europe/Lisbon.');
    expect(await page.getByRole('link', { name: 'Change time zone' }).count()).toBe(1);
    await s.shot('studio-zone');
  });

  it('with JavaScript in New York: New York times on the first page, one page load, kept on the next pages', async () => {
    const s = await openSession(browser, server, 'first-zone-js', { timezoneId: VISITOR });
    sessions.push(s);
    const { page } = s;
    const documents: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'document') documents.push(r.url());
    });
    const first = await page.goto(deepLink);
    // The server wrote the studio's zone (no cookie yet); the page shows the visitor's.
    expect(await first?.text()).toContain(`data-tz="${STUDIO}"`);
    const times = await shownTimes(page);
    expect(times.length).toBeGreaterThan(0);
    expect(times).toEqual(await expectedTimes(page, VISITOR));
    expect(times).not.toEqual(await expectedTimes(page, STUDIO));
    expect(await shown(page.locator('[data-times] .hint').first())).toContain('Times are shown in America/New York.');
    // Each time also says the studio's, as a page written in another zone does.
    expect(await shown(page.locator('[data-times] .slot').first())).toContain('in Europe/Lisbon');
    expect(await page.locator('[data-times] input[name="tz"]').inputValue()).toBe(VISITOR);
    await s.shot('visitor-zone');
    await s.axe('first visit, rewritten times');
    expect(documents).toEqual([`${server.url}${deepLink}`]);

    // The same day written by the server in that zone reads the same: the two formats agree.
    const byServer = await page.request.get(`${deepLink}&tz=${encodeURIComponent(VISITOR)}`);
    const html = await byServer.text();
    for (const t of times) expect(html).toContain(`>${t}</time>`);

    // Next page: the server writes the visitor's zone (the choice travels with the form and the cookie).
    await page.locator('[data-times] .slot').first().click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForURL(/\/details\?/);
    expect(new URL(page.url()).searchParams.get('tz')).toBe(VISITOR);
    const when = await shown(page.locator('.when'));
    expect(when).toContain(`${times[0]}`);
    expect(when).toContain('(America/New York)');
    expect(when).toContain('in Europe/Lisbon');

    // And a page reached without ?tz= comes from the server already in New York time.
    const again = await page.goto('/book/portrait-session');
    expect(await again?.text()).toContain(`data-tz="${VISITOR}"`);
  });
});
