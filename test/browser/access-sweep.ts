/**
 * axe-core's WCAG 2.2 AA rules in a real browser on every kind of public page (the payment return
 * page and "my bookings" included), in each language the pages speak. Moved whole from
 * access.test.ts, under the same names, so that the sweep and the keyboard tests run side by side;
 * two languages a file (access-sweep-*.test.ts), so that the halves run side by side too and
 * neither comes near a minute on a slow machine (decision 025).
 */
import { expect, it } from 'vitest';
import { clickFirstFreeDay, describeBrowser, nextMonth } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browser-suite.ts';

const ZONE = 'Europe/Lisbon';

interface Created {
  token: string;
  booking: { reference: string };
  next: { action: string };
}

/** The sweep's tests, one a language, in the file that calls it (with its own server). */
export function sweepPublicPages(languages: readonly string[]): void {
  describeBrowser('access in a browser', () => {
    const suite = useBrowserSuite();
    const open = suite.open;

    /** The path of the newest "my bookings" link emailed to `email`, read from the dev outbox (sent by the server's worker). */
    async function myBookingsLink(email: string): Promise<string> {
      const until = Date.now() + 15_000;
      for (;;) {
        const box = (await (
          await fetch(`${suite.server.url}/api/v1/dev/mailbox?to=${encodeURIComponent(email)}`)
        ).json()) as {
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
      const get = async (path: string) => (await fetch(`${suite.server.url}${path}`)).json();
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
      const res = await fetch(`${suite.server.url}/api/v1/bookings`, {
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

    it.each(languages)('has no WCAG 2.2 AA violations on any public page (%s)', async (lang) => {
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
}
