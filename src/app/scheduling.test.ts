/**
 * toSchedule's memo (scheduling.ts): the same schedule object while the catalogue hands out the
 * same business and member, a new one as soon as either changes (a catalogue write).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { STUDIO } from '../../test/support/studio.ts';
import { toSchedule } from './scheduling.ts';

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
  await tdb.store.applySetup(STUDIO, async (p) => p);
});
afterAll(async () => {
  await tdb.close();
});

describe('toSchedule', () => {
  it('gives the same schedule for the same business and member, a new one after either changes', async () => {
    const business = await tdb.store.getBusiness();
    const [member] = await tdb.store.listStaff();
    if (!member) throw new Error('no staff in the studio');
    const first = toSchedule(business, member);
    expect(toSchedule(await tdb.store.getBusiness(), (await tdb.store.listStaff())[0] as typeof member)).toBe(first);
    // The business's zone changed (a new object from the catalogue): the schedule follows it.
    const moved = { ...business, timezone: business.timezone === 'Asia/Tokyo' ? 'UTC' : 'Asia/Tokyo' };
    expect(toSchedule(moved, member).timezone).toBe(member.timezone ?? moved.timezone);
    expect(toSchedule(moved, member).policy.gapMinutes).toBe(first.policy.gapMinutes);
    // The member changed (not working any more): a new schedule with the new hours.
    const changed = { ...member, hours: {} };
    expect(toSchedule(business, changed).hours).toBe(changed.hours);
    expect(toSchedule(business, changed)).toBe(toSchedule(business, changed));
  });
});
