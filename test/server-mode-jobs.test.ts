/**
 * Jobs across processes (issue 8, SPEC §4 "exactly once, even with several server processes"):
 * 1,000 reminders due at once are sent once each by three `slotwise serve` processes sharing the
 * work; a process killed (SIGKILL) while it holds claimed jobs loses them to another process after
 * the lease, which sends each exactly once. Real processes, a real PostgreSQL server, real SMTP
 * servers (smtp-server, in-process) for the second test. Skipped visibly without PostgreSQL.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './support/cli.ts';
import { POSTGRES_SKIP_REASON, startTestPostgres, testPostgresAvailable } from './support/postgres.ts';
import {
  type Cluster,
  cluster,
  count,
  exitOf,
  insertDueReminders,
  kill,
  pidOf,
  problems,
} from './support/server-mode.ts';

const available = testPostgresAvailable();
if (!available) console.warn(POSTGRES_SKIP_REASON);

let c: Cluster;
const smtpServers: SMTPServer[] = [];

beforeAll(async () => {
  if (!available) return;
  const server = await startTestPostgres();
  if (!server) throw new Error(POSTGRES_SKIP_REASON);
  c = cluster(server);
  await c.importStudio(); // migrates the empty database too
}, 120_000);

afterAll(async () => {
  await c?.close();
  await Promise.all(smtpServers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
}, 120_000);

/** An SMTP server on 127.0.0.1; `stall` takes the message data and never answers it. */
async function smtpServer(stall: boolean) {
  const received: { to: string; subject: string }[] = [];
  let dataStarted = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    closeTimeout: 1000,
    onData(stream, _session, callback) {
      dataStarted++;
      if (stall) {
        stream.resume(); // read it all, never say "250 OK": the sender waits with its jobs claimed
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          const to = mail.to && !Array.isArray(mail.to) ? mail.to.text : '';
          received.push({ to, subject: mail.subject ?? '' });
          callback();
        })
        .catch(callback);
    },
  });
  server.on('error', () => {});
  smtpServers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    received,
    dataStarted: () => dataStarted,
  };
}

/** Well after any booking the other test made, whole hours, so the inserted bookings never overlap them. */
function hoursFromNow(h: number): Date {
  const d = new Date(Date.now() + h * 3_600_000);
  d.setUTCMinutes(0, 0, 0);
  return d;
}

describe.skipIf(!available)('jobs across processes', () => {
  it('1,000 reminders due at once, three processes: each sent exactly once, every process did some', async () => {
    const servers = await Promise.all([c.serve(), c.serve(), c.serve()]);
    const started = Date.now();
    await insertDueReminders(c.db, 1000, 'r', hoursFromNow(48));
    await c.waitFor(
      '1,000 reminder jobs done',
      async () =>
        (await count(
          c.db,
          "SELECT count(*) AS n FROM jobs WHERE payload->>'event' = 'reminder' AND done_at IS NOT NULL",
        )) === 1000,
      240_000,
      250,
    );
    const elapsed = Date.now() - started;

    // The outbox: one reminder to each of the 1,000 clients, none twice.
    const { rows: mail } = await c.db.query<{ to: string; n: string }>(
      `SELECT recipients[1] AS to, count(*) AS n FROM dev_mailbox WHERE subject LIKE 'Reminder:%'
       GROUP BY 1 ORDER BY 1`,
    );
    expect(mail).toHaveLength(1000);
    expect(mail.every((m) => Number(m.n) === 1 && /^r\d+@reminders\.test$/.test(m.to))).toBe(true);
    expect(await count(c.db, 'SELECT count(*) AS n FROM dev_mailbox')).toBe(1000);

    // The jobs: 1,000, one per booking, each claimed once and done.
    const { rows: jobs } = await c.db.query<{ booking: string; attempts: number; done_by: string | null }>(
      `SELECT payload->>'bookingId' AS booking, attempts, done_by FROM jobs WHERE payload->>'event' = 'reminder'`,
    );
    expect(jobs).toHaveLength(1000);
    expect(new Set(jobs.map((j) => j.booking)).size).toBe(1000);
    expect(jobs.every((j) => j.attempts === 1 && j.done_by !== null)).toBe(true);
    expect(
      await count(c.db, 'SELECT count(*) AS n FROM bookings WHERE remind_at IS NULL AND reminded_at IS NOT NULL'),
    ).toBe(1000);

    // Who did what: every process took a share.
    const byPid = new Map<number, number>();
    for (const j of jobs) byPid.set(pidOf(j.done_by as string), (byPid.get(pidOf(j.done_by as string)) ?? 0) + 1);
    const shares = servers.map((s) => byPid.get(s.child.pid as number) ?? 0);
    console.info(`1,000 reminders, three processes: ${shares.join(' + ')} jobs, all done in ${elapsed} ms`);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(1000);
    for (const share of shares) expect(share).toBeGreaterThan(0);

    for (const s of servers) {
      expect(problems(s)).toEqual([]);
      expect(await exitOf(s)).toBe(0);
    }
  }, 300_000);

  it('SIGKILL while holding jobs: after the lease another process sends each of them exactly once', async () => {
    const stalled = await smtpServer(true);
    const working = await smtpServer(false);
    await insertDueReminders(c.db, 10, 'k', hoursFromNow(48 + 1100));
    const claimedBy = async (pid: number) =>
      (
        await c.db.query<{ locked_by: string }>(
          "SELECT locked_by FROM jobs WHERE payload->>'event' = 'reminder' AND done_at IS NULL",
        )
      ).rows.every((r) => r.locked_by !== null && pidOf(r.locked_by) === pid);

    // A sweeps the ten reminders into jobs, claims them all (one batch), and hangs sending the first.
    const a: RunningServer = await c.serve({ MAIL_URL: stalled.url });
    const aPid = a.child.pid as number;
    await c.waitFor('A to hang in the DATA phase', async () => stalled.dataStarted() > 0);
    await c.waitFor('A to hold all ten jobs', async () => {
      const pending = await count(
        c.db,
        "SELECT count(*) AS n FROM jobs WHERE payload->>'event' = 'reminder' AND done_at IS NULL",
      );
      return pending === 10 && (await claimedBy(aPid));
    });
    kill(a);
    expect(await exitOf(a)).toBe('SIGKILL');

    // B has a mail server that answers, and takes the jobs once A's lease (5 s) has run out.
    const b = await c.serve({ MAIL_URL: working.url });
    const bPid = b.child.pid as number;
    await c.waitFor(
      'B to finish the ten jobs',
      async () =>
        (await count(
          c.db,
          "SELECT count(*) AS n FROM jobs WHERE payload->>'event' = 'reminder' AND done_at IS NULL",
        )) === 0,
      60_000,
      200,
    );
    expect(working.received.map((m) => m.to).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `k${i + 1}@reminders.test`).sort(),
    );
    expect(working.received.every((m) => m.subject.startsWith('Reminder:'))).toBe(true);
    expect(stalled.dataStarted()).toBe(1); // A got no further than its first message, never accepted
    const { rows } = await c.db.query<{ attempts: number; done_by: string; last_error: string | null }>(
      `SELECT attempts, done_by, last_error FROM jobs
       WHERE payload->>'event' = 'reminder' AND payload->>'bookingId' IN (SELECT id::text FROM bookings WHERE client_email LIKE 'k%')`,
    );
    expect(rows).toHaveLength(10);
    for (const r of rows) {
      expect(r.attempts).toBe(2);
      expect(pidOf(r.done_by)).toBe(bPid);
      expect(r.last_error).toBeNull();
    }
    // A little later: still exactly ten (nothing was sent twice after the fact).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(working.received).toHaveLength(10);
    expect(problems(b)).toEqual([]);
    expect(await exitOf(b)).toBe(0);
  }, 180_000);
});

if (!available) {
  describe('jobs across processes', () => {
    it.skip(POSTGRES_SKIP_REASON, () => {});
  });
}
