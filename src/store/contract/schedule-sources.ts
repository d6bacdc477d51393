/**
 * The store contract on a member's other sources of availability (SPEC §8.1–8.3): date-specific
 * hours and blocks as the catalogue carries them, and external calendars — their subscriptions,
 * the record of each fetch (a failure keeps the last good copy, an older fetch never overwrites a
 * newer one), their busy time read like bookings, and the poll's sweep that queues each due
 * calendar once whatever the number of sweepers.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { FetchRecord } from '../../app/dashboard/calendars/calendar-store.ts';
import type { SetupResult } from '../../app/ports.ts';
import { createJobQueue } from '../jobs.ts';
import { at, contractFixtures, fakeHash, type GetDb, isoSpan, SETUP, span } from './fixtures.ts';

const NOW = at('2027-03-29T06:00:00Z');
const URL_A = 'https://calendar.example.test/ical/ana-private-4f9c1a/basic.ics';
const URL_B = 'https://outlook.example.test/owa/calendar/ana-2b7e/calendar.ics';

const good = (busy: string[], dates: string[], startedAt = NOW): FetchRecord => ({
  url: URL_A,
  startedAt,
  endedAt: startedAt + 1000,
  outcome: { ok: true, busy: busy.map(span), dates },
});
const failed = (error: string, startedAt = NOW): FetchRecord => ({
  url: URL_A,
  startedAt,
  endedAt: startedAt + 1000,
  outcome: { ok: false, error },
});

export function describeScheduleSources(getDb: GetDb): void {
  let ids: SetupResult;
  const { t, idOf } = contractFixtures(getDb, () => ids);
  const ana = () => idOf('staff', 'ana');

  describe('date hours and blocks (SPEC §8.1, §8.2)', () => {
    beforeEach(async () => {
      ids = await t.store.applySetup(
        {
          ...SETUP,
          staff: (SETUP.staff ?? []).map((m) =>
            m.key === 'ana'
              ? {
                  ...m,
                  dateHours: {
                    '2027-06-14': [
                      ['13:00', '14:00'],
                      ['09:00', '12:00'],
                    ],
                    '2027-06-15': [],
                  },
                  blocks: [{ from: '2027-06-16T13:00', to: '2027-06-16T15:30', note: 'Dentist' }],
                }
              : m,
          ),
        },
        fakeHash,
      );
    });

    it('the set-up file writes them and the catalogue reads them back exactly (ranges sorted)', async () => {
      const member = (await t.store.listStaff()).find((m) => m.key === 'ana');
      expect(member?.dateHours).toEqual({
        '2027-06-14': [
          { start: 540, end: 720 },
          { start: 780, end: 840 },
        ],
        '2027-06-15': [],
      });
      expect(member?.blocks).toEqual([{ from: '2027-06-16T13:00', to: '2027-06-16T15:30', note: 'Dentist' }]);
    });

    it('setDateHours gives one date its hours or its weekly hours back; replaceDateHours replaces all', async () => {
      await t.store.listStaff(); // a cached catalogue must not outlive the writes
      expect(await t.store.setDateHours(ana(), '2027-06-20', [{ start: 600, end: 840 }])).toBe(true);
      expect(await t.store.setDateHours(ana(), '2027-06-15', null)).toBe(true);
      const read = async () => (await t.store.listStaff()).find((m) => m.key === 'ana')?.dateHours;
      expect(Object.keys((await read()) ?? {})).toEqual(['2027-06-14', '2027-06-20']);
      expect(await t.store.replaceDateHours(ana(), { '2027-07-01': [] })).toBe(true);
      expect(await read()).toEqual({ '2027-07-01': [] });
      expect(await t.store.setDateHours('987654', '2027-06-20', [])).toBe(false);
    });

    it('the database refuses overlapping ranges on one date (23P01)', async () => {
      await expect(
        t.db.query(
          `INSERT INTO date_hour_ranges (staff_id, date, start_minute, end_minute) VALUES ($1, '2027-06-14', 690, 800)`,
          [ana()],
        ),
      ).rejects.toMatchObject({ code: '23P01' });
    });

    it('blocks: add, read, change, remove; the catalogue follows each write', async () => {
      await t.store.listStaff();
      const added = await t.store.addBlock(ana(), { from: '2027-07-01T09:00', to: '2027-07-03T18:00', note: null });
      expect(added).toEqual({
        id: expect.any(String),
        staffId: ana(),
        from: '2027-07-01T09:00',
        to: '2027-07-03T18:00',
        note: null,
      });
      const id = added?.id as string;
      expect(await t.store.getBlock(id)).toEqual(added);
      expect((await t.store.listBlocks(ana())).map((b) => b.from)).toEqual(['2027-06-16T13:00', '2027-07-01T09:00']);
      const changed = await t.store.updateBlock(id, { from: '2027-07-01T10:00', to: '2027-07-01T11:00', note: 'Call' });
      expect(changed?.note).toBe('Call');
      expect((await t.store.listStaff()).find((m) => m.key === 'ana')?.blocks[1]).toEqual({
        from: '2027-07-01T10:00',
        to: '2027-07-01T11:00',
        note: 'Call',
      });
      expect(await t.store.removeBlock(id)).toEqual(changed);
      expect(await t.store.getBlock(id)).toBeNull();
      expect(
        await t.store.addBlock('987654', { from: '2027-07-01T09:00', to: '2027-07-01T10:00', note: null }),
      ).toBeNull();
    });

    it('the database refuses a block that ends before it starts, and a date outside 1900–2999', async () => {
      await expect(
        t.db.query(
          `INSERT INTO time_blocks (staff_id, from_local, to_local) VALUES ($1, '2027-06-16 15:00', '2027-06-16 13:00')`,
          [ana()],
        ),
      ).rejects.toMatchObject({ code: '23514' });
      await expect(
        t.db.query(`INSERT INTO date_hours (staff_id, date) VALUES ($1, '3000-01-01')`, [ana()]),
      ).rejects.toMatchObject({
        code: '23514',
      });
    });
  });

  describe('external calendars (SPEC §8.3)', () => {
    beforeEach(async () => {
      ids = await t.store.applySetup(SETUP, fakeHash);
    });

    const add = async (url = URL_A, nextFetchAt: number | null = null) => {
      const c = await t.store.addCalendar(ana(), { url, label: 'Private' }, NOW, nextFetchAt);
      if (!c) throw new Error('not added');
      return c;
    };
    const window = { start: at('2027-03-29T00:00:00Z'), end: at('2027-04-05T00:00:00Z') };
    const busyOf = async (w = window, dates = { from: '2027-03-28', to: '2027-04-06' }) => {
      const found = (await t.store.listExternalBusy([ana(), idOf('staff', 'ben')], w, dates, NOW)).get(ana());
      return { intervals: found?.intervals.map(isoSpan), dates: found?.dates };
    };

    it('a good fetch stores the copy; the calendar counts its busy intervals and dates', async () => {
      const c = await add();
      expect(c).toMatchObject({ url: URL_A, label: 'Private', lastSuccessAt: null, lastError: null, events: 0 });
      const recorded = await t.store.recordCalendarFetch(
        c.id,
        good(
          ['2027-03-30T08:00:00Z/2027-03-30T09:00:00Z', '2027-04-02T12:00:00Z/2027-04-02T13:00:00Z'],
          ['2027-04-01'],
        ),
      );
      expect(recorded).toMatchObject({
        lastSuccessAt: NOW + 1000,
        lastAttemptAt: NOW + 1000,
        lastError: null,
        events: 3,
      });
      expect(await busyOf()).toEqual({
        intervals: ['2027-03-30T08:00:00Z/2027-03-30T09:00:00Z', '2027-04-02T12:00:00Z/2027-04-02T13:00:00Z'],
        dates: ['2027-04-01'],
      });
      // Only the window and the dates asked.
      expect(
        await busyOf(
          { start: at('2027-04-02T12:30:00Z'), end: at('2027-04-10T00:00:00Z') },
          { from: '2027-04-02', to: '2027-04-09' },
        ),
      ).toEqual({ intervals: ['2027-04-02T12:00:00Z/2027-04-02T13:00:00Z'], dates: [] });
    });

    it('a failed fetch records its error and keeps the last good copy, lastSuccessAt and events', async () => {
      const c = await add();
      await t.store.recordCalendarFetch(c.id, good(['2027-03-30T08:00:00Z/2027-03-30T09:00:00Z'], []));
      const after = await t.store.recordCalendarFetch(c.id, failed('HTTP 503', NOW + 60_000));
      expect(after).toMatchObject({
        lastSuccessAt: NOW + 1000,
        lastAttemptAt: NOW + 61_000,
        lastError: 'HTTP 503',
        events: 1,
      });
      expect((await busyOf()).intervals).toEqual(['2027-03-30T08:00:00Z/2027-03-30T09:00:00Z']);
      // The next good fetch clears the error and replaces the copy whole.
      const again = await t.store.recordCalendarFetch(c.id, good([], ['2027-03-31'], NOW + 120_000));
      expect(again).toMatchObject({ lastError: null, events: 1 });
      expect(await busyOf()).toEqual({ intervals: [], dates: ['2027-03-31'] });
    });

    it('an older fetch finishing later changes nothing; nor does one of a URL changed meanwhile', async () => {
      const c = await add();
      await t.store.recordCalendarFetch(c.id, good(['2027-03-30T08:00:00Z/2027-03-30T09:00:00Z'], [], NOW + 60_000));
      expect(await t.store.recordCalendarFetch(c.id, good([], [], NOW))).toBeNull();
      expect(
        await t.store.recordCalendarFetch(c.id, { ...good([], []), url: URL_B, startedAt: NOW + 90_000 }),
      ).toBeNull();
      expect((await busyOf()).intervals).toEqual(['2027-03-30T08:00:00Z/2027-03-30T09:00:00Z']);
    });

    it('several calendars of one member are read as one merged list; removing one removes its busy time', async () => {
      const a = await add(URL_A);
      const b = await add(URL_B);
      await t.store.recordCalendarFetch(a.id, good(['2027-03-30T08:00:00Z/2027-03-30T09:00:00Z'], ['2027-04-01']));
      await t.store.recordCalendarFetch(b.id, {
        ...good(['2027-03-30T08:30:00Z/2027-03-30T10:00:00Z'], ['2027-04-01']),
        url: URL_B,
      });
      expect(await busyOf()).toEqual({
        intervals: ['2027-03-30T08:00:00Z/2027-03-30T10:00:00Z'],
        dates: ['2027-04-01'],
      });
      expect((await t.store.listCalendars(ana())).map((c) => c.url)).toEqual([URL_A, URL_B]);
      await t.store.removeCalendar(a.id);
      expect(await busyOf()).toEqual({
        intervals: ['2027-03-30T08:30:00Z/2027-03-30T10:00:00Z'],
        dates: ['2027-04-01'],
      });
    });

    it('a new URL drops the old copy and its state; a new label alone keeps them', async () => {
      const c = await add();
      await t.store.recordCalendarFetch(c.id, good(['2027-03-30T08:00:00Z/2027-03-30T09:00:00Z'], []));
      expect(await t.store.updateCalendar(c.id, { label: 'Home' }, null)).toMatchObject({ label: 'Home', events: 1 });
      const moved = await t.store.updateCalendar(c.id, { url: URL_B }, NOW);
      expect(moved).toMatchObject({ url: URL_B, events: 0, lastSuccessAt: null, nextFetchAt: NOW });
      expect((await busyOf()).intervals).toEqual([]);
    });

    it('the set-up file keeps calendars by URL (their copies stay) and drops those it no longer lists', async () => {
      const c = await add();
      await t.store.recordCalendarFetch(c.id, good(['2027-03-30T08:00:00Z/2027-03-30T09:00:00Z'], []));
      await t.store.applySetup(
        {
          staff: [
            {
              key: 'ana',
              name: 'Ana',
              email: 'ana@studio.test',
              calendars: [{ url: URL_A }, { url: URL_B, label: 'Work' }],
            },
          ],
        },
        fakeHash,
      );
      const listed = await t.store.listCalendars(ana());
      expect(listed.map((x) => [x.id === c.id, x.url, x.label, x.events, x.nextFetchAt !== null])).toEqual([
        [true, URL_A, 'calendar.example.test', 1, false],
        [false, URL_B, 'Work', 0, true],
      ]);
      await t.store.applySetup(
        { staff: [{ key: 'ana', name: 'Ana', email: 'ana@studio.test', calendars: [] }] },
        fakeHash,
      );
      expect(await t.store.listCalendars(ana())).toEqual([]);
    });

    it('the sweep queues each due calendar once, even with sweeps racing, and moves its due time on', async () => {
      const due = await Promise.all(Array.from({ length: 6 }, (_, i) => add(`${URL_A}?n=${i}`, NOW - 1000)));
      await add(URL_B, NOW + 60_000); // not due yet
      const queue = createJobQueue(t.db);
      const counts = await Promise.all(Array.from({ length: 4 }, () => queue.queueDueCalendars(NOW, 100, 600_000)));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(6);
      const jobs = await t.db.query(
        `SELECT payload->>'calendarId' AS id FROM jobs WHERE kind = 'calendar.refresh' ORDER BY 1`,
      );
      expect(jobs.map((j) => String(j.id)).sort()).toEqual(due.map((c) => c.id).sort());
      const next = await t.db.query(
        'SELECT DISTINCT next_fetch_at AS n FROM staff_calendars WHERE id = ANY($1::bigint[])',
        [due.map((c) => c.id)],
      );
      expect(next.map((r) => new Date(r.n as string).getTime())).toEqual([NOW + 600_000]);
      // Polling off (null): queued once more when due, then never again.
      await t.db.query('UPDATE staff_calendars SET next_fetch_at = $1', [new Date(NOW).toISOString()]);
      expect(await queue.queueDueCalendars(NOW, 100, null)).toBe(7);
      expect(await queue.queueDueCalendars(NOW + 86_400_000, 100, null)).toBe(0);
    });
  });
}
