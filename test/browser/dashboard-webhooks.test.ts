/**
 * The webhook pages in a real browser on the demo studio: the demo admin signs in, adds a webhook
 * pointing at a receiver on 127.0.0.1, reads its secret, sends a test event and sees it in the
 * delivery log (the demo's job worker delivers it), with axe's WCAG 2.2 AA rules on every page.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from '../../src/demo/demo-studio.ts';
import { describeBrowser, MOBILE, shown, startDemoServer } from '../support/browser.ts';
import { type SessionOptions, signInAs, useBrowserSuite } from '../support/browser-suite.ts';

describeBrowser('webhooks in the dashboard', () => {
  let receiver: Server;
  let hookUrl: string;
  const received: { type: string; id: string }[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/slotwise`;
  });

  afterAll(async () => {
    receiver?.closeAllConnections();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  // The receiver is on 127.0.0.1: the server opts in to private addresses.
  const suite = useBrowserSuite({ start: () => startDemoServer({ ALLOW_PRIVATE_URLS: '1' }) });
  const signIn = async (test: string, opts: SessionOptions = {}) =>
    signInAs(await suite.open(test, opts), DEMO_ADMIN_EMAIL, DEMO_PASSWORD, {
      next: '/admin/webhooks',
      landing: /\/admin\/webhooks$/,
    });

  it('adds a webhook, shows its secret, sends a test event and logs the delivery', async () => {
    const s = await signIn('webhooks');
    const { page } = s;
    expect(await shown(page.locator('h1'))).toBe('Webhooks');
    await s.shot('list-empty');
    await s.axe('webhook list');

    // A refused form first: the URL is named in the summary and beside the field.
    await page.getByLabel('URL', { exact: true }).fill('ftp://example.com/drop');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await page.getByRole('alert').waitFor();
    expect(await shown(page.getByRole('alert'))).toContain('URL: The URL must be an http or https URL.');
    expect(await page.getByLabel('URL', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await s.shot('list-error');
    await s.axe('add form with an error');

    await page.getByLabel('URL', { exact: true }).fill(hookUrl);
    await page.getByLabel('Description', { exact: true }).fill('Studio accounting');
    await page.getByRole('checkbox', { name: /booking\.paid/ }).uncheck();
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await page.waitForURL(/\/admin\/webhooks\/\d+\?done=created$/);
    expect(await shown(page.getByRole('status'))).toContain('The webhook is added.');
    const secret = await shown(page.locator('code.secret'));
    expect(secret).toMatch(/^whsec_/);
    await s.shot('created');
    await s.axe('new webhook with its secret');

    await page.getByRole('button', { name: 'Send a test event' }).click();
    await page.waitForURL(/\?done=test#log$/);
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(1);
    expect(received[0]?.type).toBe('ping');
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.locator('.delivery-log tbody tr').count();
        },
        { timeout: 10_000 },
      )
      .toBe(1);
    const row = page.locator('.delivery-log tbody tr').first();
    expect(await shown(row)).toContain(received[0]?.id ?? 'no event');
    expect(await shown(row)).toContain('✓ Delivered (HTTP 200)');
    await page.locator('#log').scrollIntoViewIfNeeded();
    await s.shot('delivery-log');
    await s.axe('webhook with a delivery');

    // The list now shows how the last delivery went.
    await page.getByRole('link', { name: 'Webhooks', exact: true }).first().click();
    await page.waitForURL(/\/admin\/webhooks$/);
    expect(await shown(page.locator('.webhook-list tbody'))).toContain('✓ Delivered (HTTP 200)');
    await s.shot('list');
    await s.axe('webhook list with one webhook');
    await s.close();
  });

  it('is usable on a 360 px phone', async () => {
    const s = await signIn('webhooks-mobile', { viewport: MOBILE });
    const { page } = s;
    await page.getByLabel('URL', { exact: true }).fill(`${hookUrl}?from=phone`);
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await page.waitForURL(/\/admin\/webhooks\/\d+\?done=created$/);
    await s.shot('created');
    await page.goto('/admin/webhooks');
    await s.shot('list');
    await s.axe('webhook list on a phone');
    await page.getByRole('link', { name: `${hookUrl}?from=phone` }).click();
    await page.waitForURL(/\/admin\/webhooks\/\d+$/);
    await page.getByText('Show the secret').click();
    await s.shot('webhook');
    await s.axe('webhook on a phone');
    // Nothing wider than the screen but the log table, which scrolls in its own box.
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await s.close();
  });
});
