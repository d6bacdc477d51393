/**
 * The store contract on images (decision 032): bytes stored under their hash and read back
 * byte for byte, service images and staff photos read with the catalogue (and at once through the
 * read cache), one row for the same bytes used twice, and no image left that nothing points at.
 */
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { NewImage } from '../../app/images/image-store.ts';
import type { SetupResult } from '../../app/ports.ts';
import { contractFixtures, fakeHash, type GetDb, SETUP } from './fixtures.ts';

/** A stand-in for re-encoded bytes: the store keeps whatever it is given, checked by the caller. */
function image(text: string, width = 40, height = 30): NewImage {
  const bytes = new Uint8Array(Buffer.from(`RIFF${text}WEBP`, 'latin1'));
  return { id: createHash('sha256').update(bytes).digest('hex'), contentType: 'image/webp', bytes, width, height };
}

export function describeImages(getDb: GetDb): void {
  let ids: SetupResult;
  const { t, idOf } = contractFixtures(getDb, () => ids);
  const count = async () => Number((await t.db.query('SELECT count(*) AS n FROM images'))[0]?.n);

  describe('images (decision 032)', () => {
    beforeEach(async () => {
      ids = await t.store.applySetup(SETUP, fakeHash);
    });

    it('a service image is stored under its hash, read back byte for byte, and shown by the catalogue reads at once', async () => {
      const portrait = idOf('services', 'portrait');
      await t.store.findService(portrait); // cached before the write
      const a = image('a', 1600, 1200);
      const set = await t.store.setServiceImage(portrait, a);
      expect(set?.image).toEqual({ id: a.id, width: 1600, height: 1200 });
      expect((await t.store.findService(portrait))?.image).toEqual({ id: a.id, width: 1600, height: 1200 });
      const listed = (await t.store.listServices()).find((s) => s.id === portrait);
      expect(listed?.image?.id).toBe(a.id);
      const stored = await t.store.getImage(a.id);
      expect(stored?.contentType).toBe('image/webp');
      expect(Buffer.from(stored?.bytes ?? []).equals(Buffer.from(a.bytes))).toBe(true);
    });

    it('a staff photo and bio are read with the member, in the list and by id', async () => {
      const ana = idOf('staff', 'ana');
      const p = image('p', 300, 400);
      expect((await t.store.setStaffPhoto(ana, p))?.photo).toEqual({ id: p.id, width: 300, height: 400 });
      const upd = await t.store.updateStaff(ana, { bio: 'Portraits since 2009.' }, undefined);
      expect(upd?.ok && upd.value.bio).toBe('Portraits since 2009.');
      const listed = (await t.store.listStaff()).find((m) => m.id === ana);
      expect(listed?.photo?.id).toBe(p.id);
      expect(listed?.bio).toBe('Portraits since 2009.');
    });

    it('replacing or removing an image deletes bytes nothing points at; bytes still used stay', async () => {
      const portrait = idOf('services', 'portrait');
      const ana = idOf('staff', 'ana');
      const a = image('a');
      await t.store.setServiceImage(portrait, a);
      await t.store.setStaffPhoto(ana, a); // the same bytes: one row
      expect(await count()).toBe(1);
      await t.store.setServiceImage(portrait, image('b'));
      expect(await count()).toBe(2); // a is still Ana's photo
      await t.store.setStaffPhoto(ana, null);
      expect(await t.store.getImage(a.id)).toBeNull();
      expect(await count()).toBe(1);
      expect((await t.store.setServiceImage(portrait, null))?.image).toBeNull();
      expect(await count()).toBe(0);
    });

    it('deleting a service or staff member deletes the picture only it used (a database trigger)', async () => {
      const consult = await t.store.findService(idOf('services', 'consult'));
      if (!consult) throw new Error('no consult service');
      const { id: _id, resourceIds: _r, image: _i, ...fields } = consult;
      const made = await t.store.createService({ ...fields, slug: 'spare' }, []);
      if (!made.ok) throw new Error(made.conflict);
      await t.store.setServiceImage(made.value.id, image('only'));
      await t.store.setServiceImage(idOf('services', 'portrait'), image('shared'));
      await t.store.setStaffPhoto(idOf('staff', 'ana'), image('shared'));
      expect(await count()).toBe(2);
      expect((await t.store.removeService(made.value.id))?.outcome).toBe('deleted');
      expect(await t.store.getImage(image('only').id)).toBeNull();
      await t.db.query('DELETE FROM staff_services WHERE staff_id = $1', [idOf('staff', 'ana')]);
      await t.db.query('DELETE FROM staff WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM bookings WHERE staff_id = $1)', [
        idOf('staff', 'ana'),
      ]);
      expect(await count()).toBe(1); // still the portrait's
    });

    it('the set-up file sets a bio, and a later file without one keeps it', async () => {
      const ana = (SETUP.staff ?? []).find((m) => m.key === 'ana');
      if (!ana) throw new Error('no ana in SETUP');
      await t.store.applySetup({ staff: [{ ...ana, bio: 'Natural light.' }] }, fakeHash);
      await t.store.applySetup({ staff: [{ ...ana }] }, fakeHash);
      expect((await t.store.listStaff()).find((m) => m.key === 'ana')?.bio).toBe('Natural light.');
    });

    it('an unknown id or hash names nothing and writes nothing', async () => {
      expect(await t.store.setServiceImage('999999', image('x'))).toBeNull();
      expect(await t.store.setStaffPhoto('not-an-id', image('x'))).toBeNull();
      expect(await t.store.getImage('../etc/passwd')).toBeNull();
      expect(await t.store.getImage('0'.repeat(64))).toBeNull();
      expect(await count()).toBe(0);
    });
  });
}
