/**
 * The store contract on content per language (SPEC §12, decision 033): the text columns keep the
 * business language's wording, the wordings go beside them and come back as given, a single text
 * clears them, bookings carry their service's wordings, and the database keeps only objects there.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SetupResult } from '../../app/ports.ts';
import type { Setup } from '../../app/setup-schema.ts';
import { contractFixtures, fakeHash, type GetDb, SETUP } from './fixtures.ts';

const PORTRAIT_NAMES = { en: 'Portrait session', pt: 'Sessão de retrato' };
const PORTRAIT_TEXTS = { en: 'Studio portrait', pt: 'Retrato em estúdio' };
const STAFF_LABELS = { en: 'Choose photographer', pt: 'Escolha o fotógrafo' };

/** SETUP in Portuguese: the business language pt, the portrait's name and description and the staff label by language. */
const MULTILINGUAL: Setup = {
  ...SETUP,
  business: { ...SETUP.business, locale: 'pt', staffLabel: STAFF_LABELS },
  services: (SETUP.services ?? []).map((s) =>
    s.key === 'portrait' ? { ...s, name: PORTRAIT_NAMES, description: PORTRAIT_TEXTS } : s,
  ),
};

export function describeContentLanguage(getDb: GetDb): void {
  let ids: SetupResult;
  const { t, idOf, insertOk } = contractFixtures(getDb, () => ids);

  describe('content per language', () => {
    beforeEach(async () => {
      ids = await t.store.applySetup(MULTILINGUAL, fakeHash);
    });

    it('an import keeps the business language’s text in the column and every wording beside it', async () => {
      const portrait = await t.store.findService('portrait');
      expect(portrait).toMatchObject({
        name: 'Sessão de retrato',
        nameWordings: PORTRAIT_NAMES,
        description: 'Retrato em estúdio',
        descriptionWordings: PORTRAIT_TEXTS,
      });
      expect(await t.store.findService('consult')).toMatchObject({ nameWordings: null, descriptionWordings: null });
      expect(await t.store.getBusiness()).toMatchObject({
        locale: 'pt',
        staffLabel: 'Escolha o fotógrafo',
        staffLabelWordings: STAFF_LABELS,
      });
    });

    it('a later import with single texts clears the wordings', async () => {
      await t.store.applySetup(SETUP, fakeHash);
      expect(await t.store.findService('portrait')).toMatchObject({
        name: 'Portrait session',
        nameWordings: null,
        description: 'Studio portrait',
        descriptionWordings: null,
      });
      expect(await t.store.getBusiness()).toMatchObject({
        staffLabel: 'Choose photographer',
        staffLabelWordings: null,
      });
    });

    it('the dashboard’s writes store wordings as given, and null clears them', async () => {
      const id = idOf('services', 'consult');
      const names = { en: 'Consultation', de: 'Beratung' };
      const written = await t.store.updateService(id, { name: 'Consultation', nameWordings: names }, undefined);
      expect(written).toMatchObject({ ok: true, value: { name: 'Consultation', nameWordings: names } });
      expect(await t.store.findService(id)).toMatchObject({ nameWordings: names, descriptionWordings: null });
      await t.store.updateService(id, { nameWordings: null }, undefined);
      expect(await t.store.findService(id)).toMatchObject({ name: 'Consultation', nameWordings: null });

      const labels = { en: 'With', fr: 'Avec' };
      expect(await t.store.updateSettings({ staffLabelWordings: labels })).toMatchObject({
        staffLabelWordings: labels,
      });
      expect(await t.store.getSettings()).toMatchObject({ staffLabelWordings: labels });
    });

    it('a booking carries its service’s wordings, for the emails and pages in the client’s language', async () => {
      const id = await insertOk(
        { staff: 'ana', service: 'portrait', start: '2027-03-29T08:00:00Z', end: '2027-03-29T09:00:00Z' },
        '2027-03-26T11:00:00Z',
      );
      expect(await t.store.getBooking(id)).toMatchObject({
        serviceName: 'Sessão de retrato',
        serviceNameWordings: PORTRAIT_NAMES,
      });
    });

    it('the database keeps only objects as wordings', async () => {
      const id = idOf('services', 'portrait');
      for (const bad of ['"Portrait"', '["Portrait"]', '3']) {
        await expect(
          t.db.query('UPDATE services SET name_wordings = $2::jsonb WHERE id = $1', [id, bad]),
        ).rejects.toThrow();
        await expect(
          t.db.query('UPDATE services SET description_wordings = $2::jsonb WHERE id = $1', [id, bad]),
        ).rejects.toThrow();
        await expect(t.db.query('UPDATE business SET staff_label_wordings = $1::jsonb', [bad])).rejects.toThrow();
      }
    });
  });
}
