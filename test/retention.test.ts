/**
 * The daily clean-up (SPEC §11) as it runs: a scheduled task that the workers' sweep queues once a
 * day whatever the number of workers, run through the real job handlers, with a hand-set clock.
 * It applies the business's retention (set through the admin API) to bookings, and deletes each
 * kind of row past its use: expired sessions, used and expired password links, codes of finished
 * bookings, idempotency replays, finished jobs, "my bookings" links and old dev-outbox mail.
 *
 * Studio (test/support/studio.ts): now = Fri 2027-03-26 11:00Z; Ana (staff 1, Paris) Mon-Fri.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RETENTION_TASK } from '../src/app/clients/apply-retention.ts';
import { presentBooking } from '../src/app/presenters/booking.ts';
import { jobHandlers } from '../src/jobs/handlers.ts';
import { createWorker } from '../src/jobs/worker.ts';
import { createDevMailbox } from '../src/store/dev-mailbox.ts';
import { createJobQueue } from '../src/store/jobs.ts';
import { type Dashboard, startDashboard } from './support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from './support/db.ts';
import { PUBLIC_URL, SECRET } from './support/lifecycle.ts';
import { testOutbound } from './support/outbound.ts';

const DAY = 24 * 3_600_000;
let tdb: TestDatabase;
let d: Dashboard;

beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(() => tdb.close());
beforeEach(async () => {
  d = await startDashboard(tdb);
});

/** A worker that also sweeps for the daily task, as main.ts starts one in every process. */
const dailyWorker = (id: string) =>
  createWorker({
    queue: createJobQueue(tdb.db),
    handlers: jobHandlers({
      store: tdb.store,
      mailer: d.mail,
      clock: d.clock,
      publicUrl: PUBLIC_URL,
      secret: SECRET,
      presentBooking,
      outbound: testOutbound(),
    }),
    clock: d.clock,
    workerId: id,
    log: (level, message, fields) => d.errors.push(new Error(`${level} ${message} ${JSON.stringify(fields)}`)),
    tasks: [RETENTION_TASK],
  });
/** Retention jobs queued at the clock's current time (finished ones are deleted after a week). */
const queuedNow = async () =>
  (
    await tdb.db.query("SELECT id FROM jobs WHERE kind = 'data.retention' AND created_at = $1", [
      new Date(d.clock.now()).toISOString(),
    ])
  ).length;
const later = (ms: number) => d.clock.set(new Date(d.clock.now() + ms).toISOString());
const names = async () =>
  (await tdb.db.query('SELECT client_name FROM bookings ORDER BY start_at')).map((r) => String(r.client_name));

async function book(start: string, name: string) {
  const r = await d.post('/bookings', {
    service: 'consult',
    staff: '1',
    start,
    client: { name, email: `${name.toLowerCase()}@example.test` },
  });
  expect(r.status).toBe(201);
  return r.body;
}

describe('the daily clean-up', () => {
  it('runs once a day however many workers sweep, and applies the retention set in the admin API', async () => {
    await book('2027-03-29T10:00:00+02:00', 'Past');
    // An unverified booking of a returning client, left to expire.
    await book('2027-03-30T10:00:00+02:00', 'Past');
    expect(
      (await d.as('admin', 'PATCH', 'settings', { retainUnconfirmedDays: 2, retainPastDays: 7 })).body,
    ).toMatchObject({ retainUnconfirmedDays: 2, retainPastDays: 7 });
    const [a, b] = [dailyWorker('w1'), dailyWorker('w2')];
    await Promise.all([a.runOnce(), b.runOnce()]);
    expect(await queuedNow()).toBe(1);
    expect(await names()).toEqual(['Past', 'Past']);

    later(2 * DAY + 60_000); // the hold expired two days ago: the unconfirmed booking's data goes
    await Promise.all([a.runOnce(), b.runOnce()]);
    expect(await queuedNow()).toBe(1);
    expect(await names()).toEqual(['Past', '']);

    later(DAY - 120_000); // less than a day since the last run: not again
    await Promise.all([a.runOnce(), b.runOnce()]);
    expect(await queuedNow()).toBe(0);

    d.clock.set('2027-04-05T08:31:00Z'); // the confirmed booking (ended 03-29 08:30Z) is over 7 days past
    await Promise.all([a.runOnce(), b.runOnce()]);
    expect(await queuedNow()).toBe(1);
    expect(await names()).toEqual(['', '']);
    expect(await tdb.store.findClientId('past@example.test')).toBeNull();
    expect(d.errors).toEqual([]);
  });

  it('emails still in a worker’s hands when their booking lost its client’s details go to nobody', async () => {
    await book('2027-03-29T10:00:00+02:00', 'Gone');
    const waiting = await book('2027-03-30T10:00:00+02:00', 'Gone'); // returning: waits for a code
    expect(waiting.next).toEqual({ action: 'verify_email' });
    // As if a worker had claimed the emails before the erase cancelled them: they run anyway.
    await tdb.db.query("UPDATE bookings SET client_name = '', client_email = '', erased_at = now()");
    await tdb.db.query('DELETE FROM verification_codes');
    const handlers = jobHandlers({
      store: tdb.store,
      mailer: d.mail,
      clock: d.clock,
      publicUrl: PUBLIC_URL,
      secret: SECRET,
      presentBooking,
      outbound: testOutbound(),
    });
    const job = { id: '1', kind: 'x', payload: {}, attempts: 1, maxAttempts: 10, createdAt: d.clock.now() };
    const id = waiting.booking.id;
    await handlers['email.verification']?.({ bookingId: id }, job);
    await handlers['email.booking']?.(
      { bookingId: id, event: 'confirmed', audience: 'client', previous: null, cancelReason: '' },
      job,
    );
    expect(d.mail.sent).toEqual([]);
    expect(await tdb.db.query('SELECT booking_id FROM verification_codes')).toEqual([]);
  });

  it('deletes each kind of row once past its use, and keeps what is still of use', async () => {
    const now = d.clock.now();
    const sha = (s: string) => createHash('sha256').update(s).digest();
    const user = await tdb.store.createUser(
      { email: 'a@s.test', name: 'A', role: 'admin', staffId: null, passwordHash: null },
      now,
    );
    if (!user) throw new Error('no user');
    await tdb.store.createSession({
      tokenHash: sha('session'),
      userId: user.id,
      userAgent: '',
      now,
      expiresAt: now + DAY,
    });
    await tdb.store.createPasswordToken({
      tokenHash: sha('reset'),
      userId: user.id,
      purpose: 'reset',
      now,
      expiresAt: now + 3_600_000,
    });
    await tdb.store.createMyBookingsLink({
      tokenHash: sha('mine'),
      email: 'z@example.test',
      now,
      expiresAt: now + 1_800_000,
    });
    const code = await book('2027-03-29T10:00:00+02:00', 'Zoe');
    await book('2027-03-29T11:00:00+02:00', 'Zoe'); // returning: waits for a code
    await d.post('/bookings', {
      service: 'consult',
      staff: '1',
      start: '2027-03-29T14:00:00+02:00',
      client: { name: 'Y', email: 'y@example.test' },
    });
    await tdb.db.query("INSERT INTO idempotency_keys (key, request_hash, created_at) VALUES ('k', 'h', $1)", [
      new Date(now).toISOString(),
    ]);
    await d.deliver();
    await createDevMailbox(tdb.db).save(
      { to: ['z@example.test'], subject: 's', html: '', text: '', attachments: [] },
      now,
    );
    expect(code.booking.status).toBe('confirmed');
    const count = async () => {
      const [r] = await tdb.db.query(`SELECT
        (SELECT count(*) FROM sessions)::int AS sessions, (SELECT count(*) FROM password_tokens)::int AS links,
        (SELECT count(*) FROM my_bookings_links)::int AS mine, (SELECT count(*) FROM verification_codes)::int AS codes,
        (SELECT count(*) FROM idempotency_keys)::int AS replays, (SELECT count(*) FROM jobs WHERE kind <> 'data.retention')::int AS jobs,
        (SELECT count(*) FROM dev_mailbox)::int AS outbox`);
      return r;
    };
    const w = dailyWorker('w1');
    const start = await count();
    expect(start).toMatchObject({ sessions: 1, links: 1, mine: 1, codes: 1, replays: 1, outbox: 1 });
    await w.runOnce();
    expect(await count()).toEqual(start); // everything still of use

    later(DAY + 60_000); // the session, the links, the hold (and so its code) and the replay are past their use
    await w.runOnce();
    expect(await count()).toMatchObject({
      sessions: 0,
      links: 0,
      mine: 0,
      codes: 0,
      replays: 0,
      jobs: start?.jobs,
      outbox: 1,
    });

    later(7 * DAY); // finished jobs and the outbox mail are over a week old
    await w.runOnce();
    expect(await count()).toMatchObject({ jobs: 0, outbox: 0 });
  });
});
