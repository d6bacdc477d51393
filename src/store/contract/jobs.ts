/**
 * The store contract on the job table (docs/decisions/009-durable-jobs-table.md): the outbox enqueue inside the caller's
 * transaction, claims under a lease, compare-and-set completion and failure, release, and the reminder sweep.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { BookingNotice, ClaimedJob, JobSpec } from '../../app/model.ts';
import type { SetupResult } from '../../app/ports.ts';
import { createJobQueue } from '../jobs.ts';
import { at, contractFixtures, fakeHash, type GetDb, iso, MINUTE, SETUP } from './fixtures.ts';

const T0 = '2027-03-29T06:00:00Z';
const LEASE = MINUTE;

/** An email.booking job whose bookingId names it in the assertions, due at T0 or at a UTC time of 2027-03-29. */
const job = (name: string, runAt?: string): JobSpec => ({
  kind: 'email.booking',
  payload: { bookingId: name, event: 'confirmed', audience: 'client', previous: null, cancelReason: '' },
  ...(runAt === undefined ? {} : { runAt: at(`2027-03-29T${runAt}Z`) }),
});
/** A claimed job as `name#attempts`. */
const tag = (j: ClaimedJob) => `${(j.payload as BookingNotice).bookingId}#${j.attempts}`;

export function describeJobs(getDb: GetDb): void {
  let ids: SetupResult;
  const { t, idOf, draft } = contractFixtures(getDb, () => ids);
  const queue = () => createJobQueue(t.db);
  const claim = async (worker: string, now: number, limit = 10) =>
    (await queue().claimJobs(worker, now, LEASE, limit)).map(tag);
  const enqueue = (jobs: readonly JobSpec[]) => t.store.enqueueJobs(jobs, at(T0));
  /** Enqueues one job named `a` at T0 and claims it for w1; its id. */
  const claimedByW1 = async () => {
    await enqueue([job('a')]);
    const [claimed] = await queue().claimJobs('w1', at(T0), LEASE, 1);
    if (!claimed) throw new Error('fixture job not claimed');
    return claimed.id;
  };
  /** A job row as `locked_by done_at failed_at last_error`, absent values as '-'. */
  const row = async (id: string) => {
    const [r] = await t.db.query('SELECT locked_by, done_at, failed_at, last_error FROM jobs WHERE id = $1', [id]);
    const opt = (v: unknown, f: (x: unknown) => string = String) => (v === null || v === undefined ? '-' : f(v));
    return [opt(r?.locked_by), opt(r?.done_at, iso), opt(r?.failed_at, iso), opt(r?.last_error)].join(' ');
  };

  describe('jobs: claims, leases, completion', () => {
    it('a claimed job carries its payload exactly as queued (nested object, unicode), attempts 1, when it was queued', async () => {
      const payload: BookingNotice = {
        bookingId: '42',
        event: 'rescheduled',
        audience: 'client',
        previous: { start: at('2027-03-29T08:00:00Z'), end: at('2027-03-29T09:00:00Z'), staffName: 'Zoé Ünal 🎉' },
        cancelReason: 'plus tard — "vraiment" \\ {x} 日本\nligne 2',
      };
      await enqueue([
        { kind: 'email.booking', payload },
        { kind: 'email.verification', payload: { bookingId: '7' } },
      ]);
      const claimed = await queue().claimJobs('w1', at(T0), LEASE, 10);
      expect(claimed.map(({ id: _, ...job }) => job)).toEqual([
        { kind: 'email.booking', payload, attempts: 1, maxAttempts: 10, createdAt: at(T0) },
        { kind: 'email.verification', payload: { bookingId: '7' }, attempts: 1, maxAttempts: 10, createdAt: at(T0) },
      ]);
    });

    /** Ids follow the list; run_at does not: by (run_at, id) the order is b, d, a, c, and e is not due at 06:02. */
    const mixed = () =>
      enqueue([job('a', '06:02'), job('b'), job('c', '06:02'), job('d', '06:01'), job('e', '06:02:00.001')]);

    it('a claim under a limit takes the earliest run_at first, then the lowest id', async () => {
      await mixed();
      expect((await claim('w1', at('2027-03-29T06:02:00Z'), 3)).sort()).toEqual(['a#1', 'b#1', 'd#1']);
      expect(await claim('w2', at('2027-03-29T06:02:00Z'))).toEqual(['c#1']);
    });

    it('claimed jobs are returned in run_at then id order', async () => {
      await mixed();
      expect(await claim('w1', at('2027-03-29T06:02:00Z'))).toEqual(['b#1', 'd#1', 'a#1', 'c#1']);
    });

    it.each([
      { claimAt: '2027-03-29T06:04:59.999Z', expected: [] },
      { claimAt: '2027-03-29T06:05:00Z', expected: ['a#1'] },
    ])(
      'a job queued for 06:05 is claimable at its run_at, not 1 ms before: at $claimAt',
      async ({ claimAt, expected }) => {
        await enqueue([job('a', '06:05')]);
        expect(await claim('w1', at(claimAt))).toEqual(expected);
      },
    );

    it('two workers claiming at the same instant get disjoint sets, each within its limit', async () => {
      await enqueue(['a', 'b', 'c', 'd', 'e'].map((n) => job(n)));
      const [one, two] = await Promise.all([claim('w1', at(T0), 3), claim('w2', at(T0), 3)]);
      expect([one?.length, two?.length].sort()).toEqual([2, 3]);
      expect([...(one ?? []), ...(two ?? [])].sort()).toEqual(['a#1', 'b#1', 'c#1', 'd#1', 'e#1']);
      expect(await claim('w3', at(T0))).toEqual([]);
    });

    it('a claimed job is claimable again only when its lease has run out, with attempts 2', async () => {
      await claimedByW1();
      expect(await claim('w2', at(T0) + LEASE - 1)).toEqual([]);
      expect(await claim('w2', at(T0) + LEASE)).toEqual(['a#2']);
    });

    it('completeJobs by another worker completes nothing; by the holder it does, and never claimed again', async () => {
      const id = await claimedByW1();
      expect(await queue().completeJobs([id], 'w2', at(T0) + 1000)).toEqual([]);
      expect(await row(id)).toBe('w1 - - -');
      expect(await queue().completeJobs([id], 'w1', at(T0) + 2000)).toEqual([id]);
      expect(await row(id)).toBe('- 2027-03-29T06:00:02Z - -');
      expect(await queue().completeJobs([id], 'w1', at(T0) + 3000)).toEqual([]);
      expect(await claim('w2', at(T0) + 10 * LEASE)).toEqual([]);
    });

    it('a token sealed into a payload stays for a retry and is dropped once the job is done or failed for good', async () => {
      const sealedJob = (name: string): JobSpec => ({
        kind: 'email.booking',
        payload: { ...(job(name).payload as BookingNotice), tokenSealed: `sealed-${name}` },
      });
      await enqueue(['a', 'b'].map(sealedJob));
      const [a, b] = await queue().claimJobs('w1', at(T0), LEASE, 2);
      if (!a || !b) throw new Error('fixture jobs not claimed');
      const sealed = async () =>
        (await t.db.query("SELECT payload->>'tokenSealed' AS s FROM jobs ORDER BY id")).map((r) => r.s);
      await queue().failJob(a.id, 'w1', 'smtp 421 try later', at(T0) + LEASE, at(T0) + 1000);
      expect(await sealed()).toEqual(['sealed-a', 'sealed-b']);
      await queue().completeJobs([b.id], 'w1', at(T0) + 2000);
      expect(await sealed()).toEqual(['sealed-a', null]);
      const [again] = await queue().claimJobs('w1', at(T0) + LEASE, LEASE, 1);
      expect((again?.payload as BookingNotice | undefined)?.tokenSealed).toBe('sealed-a');
      await queue().failJob(a.id, 'w1', 'no such mailbox', null, at(T0) + LEASE + 1000);
      expect(await sealed()).toEqual([null, null]);
      // The rest of the payload is kept.
      const [kept] = await t.db.query("SELECT payload->>'bookingId' AS id FROM jobs WHERE id = $1", [a.id]);
      expect(kept?.id).toBe('a');
    });

    it('failJob with a retry time: claimable again at that time, not before, with the error kept', async () => {
      const id = await claimedByW1();
      await queue().failJob(id, 'w2', 'not mine', null, at(T0) + 500);
      expect(await row(id)).toBe('w1 - - -');
      await queue().failJob(id, 'w1', 'smtp 421 try later', at('2027-03-29T06:05:00Z'), at(T0) + 1000);
      expect(await row(id)).toBe('- - - smtp 421 try later');
      expect(await claim('w2', at('2027-03-29T06:04:59.999Z'))).toEqual([]);
      expect(await claim('w2', at('2027-03-29T06:05:00Z'))).toEqual(['a#2']);
    });

    it('failJob without a retry time fails the job for good: never claimed again', async () => {
      const id = await claimedByW1();
      await queue().failJob(id, 'w1', 'no handler', null, at(T0) + 1000);
      expect(await row(id)).toBe('- - 2027-03-29T06:00:01Z no handler');
      expect(await claim('w2', at(T0) + 100 * LEASE)).toEqual([]);
    });

    it("releaseJobs gives back that worker's claims at once (the try not counted), not another worker's", async () => {
      await enqueue(['a', 'b', 'c'].map((n) => job(n)));
      expect(await claim('w1', at(T0), 2)).toEqual(['a#1', 'b#1']);
      expect(await claim('w2', at(T0), 2)).toEqual(['c#1']);
      await queue().releaseJobs('w1');
      expect(await claim('w3', at(T0) + 1)).toEqual(['a#1', 'b#1']);
    });
  });

  describe('jobs: the outbox enqueue through the Store', () => {
    it.each([
      { outcome: 'throws', expected: [] },
      {
        outcome: 'commits',
        expected: ['email.booking a 2027-03-29T06:00:00Z', 'email.booking b 2027-03-29T07:00:00Z'],
      },
    ])('enqueueJobs inside a transaction that $outcome', async ({ outcome, expected }) => {
      const run = t.store.transaction(async (tx) => {
        await tx.enqueueJobs([job('a'), job('b', '07:00')], at(T0));
        if (outcome === 'throws') throw new Error('boom');
      });
      await (outcome === 'throws' ? expect(run).rejects.toThrow('boom') : run);
      const rows = await t.db.query("SELECT kind, payload->>'bookingId' AS name, run_at FROM jobs ORDER BY id");
      expect(rows.map((r) => `${String(r.kind)} ${String(r.name)} ${iso(r.run_at)}`)).toEqual(expected);
    });

    it('a webhook event is queued only while an active webhook is subscribed to its type', async () => {
      const event = (type: string): JobSpec =>
        ({ kind: 'webhook.event', payload: { eventId: `evt_${type}`, type, booking: {} } }) as unknown as JobSpec;
      const queued = async () =>
        (await t.db.query("SELECT payload->>'type' AS type FROM jobs WHERE kind = 'webhook.event' ORDER BY id")).map(
          (r) => String(r.type),
        );
      const hook = { url: 'https://hooks.example/in', secret: 'whsec_x', description: '' };
      await enqueue([event('booking.confirmed'), job('mail')]);
      expect([await queued(), (await t.db.query('SELECT id FROM jobs')).length]).toEqual([[], 1]);
      await t.store.createWebhook({ ...hook, events: ['booking.cancelled'], active: false }, at(T0));
      await t.store.createWebhook({ ...hook, events: ['booking.confirmed', 'booking.paid'], active: true }, at(T0));
      await enqueue([event('booking.confirmed'), event('booking.cancelled'), event('booking.paid')]);
      expect(await queued()).toEqual(['booking.confirmed', 'booking.paid']);
    });

    it('a few jobs and many (a series: sent as arrays) are queued alike, in order, webhook events filtered', async () => {
      const event = (type: string, n: number): JobSpec =>
        ({ kind: 'webhook.event', payload: { eventId: `evt_${n}`, type, booking: { n } } }) as unknown as JobSpec;
      const hook = { url: 'https://hooks.example/in', secret: 'whsec_x', description: '' };
      await t.store.createWebhook({ ...hook, events: ['booking.confirmed'], active: true }, at(T0));
      const batch = (n: number, from: number) =>
        Array.from({ length: n }, (_, i) => [
          job(`m${from + i}`, `0${i % 10}:00:00`),
          event(i % 2 ? 'booking.confirmed' : 'booking.cancelled', from + i),
        ]).flat();
      const rows = async () =>
        (
          await t.db.query(
            "SELECT kind, payload->>'bookingId' AS b, payload->'booking'->>'n' AS n, run_at FROM jobs ORDER BY id",
          )
        ).map((r) => `${String(r.kind)} ${String(r.b ?? r.n)} ${iso(r.run_at)}`);
      await enqueue(batch(2, 0)); // 4 jobs
      await enqueue(batch(6, 2)); // 12 jobs
      const expected = [...batch(2, 0), ...batch(6, 2)]
        .filter((j) => j.kind !== 'webhook.event' || (j.payload as { type: string }).type === 'booking.confirmed')
        .map((j) =>
          j.kind === 'webhook.event'
            ? `webhook.event ${(j.payload as unknown as { booking: { n: number } }).booking.n} ${T0.replace('Z', '')}Z`
            : `email.booking ${(j.payload as BookingNotice).bookingId} ${iso(j.runAt ?? at(T0))}`,
        );
      expect(await rows()).toEqual(expected);
    });
  });

  describe('jobs: the reminder sweep', () => {
    const NOW = '2027-03-26T11:00:00Z';
    const R = '2027-03-28T08:00:00Z';

    beforeEach(async () => {
      ids = await t.store.applySetup(SETUP, fakeHash);
    });

    /** A confirmed 30-minute booking of Ana starting at `start`, with a reminder due at `remindAt`. */
    const withReminder = async (start: string, remindAt: string) => {
      const d = draft({ staff: 'ana', start, end: iso(at(start) + 30 * MINUTE) });
      const r = await t.store.insertBooking({ ...d, remindAt: at(remindAt) }, at(NOW));
      if (!r.ok) throw new Error(`fixture booking refused: ${r.code}`);
      return r.booking.id;
    };
    const sweep = (now: string, limit = 100) => queue().queueDueReminders(at(now), limit);
    const jobRows = async () =>
      (await t.db.query('SELECT kind, payload, run_at FROM jobs ORDER BY id')).map((r) => ({
        kind: r.kind,
        payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
        runAt: iso(r.run_at),
      }));
    const reminder = (bookingId: string, runAt: string) => ({
      kind: 'email.booking',
      payload: { bookingId, event: 'reminder', audience: 'client', previous: null, cancelReason: '' },
      runAt,
    });
    const remindAtOf = async (id: string) => {
      const [r] = await t.db.query('SELECT remind_at FROM bookings WHERE id = $1', [id]);
      return r?.remind_at === null ? null : iso(r?.remind_at);
    };

    it('a due confirmed booking not yet started yields exactly one reminder job, once', async () => {
      const id = await withReminder('2027-03-29T08:00:00Z', R);
      expect(await sweep('2027-03-28T07:59:59.999Z')).toBe(0);
      expect(await sweep(R)).toBe(1);
      expect(await sweep(R)).toBe(0);
      expect(await sweep('2027-03-28T09:00:00Z')).toBe(0);
      expect(await jobRows()).toEqual([reminder(id, R)]);
      expect(await remindAtOf(id)).toBeNull();
    });

    it.each([
      { start: '2027-03-29T08:00:00.001Z', sent: 1, outcome: 'a reminder' },
      { start: '2027-03-29T08:00:00Z', sent: 0, outcome: 'none (started)' },
    ])(
      'swept at 08:00, a booking starting $start gets $outcome; its remind_at is cleared either way',
      async ({ start, sent }) => {
        const id = await withReminder(start, R);
        expect(await sweep('2027-03-29T08:00:00Z')).toBe(sent);
        expect((await jobRows()).length).toBe(sent);
        expect(await remindAtOf(id)).toBeNull();
      },
    );

    it('a cancelled booking loses its reminder: remind_at cleared, nothing queued', async () => {
      const id = await withReminder('2027-03-29T08:00:00Z', R);
      await t.store.cancelBooking(id, 'ill', at(NOW));
      expect(await remindAtOf(id)).toBeNull();
      expect(await sweep('2027-03-29T07:00:00Z')).toBe(0);
      expect(await jobRows()).toEqual([]);
    });

    it('a moved booking is reminded at its new remind_at only', async () => {
      const id = await withReminder('2027-03-29T08:00:00Z', R);
      const moved = await t.store.moveBooking(
        {
          bookingId: id,
          fromStart: at('2027-03-29T08:00:00Z'),
          fromStaffId: idOf('staff', 'ana'),
          toStaffId: idOf('staff', 'ana'),
          start: at('2027-03-29T12:00:00Z'),
          end: at('2027-03-29T13:00:00Z'),
          occupied: { start: at('2027-03-29T12:00:00Z'), end: at('2027-03-29T13:00:00Z') },
          timezone: 'Europe/Paris',
          reason: 'later',
          remindAt: at('2027-03-28T12:00:00Z'),
        },
        at(NOW),
      );
      expect(moved.ok).toBe(true);
      expect(await sweep(R)).toBe(0);
      expect(await sweep('2027-03-28T11:59:59.999Z')).toBe(0);
      expect(await sweep('2027-03-28T12:00:00Z')).toBe(1);
      expect(await jobRows()).toEqual([reminder(id, '2027-03-28T12:00:00Z')]);
    });

    it('the limit caps one sweep, earliest remind_at first; the next sweep takes the rest', async () => {
      const c = await withReminder('2027-03-29T10:00:00Z', R);
      const a = await withReminder('2027-03-29T08:00:00Z', '2027-03-28T06:00:00Z');
      const b = await withReminder('2027-03-29T09:00:00Z', '2027-03-28T07:00:00Z');
      expect(await sweep(R, 2)).toBe(2);
      expect((await jobRows()).map((j) => j.payload.bookingId).sort()).toEqual([a, b].sort());
      expect(await sweep(R, 2)).toBe(1);
      expect((await jobRows()).map((j) => j.payload.bookingId).sort()).toEqual([a, b, c].sort());
    });
  });
}
