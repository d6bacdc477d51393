/**
 * The dashboard's service and settings forms take content per language (SPEC §12): one input per
 * other language the pages speak, saved as the API's per-language objects, shown again on edit,
 * and a refused translation pointed at its own input.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { signedIn } from '../support/sessions.ts';

let tdb: TestDatabase;
let d: Dashboard;
beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(() => tdb.close());
afterEach(() => expect(d.errors).toEqual([]));
beforeEach(async () => {
  d = await startDashboard(tdb);
});

/** The value of a text input in a page. */
function valueIn(html: string, name: string): string {
  const m = new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html);
  expect(m, `no value of ${name} in the page`).not.toBeNull();
  return (m as RegExpExecArray)[1] as string;
}

/** A complete service form, as the new-service page posts it. */
const serviceForm = (over: Record<string, string> = {}) => ({
  slug: 'family',
  name: 'Family portrait',
  description: 'Up to six people.',
  durationMinutes: '90',
  price: '200',
  deposit: '50',
  currency: '',
  imageUrl: '',
  colorPick: '#2f5d8a',
  colorWas: '#2f5d8a',
  color: '#aa3300',
  allowRescheduling: 'on',
  rescheduleLimit: '',
  bufferBeforeMinutes: '0',
  bufferAfterMinutes: '15',
  active: 'on',
  ...over,
});

/** The settings form as the page shows it for the test studio. */
const settingsForm = (over: Record<string, string> = {}) => ({
  name: 'Test Studio',
  timezone: 'Europe/Paris',
  currency: 'EUR',
  locale: 'en',
  staffLabel: 'Choose photographer',
  ownerEmail: '',
  mailFrom: '',
  paymentUrl: '',
  paymentSecret: '',
  slotStepMinutes: '30',
  gapMinutes: '0',
  minNoticeMinutes: '0',
  horizonDays: '400',
  holdMinutes: '15',
  defaultRescheduleLimit: '3',
  allowStaffChangeOnReschedule: 'on',
  rescheduleNoticeHours: '0',
  cancelNoticeHours: '0',
  reminderHours: '24',
  retainUnconfirmedDays: '30',
  retainPastDays: '0',
  noShowLimit: '0',
  waitlistOfferMinutes: '30',
  ...over,
});

describe('translations in the dashboard’s forms', () => {
  it('the service form has an input per other language; given ones are saved by language and shown again', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const empty = await admin.page('/admin/services/new');
    for (const l of ['fr', 'de', 'es', 'pt']) expect(empty.html).toContain(`name="name-${l}"`);
    expect(empty.html).not.toContain('name="name-en"');
    expect(empty.html).toContain('<legend>Name in other languages</legend>');
    const r = await admin.form('/admin/services', {
      ...serviceForm(),
      'name-pt': 'Retrato de família',
      'description-pt': 'Até seis pessoas.',
      'name-fr': '',
    });
    expect([r.status, r.location]).toEqual([303, '/admin/services?done=created']);
    const made = (await d.as('admin', 'GET', 'services/family')).body;
    expect(made.name).toEqual({ en: 'Family portrait', pt: 'Retrato de família' });
    expect(made.description).toEqual({ en: 'Up to six people.', pt: 'Até seis pessoas.' });
    const edit = await admin.page(`/admin/services/${made.id}`);
    expect(valueIn(edit.html, 'name')).toBe('Family portrait');
    expect(valueIn(edit.html, 'name-pt')).toBe('Retrato de família');
    expect(edit.html).toContain('Até seis pessoas.</textarea>');
    expect((await d.call('/api/v1/services/family?lang=pt')).body.name).toBe('Retrato de família');
  });

  it('no translation given: the plain text, as before', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    await admin.form('/admin/services', serviceForm());
    expect((await d.as('admin', 'GET', 'services/family')).body.name).toBe('Family portrait');
  });

  it('a refused translation is shown at its own input, as typed, and nothing is saved', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const r = await admin.form('/admin/services', { ...serviceForm(), 'name-de': 'x'.repeat(201) });
    expect(r.status).toBe(400);
    expect(r.html).toContain('href="#f-name-de"');
    expect(r.html).toContain('Name in Deutsch');
    expect(valueIn(r.html, 'name-de')).toBe('x'.repeat(201));
    expect((await d.as('admin', 'GET', 'services/family')).status).toBe(404);
  });

  it('the settings form takes the staff label per language', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    expect((await admin.page('/admin/settings')).html).toContain('name="staffLabel-pt"');
    const r = await admin.form('/admin/settings', settingsForm({ 'staffLabel-pt': 'Escolha o fotógrafo' }));
    expect(r.status).toBe(303);
    expect((await d.as('admin', 'GET', 'settings')).body.staffLabel).toEqual({
      en: 'Choose photographer',
      pt: 'Escolha o fotógrafo',
    });
    expect(valueIn((await admin.page('/admin/settings')).html, 'staffLabel-pt')).toBe('Escolha o fotógrafo');
    expect((await d.call('/api/v1/business?lang=pt')).body.staffLabel).toBe('Escolha o fotógrafo');
  });
});
