/**
 * The fuzz files' database checks can fail: with the guarantees the schema gives switched off
 * (the exclusion constraint, a foreign key), rows written by hand that break them are reported,
 * each under its name, and a healthy database reports nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { STUDIO } from '../support/studio.ts';
import { brokenInvariants } from './invariants.ts';

let tdb: TestDatabase;
const NOW = Date.parse('2027-03-26T11:00:00Z');

beforeAll(async () => {
  tdb = await openTestDatabase();
  await tdb.reset();
  await tdb.store.applySetup(STUDIO, async (p) => p);
});
afterAll(() => tdb.close());

/** A booking of Ana's portrait, written directly; returns its id. */
async function insert(start: string, end: string, status: string, holdUntil: string | null): Promise<string> {
  const [row] = await tdb.db.query(
    `INSERT INTO bookings (reference, service_id, staff_id, client_name, client_email, timezone, status,
       start_at, end_at, occupied, hold_until, payment_option, currency, manage_token_hash)
     SELECT 'SW-' || md5(random()::text), s.id, st.id, 'Zoé', 'zoe@client.test', 'Europe/Paris', $3,
       $1::timestamptz, $2::timestamptz, tstzrange($1::timestamptz, $2::timestamptz), $4, 'none', 'EUR',
       sha256(random()::text::bytea)
     FROM services s, staff st WHERE s.slug = 'portrait' AND st.key = 'ana' RETURNING id`,
    [start, end, status, holdUntil],
  );
  return String(row?.id);
}

describe('the database invariants the fuzz files check', () => {
  it('hold on a healthy database', async () => {
    const a = await insert('2027-03-29T07:00:00Z', '2027-03-29T08:00:00Z', 'confirmed', null);
    expect(await brokenInvariants(tdb.db, { now: NOW, created: new Set([a]), exactSpans: true })).toEqual({});
  });

  it('report overlapping bookings, orphans and bookings nobody reported created', async () => {
    await tdb.db.exec('ALTER TABLE bookings DROP CONSTRAINT bookings_no_overlap');
    await tdb.db.exec('ALTER TABLE manage_tokens DROP CONSTRAINT manage_tokens_booking_id_fkey');
    const [first] = await tdb.db.query('SELECT id FROM bookings');
    const overlap = await insert(
      '2027-03-29T07:30:00Z',
      '2027-03-29T08:30:00Z',
      'pending_verification',
      '2027-03-26T11:10:00Z',
    );
    // A lapsed hold overlapping the same time no longer occupies it: not reported.
    await insert('2027-03-29T07:00:00Z', '2027-03-29T08:00:00Z', 'awaiting_payment', '2027-03-26T10:59:00Z');
    await tdb.db.query("INSERT INTO manage_tokens (token_hash, booking_id) VALUES ('\\x00', 999999)");
    const broken = await brokenInvariants(tdb.db, {
      now: NOW,
      created: new Set([String(first?.id), overlap, '424242']),
      exactSpans: false,
    });
    expect(Object.keys(broken).sort()).toEqual([
      'active bookings of one staff member overlap',
      'bookings in the database ≠ bookings reported created',
      'rows of a missing booking',
    ]);
    const pairs = (broken['active bookings of one staff member overlap'] ?? []) as { a: unknown; b: unknown }[];
    expect(pairs.map((p) => [String(p.a), String(p.b)])).toEqual([[String(first?.id), overlap]]);
    expect(broken['bookings in the database ≠ bookings reported created']).toEqual([
      { unreported: [String(Number(overlap) + 1)], missing: ['424242'] },
    ]);
  });

  it('report a group session’s hold that no seat keeps (SPEC §9.1, migration 020)', async () => {
    const [room] = await tdb.db.query(`INSERT INTO resources (key, name) VALUES ('inv-room', 'Room') RETURNING id`);
    await tdb.db.query(
      `INSERT INTO booking_resources (staff_id, session_key, resource_id, held)
       SELECT st.id, 's999@1', $1, tstzrange('2027-04-01T10:00:00Z', '2027-04-01T11:00:00Z') FROM staff st WHERE st.key = 'ana'`,
      [room?.id],
    );
    const ids = new Set((await tdb.db.query('SELECT id FROM bookings')).map((r) => String(r.id)));
    const broken = await brokenInvariants(tdb.db, { now: NOW, created: ids, exactSpans: false });
    expect(broken['session hold without a seat']).toEqual([{ session_key: 's999@1' }]);
    await tdb.db.query('DELETE FROM booking_resources WHERE booking_id IS NULL');
  });

  it('report a span that is not the service buffers and the gap, where spans must be exact', async () => {
    await tdb.db.exec("UPDATE services SET buffer_before_minutes = 15 WHERE slug = 'portrait'");
    const ids = new Set((await tdb.db.query('SELECT id FROM bookings')).map((r) => String(r.id)));
    const broken = await brokenInvariants(tdb.db, { now: NOW, created: ids, exactSpans: true });
    expect(broken['occupied span is not the buffers and gap']).toHaveLength(3);
  });

  it('report an erased booking that still holds personal data', async () => {
    const a = await insert('2027-03-29T07:00:00Z', '2027-03-29T08:00:00Z', 'confirmed', null);
    await tdb.db.query('UPDATE bookings SET erased_at = now() WHERE id = $1', [a]);
    const broken = await brokenInvariants(tdb.db, { now: NOW, created: new Set([a]), exactSpans: false });
    expect(broken['erased booking with personal data or a live link']).toEqual([{ id: expect.anything() }]);
    await tdb.store.transaction((tx) => tx.eraseClientData('zoe@client.test', [], NOW));
    const after = await brokenInvariants(tdb.db, { now: NOW, created: new Set([a]), exactSpans: false });
    expect(after['erased booking with personal data or a live link']).toBeUndefined();
  });
});
