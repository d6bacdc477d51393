/**
 * Issue 21: axe reports no WCAG 2.2 AA violation on the dashboard's main screens in every language
 * the dashboard speaks, and each screen says its language in <html lang>. One browser context a
 * language (its Accept-Language, from the context's locale, is the only thing that picks the
 * language: the demo admin has chosen none), the screens visited in sequence by their links.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, DEMO_ZONE } from '../../src/demo/demo-studio.ts';
import { LOCALES } from '../../src/i18n/locale.ts';
import { describeBrowser } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browser-suite.ts';

/** The browser locale a language is asked for with, as a person there would have it. */
const BROWSER_LOCALE: Record<string, string> = { en: 'en-GB', fr: 'fr-FR', de: 'de-DE', es: 'es-ES', pt: 'pt-PT' };

/** The first link on the page to one record of a list (`/admin/bookings/123`), by its path. */
async function firstRecord(page: Page, list: string): Promise<string> {
  const hrefs = await page
    .locator(`main a[href^="${list}/"]`)
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const found = hrefs.find((h) => h !== null && new RegExp(`^${list}/\\d+$`).test(h));
  expect(found, `a link to one of ${list}`).toBeDefined();
  return found as string;
}

describeBrowser('the dashboard in every language', () => {
  const suite = useBrowserSuite();

  it('covers every language the dashboard speaks', () => {
    expect(Object.keys(BROWSER_LOCALE).sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES)('has no WCAG 2.2 AA violations on the main screens, and says lang="%s"', async (lang) => {
    const s = await suite.open(`dashboard-${lang}`, { timezoneId: DEMO_ZONE, locale: BROWSER_LOCALE[lang] });
    const { page } = s;
    const check = async (step: string) => {
      expect(await page.locator('html').getAttribute('lang'), step).toBe(lang);
      await s.shot(step);
      await s.axe(step);
    };

    // Signed in by the fields' ids: their labels are in the language under test.
    await page.goto('/admin/sign-in');
    await check('sign-in');
    await page.locator('#f-email').fill(DEMO_ADMIN_EMAIL);
    await page.locator('#f-password').fill(DEMO_PASSWORD);
    await page.locator('form.panel button[type="submit"]').click();
    await page.waitForURL(/\/admin$/);
    await check('calendar');

    await page.goto('/admin/bookings');
    await check('bookings');
    await page.goto(await firstRecord(page, '/admin/bookings'));
    await check('booking');

    await page.goto('/admin/services');
    await check('services');
    await page.goto(await firstRecord(page, '/admin/services'));
    await check('service form');

    await page.goto('/admin/staff');
    await check('staff');
    await page.goto(await firstRecord(page, '/admin/staff'));
    await check('staff schedule');

    await page.goto('/admin/settings');
    await check('settings');
    await page.goto('/admin/account');
    await check('account');
    await s.close();
  });
});
