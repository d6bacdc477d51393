/**
 * The booking flows a client clicks through, in a real browser on the demo studio: a free service
 * (Finish), a paid one (Pay through the demo gateway, back on the return page, then the booking
 * from the confirmation email's link), a deposit (Down payment, also on a 360 px
 * phone in another time zone), a time taken meanwhile, and the weight of the booking page.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  clickFirstFreeDay,
  DESKTOP,
  type DemoServer,
  describeBrowser,
  linkIn,
  MOBILE,
  type Session,
  shown,
  shownTimes,
  waitForMail,
} from '../support/browser.ts';
import { useBrowserSuite } from '../support/browser-suite.ts';

/** The value shown beside a label in a recap list ("Reference" → "LUM-…"). */
const fact = (page: Page, label: string) => shown(page.locator(`dt:text-is("${label}") + dd`));

/**
 * Back from the gateway on the booking's return page: no manage token in the address, the outcome
 * and no personal data (a reference is guessable).
 */
async function backFromGateway(s: Session): Promise<void> {
  const { page } = s;
  await page.waitForURL(/\/return\/SW-[A-Z0-9]{6}$/);
  const main = await shown(page.locator('main'));
  expect(main).toContain('Thank you: your booking is confirmed.');
  expect(main).not.toContain('@example.com');
  await s.shot('returned');
  await s.axe('return page');
}

/** Opens the client's booking from the link in its confirmation email, read in the dev outbox. */
async function openConfirmation(s: Session, server: DemoServer, email: string): Promise<void> {
  const { page } = s;
  const mail = await waitForMail(server, email, (m) => m.subject.startsWith('Booking confirmed'));
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  await page
    .locator('article', { hasText: mail.subject })
    .getByRole('link', { name: linkIn(mail, server, '/manage/') })
    .first()
    .click();
  await page.waitForURL(/\/manage\/[A-Za-z0-9_-]{43}$/);
}

/** On a booking page: the first free day, its first time, Next. Returns the date and the time shown. */
async function chooseFirstTime(s: Session): Promise<{ date: string; time: string }> {
  const { page } = s;
  const date = await clickFirstFreeDay(page);
  // The chosen day is the grid's selected cell.
  expect(await page.locator('[data-calendar] [aria-selected="true"] [data-date]').getAttribute('data-date')).toBe(date);
  const time = (await shownTimes(page))[0];
  if (!time) throw new Error(`no time shown on ${date}`);
  await expect.poll(() => page.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
  await page.locator('[data-times] .slot').first().click();
  await expect.poll(() => page.getByRole('button', { name: 'Next' }).isEnabled()).toBe(true);
  await s.shot('time-chosen');
  await s.axe('day and time chosen');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.waitForURL(/\/details\?/);
  return { date, time };
}

async function fillDetails(page: Page, name: string, email: string): Promise<void> {
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Email', { exact: true }).fill(email);
}

describeBrowser('booking in a browser', () => {
  const suite = useBrowserSuite();
  const open = suite.open;

  it('books a free consultation with Finish, and its time is then no longer offered', async () => {
    const s = await open('finish');
    const { page } = s;
    await page.goto('/');
    await s.shot('services');
    await s.axe('services');
    await page.getByRole('link', { name: 'Book Free consultation' }).click();
    await expect.poll(() => shown(page.locator('h1'))).toBe('Book Free consultation');
    await s.shot('calendar');
    const { date, time } = await chooseFirstTime(s);
    await s.shot('details');
    await s.axe('details');
    expect(await page.locator('form.details button').allInnerTexts()).toEqual(['Finish']);
    expect(await shown(page.locator('.recap'))).toContain(time);

    // Sent empty: the mistakes are listed, linked to their fields, and focused.
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.getByRole('alert').waitFor();
    expect(await shown(page.getByRole('alert'))).toContain('Please check the form');
    expect(await page.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate('document.activeElement?.getAttribute("role")')).toBe('alert');
    await s.shot('details-errors');
    await s.axe('details with errors');

    await fillDetails(page, 'Ada Lovelace', 'ada@example.com');
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.waitForURL(/\/manage\/[^/]+\?done=1$/);
    expect(await shown(page.locator('main'))).toContain('Your booking is confirmed.');
    const reference = await fact(page, 'Reference');
    expect(reference).toMatch(/^[A-Z0-9-]{6,}$/);
    expect(await shown(page.locator('h1'))).toContain(reference);
    expect(await fact(page, 'When')).toContain(time);
    const staff = await fact(page, 'With');
    await s.shot('confirmed');
    await s.axe('confirmation');

    // Back to that day with that photographer: the time is gone.
    await page.goto('/book/free-consultation');
    await page.getByRole('radio', { name: staff }).check();
    await page.waitForURL(/staff=\d+/);
    const day = page.locator(`[data-calendar] [data-date="${date}"]`);
    if ((await day.getAttribute('href')) !== null) {
      await day.click();
      await page.waitForURL((u) => u.searchParams.get('date') === date && u.hash === '#times');
      expect(await shownTimes(page)).not.toContain(time);
    } else {
      expect(await day.getAttribute('aria-label')).toContain('fully booked');
    }
    await s.shot('time-gone');
    await s.close();
  });

  it('pays a headshot in full through the demo gateway', async () => {
    const s = await open('pay');
    const { page } = s;
    await page.goto('/');
    await page.getByRole('link', { name: 'Book Headshot express' }).click();
    await s.shot('calendar');
    await chooseFirstTime(s);
    expect(await page.locator('form.details button').allInnerTexts()).toEqual(['Pay €45.00']);
    await fillDetails(page, 'Grace Hopper', 'grace@example.com');
    await s.shot('details');
    await page.getByRole('button', { name: 'Pay €45.00' }).click();
    await page.waitForURL(/\/demo\/gateway\?/);
    expect(await shown(page.locator('main'))).toContain('45.00 EUR');
    await s.shot('gateway');
    await page.getByRole('button', { name: 'Pay', exact: true }).click();
    await backFromGateway(s);
    // The booking itself, as the client reaches it: from the link in the confirmation email.
    await openConfirmation(s, suite.server, 'grace@example.com');
    expect(await shown(page.locator('main'))).toContain('Your booking is confirmed.');
    expect(await fact(page, 'Paid')).toBe('€45.00');
    expect(await fact(page, 'Status')).toBe('confirmed');
    await s.shot('confirmed-paid');
    await s.axe('paid booking');
    await s.close();
  });

  it.each([
    { name: 'down-payment', viewport: DESKTOP, timezoneId: 'Europe/Lisbon' },
    { name: 'down-payment-mobile', viewport: MOBILE, timezoneId: 'Europe/Paris' },
  ])('makes a down payment on a portrait session ($name, $viewport.width px, $timezoneId)', async (c) => {
    const s = await open(c.name, { viewport: c.viewport, timezoneId: c.timezoneId });
    const { page } = s;
    await page.goto('/');
    await s.shot('services');
    await page.getByRole('link', { name: 'Book Portrait session' }).click();
    await page.waitForURL(/\/book\/portrait-session/);
    await s.shot('calendar');
    const { time } = await chooseFirstTime(s);
    expect(await shown(page.locator('.recap'))).toContain(time);
    if (c.timezoneId !== 'Europe/Lisbon') {
      // The page found the browser's zone, and says so; the studio's own time is shown too.
      const when = await shown(page.locator('.when'));
      expect(when).toContain(`${time}`);
      expect(when).toContain('(Europe/Paris)');
      expect(when).toContain('in Europe/Lisbon');
    }
    expect(await page.locator('form.details button').allInnerTexts()).toEqual(['Pay €120.00', 'Down payment €30.00']);
    await fillDetails(page, 'Mary Somerville', `mary.${c.name}@example.com`);
    await s.shot('details');
    await page.getByRole('button', { name: 'Down payment €30.00' }).click();
    await page.waitForURL(/\/demo\/gateway\?/);
    expect(await shown(page.locator('main'))).toContain('30.00 EUR');
    await s.shot('gateway');
    await page.getByRole('button', { name: 'Pay', exact: true }).click();
    await backFromGateway(s);
    await openConfirmation(s, suite.server, `mary.${c.name}@example.com`);
    expect(await shown(page.locator('main'))).toContain('Your booking is confirmed.');
    expect(await fact(page, 'Paid')).toBe('€30.00');
    expect(await fact(page, 'Price')).toBe('€120.00');
    expect(await fact(page, 'When')).toContain(time);
    await s.shot('confirmed-paid');
    await s.axe('deposit paid');
    await s.close();
  });

  it('sends the client back to the calendar when the time was booked meanwhile', async () => {
    const s = await open('taken-meanwhile');
    const { page } = s;
    await page.goto('/book/free-consultation');
    // One photographer, so the time is really gone once someone else has it.
    await page.getByRole('radio', { name: 'Ana' }).check();
    await page.waitForURL(/staff=\d+/);
    await chooseFirstTime(s);
    await fillDetails(page, 'Late Comer', 'late@example.com');
    await s.shot('details-filled');
    const form = page.locator('form.details');
    const start = await form.locator('input[name="start"]').inputValue();
    const staff = await form.locator('input[name="staff"]').inputValue();
    const api = await fetch(`${suite.server.url}/api/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        service: 'free-consultation',
        staff,
        start,
        client: { name: 'Quick Booker', email: 'quick@example.com' },
        payment: 'none',
      }),
    });
    expect(api.status).toBe(201);

    const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/details'));
    await page.getByRole('button', { name: 'Finish' }).click();
    expect((await answer).status()).toBe(409);
    await page.waitForLoadState();
    const alert = page.getByRole('alert');
    expect(await alert.isVisible()).toBe(true);
    expect(await shown(alert)).toContain('Sorry, that time was booked by someone else');
    expect(await page.evaluate('document.activeElement?.getAttribute("role")')).toBe('alert');
    expect(await shown(page.locator('h1'))).toBe('Book Free consultation');
    expect(await page.locator('[data-calendar]').isVisible()).toBe(true);
    await s.shot('taken');
    await s.axe('time taken');
    await s.close();
  });

  it('keeps the booking page under 100 KB (HTML, CSS and script, uncompressed)', async () => {
    const s = await open('page-weight');
    const { page } = s;
    const sizes: { type: string; url: string; bytes: number }[] = [];
    const reading: Promise<void>[] = [];
    page.on('response', (r) => {
      const type = r.request().resourceType();
      if (['document', 'stylesheet', 'script'].includes(type)) {
        reading.push(r.body().then((b) => void sizes.push({ type, url: new URL(r.url()).pathname, bytes: b.length })));
      }
    });
    await page.goto('/book/portrait-session', { waitUntil: 'networkidle' });
    await Promise.all(reading);
    const total = sizes.reduce((n, x) => n + x.bytes, 0);
    console.log(
      `page weight /book/portrait-session: ${total} bytes (${sizes.map((x) => `${x.type} ${x.url} ${x.bytes}`).join(', ')})`,
    );
    expect(sizes.map((x) => x.type).sort()).toEqual(['document', 'script', 'stylesheet']);
    expect(total).toBeLessThan(100 * 1024);
    await s.close();
  });
});
