/**
 * Content per language (SPEC §12, issue 21 point 2), end to end: a service named and described in
 * English and Portuguese (and French) and a staff label in both show in the reader's language on
 * the pages, in the emails (subject included) and the calendar file, and from the public API;
 * `fr-CA` reads French by the one fallback rule; a language without a wording falls back to the
 * business language. Through createApp().request() and the job worker, on the embedded database.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Setup } from '../src/app/setup-schema.ts';
import { demoSetup } from '../src/demo/demo-studio.ts';
import { openTestDatabase, type TestDatabase } from './support/db.ts';
import { type Lifecycle, startLifecycle, tokenIn } from './support/lifecycle.ts';
import { STUDIO } from './support/studio.ts';

const NAMES = { en: 'Portrait session', pt: 'Sessão de retrato', fr: 'Séance portrait' };
const TEXTS = { en: 'An hour in the studio', pt: 'Uma hora no estúdio' };
const LABELS = { en: 'Choose photographer', pt: 'Escolha o fotógrafo' };

const multilingual = (locale: 'en' | 'pt'): Setup => ({
  ...STUDIO,
  business: { ...STUDIO.business, locale, staffLabel: LABELS },
  services: (STUDIO.services ?? []).map((s) => (s.key === 'portrait' ? { ...s, name: NAMES, description: TEXTS } : s)),
});

let tdb: TestDatabase;
let t: Lifecycle;

beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(async () => {
  await tdb.close();
});
beforeEach(async () => {
  t = await startLifecycle(tdb, multilingual('en'));
});
afterEach(() => {
  expect(t.errors).toEqual([]);
});

const page = async (path: string, headers: Record<string, string> = {}) =>
  (await t.app.request(path, { headers })).text();

describe('pages in the reader’s language', () => {
  it('Portuguese: the service list and the booking page show the pt name, description and staff label', async () => {
    const list = await page('/?lang=pt');
    expect(list).toContain('Sessão de retrato');
    expect(list).toContain('Uma hora no estúdio');
    expect(list).not.toContain('Portrait session');
    const book = await page('/book/portrait?date=2027-03-29', { 'accept-language': 'pt-BR,pt;q=0.9' });
    expect(book).toContain('<h1>');
    expect(book).toContain('Sessão de retrato');
    expect(book).toContain('<legend>Escolha o fotógrafo</legend>');
    expect(book).not.toContain('Choose photographer');
  });

  it('fr-CA reads the French name (one fallback rule); no French staff label: the business language’s', async () => {
    const book = await page('/book/portrait?date=2027-03-29', { 'accept-language': 'fr-CA' });
    expect(book).toContain('<html lang="fr"');
    expect(book).toContain('Séance portrait');
    expect(book).toContain('<legend>Choose photographer</legend>');
  });

  it('a language without a wording falls back to the business language: English here, Portuguese for a pt business', async () => {
    expect(await page('/?lang=de')).toContain('Portrait session');
    await tdb.store.applySetup(multilingual('pt'), async (p) => p);
    const de = await page('/?lang=de');
    expect(de).toContain('Sessão de retrato');
    expect(de).toContain('Uma hora no estúdio');
    expect(await page('/book/portrait?date=2027-03-29&lang=de')).toContain('<legend>Escolha o fotógrafo</legend>');
  });
});

describe('emails, calendar file and manage page of a booking made in Portuguese', () => {
  it('the confirmation email (subject, body, .ics) and the manage page carry the pt name', async () => {
    const res = await t.app.request('/book/portrait/details?lang=pt', {
      method: 'POST',
      headers: { cookie: 'lang=pt' },
      body: new URLSearchParams({
        start: '2027-03-29T10:00:00+02:00',
        staff: '1',
        tz: 'Europe/Paris',
        key: 'p'.repeat(24),
        name: 'Inês',
        email: 'ines@example.com',
        payment: 'none',
      }),
    });
    expect(res.status).toBe(303);
    await t.deliver();
    const [mail] = t.mail.to('ines@example.com');
    expect(mail?.subject).toContain('Sessão de retrato');
    expect(mail?.text).toContain('Sessão de retrato');
    expect(mail?.text).not.toContain('Portrait session');
    const ics = mail?.attachments.find((a) => a.filename.endsWith('.ics'));
    expect(String(ics?.content)).toContain('Sessão de retrato');
    const token = tokenIn(mail?.text ?? '');
    expect(await page(`/manage/${token}`, { cookie: 'lang=pt' })).toContain('<dd>Sessão de retrato</dd>');
    expect(await page(`/manage/${token}?lang=en`)).toContain('<dd>Portrait session</dd>');
    const file = await (await t.app.request(`/api/v1/manage/${token}/calendar.ics`)).text();
    expect(file).toContain('Sessão de retrato');
  });
});

describe('the public API answers in the requested language', () => {
  it('?lang= and Accept-Language choose the name, description and staff label; the business language otherwise', async () => {
    const pt = await t.call('/services/portrait?lang=pt');
    expect(pt.body).toMatchObject({ name: 'Sessão de retrato', description: 'Uma hora no estúdio' });
    expect(pt.headers.get('vary')).toContain('Accept-Language');
    const frCa = await t.call('/services', { headers: { 'accept-language': 'fr-CA' } });
    expect(frCa.body.services.find((s: { slug: string }) => s.slug === 'portrait').name).toBe('Séance portrait');
    expect((await t.call('/services/portrait', { headers: { 'accept-language': 'de' } })).body.name).toBe(
      'Portrait session',
    );
    expect((await t.call('/business?lang=pt')).body.staffLabel).toBe('Escolha o fotógrafo');
    expect((await t.call('/business')).body.staffLabel).toBe('Choose photographer');
  });
});

describe('the demo studio in Lisbon speaks Portuguese', () => {
  it('its services and staff label are in Portuguese for a Portuguese reader, in English otherwise', async () => {
    t = await startLifecycle(tdb, demoSetup(Date.parse('2027-03-26T11:00:00Z')));
    const pt = await page('/', { 'accept-language': 'pt-PT,pt;q=0.9' });
    for (const name of ['Sessão de retrato', 'Retrato profissional expresso', 'Consulta gratuita']) {
      expect(pt).toContain(name);
    }
    expect(pt).toContain('Uma hora no estúdio, 10 fotografias retocadas.');
    expect(await page('/book/portrait-session?lang=pt')).toContain('<legend>Escolha o fotógrafo</legend>');
    const en = await page('/?lang=en');
    expect(en).toContain('Portrait session');
    expect(en).not.toContain('Sessão de retrato');
  });
});
