/**
 * A member's schedule in a real browser, on the demo studio: the demo admin signs in, opens a
 * photographer's page, changes their hours for one weekday and adds a day off, then the public
 * booking page (that photographer chosen) shows the day off as closed and the weekday's times as
 * the new hours. Also the services, staff and settings pages with refused forms, a staff member on
 * their own schedule, and a phone-sized staff page; axe's WCAG 2.2 AA rules on each.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { addDays, dateOf, type Weekday, weekdayOf } from '../../src/core/index.ts';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, DEMO_ZONE, demoSetup } from '../../src/demo/demo-studio.ts';
import { describeBrowser, MOBILE, shown, shownTimes, tabUntil } from '../support/browser.ts';
import { type SessionOptions, signInAs, useBrowserSuite } from '../support/browser-suite.ts';
import { png } from '../support/images.ts';

/** The first `weekday` at least a week ahead (past the demo bookings, inside the horizon). */
function nextWeekday(weekday: Weekday): string {
  let date = addDays(dateOf(Date.now(), DEMO_ZONE), 7);
  while (weekdayOf(date) !== weekday) date = addDays(date, 1);
  return date;
}

/** The public calendar's cell for a date, on the month that holds it. */
async function publicDay(page: Page, staffId: string, date: string) {
  await page.goto(`/book/free-consultation?staff=${staffId}&month=${date.slice(0, 7)}`);
  return page.locator(`[data-calendar] [data-date="${date}"]`);
}

describeBrowser('a member’s schedule in the dashboard', () => {
  const suite = useBrowserSuite();
  const signIn = async (test: string, email: string, opts: SessionOptions = {}) =>
    signInAs(await suite.open(test, { timezoneId: DEMO_ZONE, ...opts }), email, DEMO_PASSWORD);

  it('changes a weekday’s hours and adds a day off, and the public calendar follows', async () => {
    const s = await signIn('schedule', DEMO_ADMIN_EMAIL);
    const { page } = s;
    const monday = nextWeekday('mon');
    const wednesday = nextWeekday('wed');

    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Staff' }).click();
    await page.waitForURL(/\/admin\/staff$/);
    expect(await shown(page.locator('h1'))).toBe('Staff');
    await s.shot('staff-list');
    await s.axe('staff list');
    await page.getByRole('link', { name: 'Tomás Silva' }).click();
    await page.waitForURL(/\/admin\/staff\/\d+$/);
    const staffId = /\/admin\/staff\/(\d+)$/.exec(page.url())?.[1] as string;
    expect(await shown(page.locator('h1'))).toBe('Tomás Silva');
    // Tomás does not work on Mondays; Wednesdays 12:00–20:00.
    expect(await shown(page.locator('table.hours tr:has(th:text-is("Monday")) td').last())).toBe('Not working');
    await s.shot('member');
    await s.axe('staff member page');

    // Before: no times on Monday, free times on Wednesday, on the public calendar.
    const before = await publicDay(page, staffId, wednesday);
    expect(await before.getAttribute('href')).not.toBeNull();
    expect(await (await publicDay(page, staffId, monday)).getAttribute('aria-disabled')).toBe('true');

    // A refused range first: the day and range are named, the field marked.
    await page.goto(`/admin/staff/${staffId}`);
    await page.getByLabel('Monday, range 1, from').fill('12:00');
    await page.getByLabel('Monday, range 1, to').fill('09:00');
    await page.getByRole('button', { name: 'Save hours' }).click();
    await page.waitForURL(/\/hours$/);
    const alert = page.getByRole('alert');
    expect(await shown(alert)).toContain('Monday, range 1: the start must be before the end');
    // The summary leads the page and has the focus, so it is what is read first.
    expect(await page.evaluate<string>('document.activeElement?.getAttribute("role") ?? ""')).toBe('alert');
    expect(await page.getByLabel('Monday, range 1, from').getAttribute('aria-invalid')).toBe('true');
    await s.shot('hours-refused');
    await s.axe('hours refused');

    // Monday 09:00–12:00 from now on.
    await page.getByLabel('Monday, range 1, from').fill('09:00');
    await page.getByLabel('Monday, range 1, to').fill('12:00');
    await page.getByRole('button', { name: 'Save hours' }).click();
    await page.waitForURL(/\?done=hours#hours$/);
    expect(await shown(page.locator('#hours ~ [role="status"]'))).toContain('The weekly hours are saved');
    expect(await shown(page.locator('table.hours tr:has(th:text-is("Monday")) td').last())).toBe('09:00–12:00');
    await s.shot('hours-saved');

    // A day off on that Wednesday.
    const daysOff = page.locator('section[aria-labelledby="days-off"]');
    await daysOff.getByLabel('From', { exact: true }).fill(wednesday);
    await daysOff.getByLabel('Note', { exact: true }).fill('Workshop in Porto');
    await page.getByRole('button', { name: 'Add day off' }).click();
    await page.waitForURL(/\?done=day-off-added#days-off$/);
    expect(await shown(page.locator('#days-off ~ [role="status"]'))).toContain('The day off is added');
    const row = page.locator('#days-off').locator('xpath=..').locator('tbody tr', { hasText: 'Workshop in Porto' });
    expect(await row.count()).toBe(1);
    await s.shot('day-off-added');
    await s.axe('staff page after saving');

    // The public calendar with Tomás chosen: Wednesday closed, Monday offers the new hours.
    const closed = await publicDay(page, staffId, wednesday);
    expect(await closed.getAttribute('href')).toBeNull();
    expect(await closed.getAttribute('aria-disabled')).toBe('true');
    expect(await closed.getAttribute('aria-label')).toMatch(/, closed$/);
    expect(await closed.evaluate((el) => el.tagName)).toBe('SPAN');
    await closed.scrollIntoViewIfNeeded();
    await s.shot('public-day-closed');
    const open = await publicDay(page, staffId, monday);
    expect(await open.getAttribute('aria-disabled')).toBeNull();
    await open.click();
    await page.waitForURL((u) => u.searchParams.get('date') === monday);
    expect(await shownTimes(page)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']);
    await s.shot('public-monday-times');
    await s.close();
  });

  it('shows the services, a service form with a refused deposit, and the settings', async () => {
    const s = await signIn('catalog', DEMO_ADMIN_EMAIL);
    const { page } = s;
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Services' }).click();
    await page.waitForURL(/\/admin\/services$/);
    expect(await page.locator('tbody tr').count()).toBe(demoSetup(Date.now()).services?.length);
    await s.shot('services');
    await s.axe('services');

    await page.getByRole('link', { name: 'Portrait session' }).click();
    await page.waitForURL(/\/admin\/services\/\d+$/);
    expect(await page.getByLabel('Price', { exact: true }).inputValue()).toBe('120.00');
    expect(await page.getByLabel('Ana Ribeiro').isChecked()).toBe(true);
    expect(await page.getByLabel('Mei Tanaka').isChecked()).toBe(false);
    await s.shot('service-form');
    await s.axe('service form');
    // The picture panel (decision 032): a real file input, posted as multipart with the CSRF field.
    await page.getByLabel('Image file', { exact: true }).setInputFiles({
      name: 'studio.png',
      mimeType: 'image/png',
      buffer: await png(600, 400),
    });
    await page.getByRole('button', { name: 'Upload image' }).click();
    await page.waitForURL(/picture=saved/);
    const preview = page.getByRole('img', { name: 'Image of Portrait session' });
    expect([await preview.getAttribute('width'), await preview.getAttribute('height')]).toEqual(['600', '400']);
    await preview.scrollIntoViewIfNeeded(); // it loads lazily
    await page.waitForFunction('document.querySelector(".picture-preview")?.naturalWidth > 0');
    expect(await preview.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(600);
    await s.shot('service-picture');
    await s.axe('service picture');
    await page.getByLabel('Deposit', { exact: true }).fill('500');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('alert').waitFor();
    expect(await shown(page.getByRole('alert'))).toContain('Deposit: must not exceed the price (120.00)');
    expect(await page.getByLabel('Deposit', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('link', { name: /^Deposit:/ }).click();
    expect(await page.evaluate<string>('document.activeElement?.id ?? ""')).toBe('f-deposit');
    await s.shot('service-refused');
    await s.axe('service form refused');

    await page.goto('/admin/services/new');
    await s.shot('service-new');
    await s.axe('new service');

    // The studio room the portraits need, on the resources page and in the portrait's form.
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Resources' }).click();
    await page.waitForURL(/\/admin\/resources$/);
    expect(await shown(page.locator('main tbody'))).toContain('Studio room');
    await s.shot('resources');
    await s.axe('resources');
    await page.goto('/admin/services');
    await page.getByRole('link', { name: 'Portrait session' }).click();
    expect(await page.getByLabel('Studio room').isChecked()).toBe(true);

    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL(/\/admin\/settings$/);
    expect(await page.getByLabel('Business name').inputValue()).toBe('Lumen Photo Studio');
    await s.shot('settings');
    await s.axe('settings');
    await page.getByLabel('Staff label').fill('Choose your photographer');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.waitForURL(/\?done=saved$/);
    expect(await shown(page.getByRole('status'))).toBe('The settings are saved.');
    await page.goto('/book/portrait-session');
    expect(await shown(page.locator('main'))).toContain('Choose your photographer');
    await s.close();
  });

  it('lets a photographer edit their own schedule, and refuses the admin pages', async () => {
    const s = await signIn('own-schedule', 'ana@lumen.test', { viewport: MOBILE });
    const { page } = s;
    await page.getByRole('link', { name: 'My schedule' }).click();
    await page.waitForURL(/\/admin\/staff\/\d+$/);
    expect(await shown(page.locator('h1'))).toBe('My schedule — Ana Ribeiro');
    await s.shot('own-schedule-mobile');
    await s.axe('own schedule, 360 px');

    // Time off with times: the note typed and the form sent from the keyboard, then removed by Tab and Enter.
    const blocks = page.locator('section[aria-labelledby="blocks"]');
    const day = addDays(dateOf(Date.now(), DEMO_ZONE), 20);
    await blocks.getByLabel('From', { exact: true }).fill(`${day}T13:00`);
    await blocks.getByLabel('Until', { exact: true }).fill(`${day}T15:30`);
    await blocks.getByLabel('Note', { exact: true }).focus();
    await page.keyboard.type('Dentist');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?done=block-added#blocks$/);
    expect(await shown(page.locator('#blocks ~ [role="status"]'))).toContain('The time off is added');
    expect(await shown(blocks.locator('tbody tr'))).toContain('Dentist');
    await s.axe('time off added, 360 px');
    await tabUntil(page, (f) => f.tag === 'button' && f.name.startsWith('Remove the time off from'), 300);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?done=block-removed#blocks$/);
    expect(await blocks.locator('tbody tr', { hasText: 'Dentist' }).count()).toBe(0);

    // A calendar address typed from the keyboard: a webcal:// link is refused, the summary leads.
    const calendars = page.locator('section[aria-labelledby="calendars"]');
    await calendars.getByLabel('Calendar address (iCalendar URL)').focus();
    await page.keyboard.type('webcal://calendar.example.test/ana/private.ics');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor();
    expect(await shown(page.getByRole('alert'))).toContain('write https:// instead of webcal://');
    expect(await page.evaluate<string>('document.activeElement?.getAttribute("role") ?? ""')).toBe('alert');
    await s.shot('calendar-refused-mobile');
    await s.axe('calendar refused, 360 px');

    await page.goto('/admin/settings');
    expect(await shown(page.locator('h1'))).toBe('Not allowed');
    await s.shot('settings-refused');
    await s.axe('403 page');
    await s.close();
  });
});
