/**
 * What comes after a first booking, in a real browser on the demo studio: a returning client
 * proves their email with the code from the dev mailbox, and a client follows the links in their
 * emails to move and then cancel a booking.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  clickDay,
  clickFirstFreeDay,
  describeBrowser,
  linkIn,
  type Session,
  shown,
  shownTimes,
  waitForMail,
} from '../support/browser.ts';
import { useBrowserSuite } from '../support/browser-suite.ts';

const fact = (page: Page, label: string) => shown(page.locator(`dt:text-is("${label}") + dd`));

describeBrowser('after booking, in a browser', () => {
  const suite = useBrowserSuite();
  const open = suite.open;

  /** A free consultation through the pages, on the first free day at its first time. */
  async function bookConsultation(s: Session, name: string, email: string): Promise<{ date: string; time: string }> {
    const { page } = s;
    await page.goto('/');
    await page.getByRole('link', { name: 'Book Free consultation' }).click();
    await page.waitForURL(/\/book\/free-consultation/);
    const date = await clickFirstFreeDay(page);
    const time = (await shownTimes(page))[0] ?? '';
    await page.locator('[data-times] .slot').first().click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForURL(/\/details\?/);
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.waitForURL(/\/manage\//);
    return { date, time };
  }

  it('asks a returning client for the emailed code: a wrong one says the tries left, the right one confirms', async () => {
    const s = await open('known-client');
    const { page } = s;
    const email = 'returning@example.com';
    await bookConsultation(s, 'Rita Returning', email);
    expect(await shown(page.locator('main'))).toContain('Your booking is confirmed.');
    await s.shot('first-confirmed');

    await bookConsultation(s, 'Rita Returning', email);
    expect(await shown(page.locator('main'))).toContain('Your booking is waiting for the code we emailed you.');
    await page.getByLabel('Code from the email').waitFor();
    await s.shot('code-asked');
    await s.axe('code page');

    const mail = await waitForMail(suite.server, email, (m) => /\b\d{6}\b/.test(m.subject));
    const code = /\b(\d{6})\b/.exec(mail.subject)?.[1] ?? '';
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    await page.getByLabel('Code from the email').fill(wrong);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('alert').waitFor();
    expect(await shown(page.getByRole('alert'))).toBe('That code is not right. 4 tries left.');
    expect(await page.evaluate('document.activeElement?.getAttribute("role")')).toBe('alert');
    await s.shot('wrong-code');
    await s.axe('wrong code');

    await page.getByLabel('Code from the email').fill(code);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.waitForURL(/\/manage\/[^/]+\?done=1$/);
    expect(await shown(page.locator('main'))).toContain('Your booking is confirmed.');
    expect(await fact(page, 'Status')).toBe('confirmed');
    await s.shot('confirmed');
    await s.close();
  });

  it('moves and then cancels a booking from the links in its emails; the time is free again', async () => {
    const s = await open('emailed-links');
    const { page } = s;
    const email = 'links@example.com';
    await bookConsultation(s, 'Lin Links', email);
    const staff = await fact(page, 'With');

    // As a person would: open the dev mailbox and follow the link in the confirmation email.
    const confirmed = await waitForMail(suite.server, email, (m) => m.subject.startsWith('Booking confirmed'));
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
    await s.shot('mailbox');
    const message = page.locator('article', { hasText: confirmed.subject });
    await message
      .getByRole('link', { name: linkIn(confirmed, suite.server, '/manage/') })
      .first()
      .click();
    await page.waitForURL(/\/manage\/[A-Za-z0-9_-]{43}$/);
    expect(await shown(page.locator('main'))).toContain('Your booking is confirmed.');
    await s.shot('manage');
    await s.axe('manage page');

    await page.getByRole('link', { name: 'Change date or time' }).click();
    await page.waitForURL(/\/reschedule$/);
    await s.shot('reschedule');
    // Another day than the booked one.
    const booked = await page.locator('[data-calendar] [aria-selected="true"] [data-date]').getAttribute('data-date');
    const date = await clickDay(page, { not: booked });
    const time = (await shownTimes(page))[0] ?? '';
    await page.locator('[data-times] .slot').first().click();
    await s.shot('reschedule-chosen');
    await s.axe('reschedule page');
    await page.getByRole('button', { name: 'Move my booking here' }).click();
    await page.waitForURL(/\?moved=1$/);
    expect(await shown(page.getByRole('status'))).toBe('Your booking has been moved.');
    expect(await fact(page, 'When')).toContain(time);
    await s.shot('moved');
    await s.axe('moved');

    const changed = await waitForMail(suite.server, email, (m) => m.subject.startsWith('Booking changed'));
    await page.goto(linkIn(changed, suite.server, '/manage/'));
    await page.getByRole('link', { name: 'Cancel booking' }).click();
    await page.waitForURL(/\/cancel$/);
    await s.shot('cancel-question');
    await s.axe('cancel question');
    await page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await page.waitForURL(/\?cancelled=1$/);
    expect(await shown(page.locator('main'))).toContain('This booking is cancelled.');
    expect(await shown(page.getByRole('status'))).toContain('Your booking is cancelled.');
    await s.shot('cancelled');
    await s.axe('cancelled');

    // The booking page offers that time again, with that photographer.
    await page.goto('/book/free-consultation');
    await page.getByRole('radio', { name: staff }).check();
    await page.waitForURL(/staff=\d+/);
    await clickDay(page, { date });
    expect(await shownTimes(page)).toContain(time);
    await s.shot('time-free-again');
    await s.close();
  });
});
