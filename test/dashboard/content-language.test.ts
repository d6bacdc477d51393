/**
 * Content per language through the admin API (SPEC §12, API.md Part two): a service's name and
 * description and the staff label take a text or wordings by language, come back as given, reach
 * the public side in the reader's language, and a language the pages do not speak is a 400 naming
 * it with nothing written.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOCALIZED_SAMPLES } from '../fuzz/json-bodies.ts';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';

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

const UNKNOWN = 'not a language the pages speak (en, fr, de, es, pt)';

describe('services by language', () => {
  it('creates one with wordings, answers them as given, and the public API picks the reader’s', async () => {
    const name = { en: 'Family shoot', pt: 'Sessão de família' };
    const description = { en: 'Up to six', pt: 'Até seis pessoas' };
    const made = await d.as('admin', 'POST', 'services', {
      slug: 'family',
      name,
      description,
      durationMinutes: 60,
      staff: [d.staffIds.ana],
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name, description });
    expect((await d.as('admin', 'GET', 'services/family')).body).toMatchObject({ name, description });
    const pt = await d.call('/services/family', { headers: { 'accept-language': 'pt-PT' } });
    expect(pt.body).toMatchObject({ name: 'Sessão de família', description: 'Até seis pessoas' });
    // A single text again drops the wordings.
    const plain = await d.as('admin', 'PATCH', 'services/family', { name: 'Family' });
    expect(plain.body).toMatchObject({ name: 'Family', description });
    expect((await d.call('/services/family?lang=pt')).body.name).toBe('Family');
  });

  it('an unknown language, a regional tag or an empty wording: 400 naming each, nothing written', async () => {
    const r = await d.as('admin', 'PATCH', 'services/portrait', {
      name: { en: 'Portrait', xx: 'Xx' },
      description: { 'pt-BR': 'Retrato', fr: ' ' },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.details.fields).toEqual({
      'name.xx': UNKNOWN,
      'description.pt-BR': UNKNOWN,
      'description.fr': 'required',
    });
    expect((await d.as('admin', 'GET', 'services/portrait')).body).toMatchObject({
      name: 'Portrait session',
      description: '',
    });
    for (const name of [{}, 3, [], null, { en: 5 }]) {
      const bad = await d.as('admin', 'PATCH', 'services/portrait', { name });
      expect(bad.status, JSON.stringify(name)).toBe(400);
      expect(Object.keys(bad.body.error.details.fields)[0]).toMatch(/^name/);
    }
  });
});

describe('the staff label by language', () => {
  it('round-trips as given and shows on the public side in the reader’s language', async () => {
    const staffLabel = { en: 'Choose photographer', pt: 'Escolha o fotógrafo' };
    const r = await d.as('admin', 'PATCH', 'settings', { staffLabel });
    expect(r.status).toBe(200);
    expect(r.body.staffLabel).toEqual(staffLabel);
    expect((await d.as('admin', 'GET', 'settings')).body.staffLabel).toEqual(staffLabel);
    expect((await d.call('/business?lang=pt')).body.staffLabel).toBe('Escolha o fotógrafo');
    expect((await d.call('/business?lang=es')).body.staffLabel).toBe('Choose photographer');
  });

  it('an unknown language: 400 naming staffLabel.xx, nothing written', async () => {
    const r = await d.as('admin', 'PATCH', 'settings', { staffLabel: { xx: 'Xx' }, name: 'Renamed' });
    expect(r.status).toBe(400);
    expect(r.body.error.details.fields).toEqual({ 'staffLabel.xx': UNKNOWN });
    expect((await d.as('admin', 'GET', 'settings')).body).toMatchObject({
      name: 'Test Studio',
      staffLabel: 'Choose photographer',
    });
  });
});

describe('the fuzzer’s per-language samples (test/fuzz/json-bodies.ts)', () => {
  it('each is saved (200) or refused naming the field (400) for every per-language field, never a 5xx', async () => {
    for (const sample of LOCALIZED_SAMPLES) {
      for (const [path, field] of [
        ['services/portrait', 'name'],
        ['services/portrait', 'description'],
        ['settings', 'staffLabel'],
      ] as const) {
        const r = await d.as('admin', 'PATCH', path, { [field]: sample });
        expect([200, 400], `${field}: ${JSON.stringify(sample)}`).toContain(r.status);
        if (r.status === 400)
          expect(Object.keys(r.body.error.details.fields).every((k) => k.startsWith(field))).toBe(true);
      }
    }
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
