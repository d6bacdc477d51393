/** The store contract on clients: one row per email, compared case-insensitively. */
import { describe, expect, it } from 'vitest';
import { type GetDb, liveDb } from './fixtures.ts';

export function describeClients(getDb: GetDb): void {
  const t = liveDb(getDb);

  describe('clients', () => {
    it('upsertClient creates a client; the same email in another case updates that one row', async () => {
      const id = await t.store.upsertClient({
        name: 'Zoé',
        email: 'Zoe@Example.test',
        phone: '+33 6 12 34 56 78',
        address: null,
      });
      const again = await t.store.upsertClient({
        name: 'Zoé Martin',
        email: 'zoe@EXAMPLE.TEST',
        phone: null,
        address: '1 rue de la Paix, Paris',
      });
      expect(again).toBe(id);
      const rows = await t.db.query('SELECT id, email, name, phone, address FROM clients');
      expect(rows.map((r) => ({ ...r, id: String(r.id) }))).toEqual([
        // The first spelling of the email stays; a missing phone keeps the known one.
        {
          id,
          email: 'Zoe@Example.test',
          name: 'Zoé Martin',
          phone: '+33 6 12 34 56 78',
          address: '1 rue de la Paix, Paris',
        },
      ]);
    });

    it('findClientId compares emails case-insensitively; an unknown email is null', async () => {
      const id = await t.store.upsertClient({ name: 'Zoé', email: 'Zoe@Example.test', phone: null, address: null });
      expect(await t.store.findClientId('zoe@example.test')).toBe(id);
      expect(await t.store.findClientId('ZOE@EXAMPLE.TEST')).toBe(id);
      expect(await t.store.findClientId('zoe@example.org')).toBeNull();
    });

    it('insertClientIfNew records a new email and returns its id; a known one (any case) is left untouched, its id returned', async () => {
      const created = await t.store.insertClientIfNew({
        name: 'Zoé',
        email: 'Zoe@Example.test',
        phone: null,
        address: null,
      });
      const id = String(created?.id);
      expect(created).toEqual({ id: expect.stringMatching(/^\d+$/), created: true });
      expect(
        await t.store.insertClientIfNew({ name: 'Someone Else', email: 'ZOE@example.test', phone: '1', address: null }),
      ).toEqual({ id, created: false });
      const rows = await t.db.query('SELECT id, email, name, phone FROM clients');
      expect(rows.map((r) => ({ ...r, id: String(r.id) }))).toEqual([
        { id, email: 'Zoe@Example.test', name: 'Zoé', phone: null },
      ]);
    });
  });
}
