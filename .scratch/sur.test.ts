import { createHmac } from 'node:crypto';
import { it } from 'vitest';
import { openTestDatabase } from '../support/db.ts';
import { createApp } from '../../src/http/app.ts';
it('x', async () => {
  const t = await openTestDatabase();
  await t.store.applySetup({ business: { paymentUrl: 'http://127.0.0.1:1/pay', paymentSecret: 's3cret' } } as any, async (p) => p);
  const app = createApp({ store: t.store, clock: { now: () => Date.now() }, secret: 'x'.repeat(40), publicUrl: 'http://127.0.0.1', logError: (e) => console.log('LOGGED', e) } as any);
  const body = JSON.stringify({ reference: 'SW-ABB2XG', amount: '120.00', currency: 'EUR', status: 'paid', transactionId: '\ud800' });
  const sig = createHmac('sha256', 's3cret').update(body, 'utf8').digest('hex');
  const r = await app.request('/api/v1/payments/callback', { method: 'POST', headers: { 'content-type': 'application/json', 'x-slotwise-signature': `sha256=${sig}` }, body });
  console.log(r.status, await r.text());
});
