/**
 * The waitlist in a real browser on the demo studio (SPEC §9.3): on a full day the booking page
 * offers "Join the waitlist", filled in and sent with the keyboard alone; a cancellation frees a
 * time, the offer email links to the offer page, whose Accept books it and goes on as any booking
 * (here: to the payment). Each page is checked with axe.
 */
import { expect, it } from 'vitest';
import { describeBrowser, linkIn, shown, waitForMail } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browser-suite.ts';

interface ServiceJson {
  id: string;
  slug: string;
  name: string;
  staff: { id: string; name: string }[];
}

describeBrowser('the waitlist, in a browser', () => {
  const suite = useBrowserSuite();

  async function api<T>(path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const r = await fetch(`${suite.server.url}/api/v1${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    return { status: r.status, body: (await r.json()) as T };
  }

  it('a full day offers the waitlist; the freed time is offered by email and accepted from its page', async () => {
    const { services } = (await api<{ services: ServiceJson[] }>('/services')).body;
    const headshot = services.find((s) => s.name === 'Headshot express') as ServiceJson;
    const mei = headshot.staff.find((m) => m.name.startsWith('Mei')) as { id: string };
    const next = new Date();
    next.setUTCDate(1);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const month = next.toISOString().slice(0, 7);
    const view = await api<{ firstAvailable: string }>(
      `/availability/month?service=${headshot.slug}&staff=${mei.id}&month=${month}`,
    );
    const date = view.body.firstAvailable;
    const day = await api<{ slots: { start: string }[] }>(
      `/availability/day?service=${headshot.slug}&staff=${mei.id}&date=${date}`,
    );
    const tokens: string[] = [];
    for (const [i, slot] of day.body.slots.entries()) {
      const r = await api<{ token: string }>('/bookings', {
        service: headshot.slug,
        staff: mei.id,
        start: slot.start,
        payment: 'full',
        client: { name: `Filler ${i}`, email: `filler${i}@example.com` },
      });
      expect(r.status).toBe(201);
      tokens.push(r.body.token);
    }

    const s = await suite.open('waitlist');
    const { page } = s;
    await page.goto(`/book/${headshot.slug}?staff=${mei.id}&date=${date}`);
    await page.getByRole('heading', { name: 'Join the waitlist' }).waitFor();
    await s.axe('full day with the waitlist form');
    // Keyboard only: focus the name field, type, tab to the email, type, press Enter.
    await page.getByLabel('Name', { exact: true }).focus();
    await page.keyboard.type('Wanda Waiting');
    await page.keyboard.press('Tab');
    await page.keyboard.type('wanda@example.com');
    await page.keyboard.press('Enter');
    await page.getByRole('status').waitFor();
    expect(await shown(page.getByRole('status'))).toContain('You are on the waitlist, number 1 for this day.');
    await s.axe('joined');

    const cancelled = await fetch(`${suite.server.url}/api/v1/manage/${tokens[0]}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(cancelled.status).toBe(200);
    const offer = await waitForMail(suite.server, 'wanda@example.com', (m) => m.subject.startsWith('A time is free'));
    await page.goto(linkIn(offer, suite.server, '/waitlist/offer/'));
    await page.getByRole('heading', { name: 'A time is free for you' }).waitFor();
    await s.axe('offer page');
    await page.getByRole('button', { name: 'Accept this time' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/demo\/gateway/);
    await s.close();
  });
});
