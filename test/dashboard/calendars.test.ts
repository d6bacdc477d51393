/**
 * External busy calendars end to end (SPEC §8.3, API.md Part two), from a feed server on
 * 127.0.0.1 serving the fixtures written as real exports look: a Google-style file, an
 * Outlook-style file with Windows zone names, and a New York recurrence that crosses the DST
 * change, for a member in Paris. A calendar is fetched when added and by the poll's durable job;
 * its busy time shapes the public availability; a failing feed (HTTP error, not iCalendar, over
 * 5 MB, too slow) records lastError and keeps the last good copy; URLs are checked (http(s) only,
 * public addresses unless ALLOW_PRIVATE_URLS) and never shown unmasked.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { feedWindow } from '../../src/app/dashboard/calendars/fetch-calendar.ts';
import { expandFeed } from '../../src/ical/index.ts';
import { calendarFeeds, FEED_TIMEOUT_MS } from '../../src/jobs/calendar-feeds.ts';
import { createJobQueue } from '../../src/store/jobs.ts';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { type FeedServer, fixture, SECRET_PATH, startFeedServer } from '../support/feed-server.ts';
import { testOutbound } from '../support/outbound.ts';
import { STUDIO, STUDIO_NOW } from '../support/studio.ts';

let tdb: TestDatabase;
let feeds: FeedServer;
let d: Dashboard;

beforeAll(async () => {
  [tdb, feeds] = await Promise.all([openTestDatabase({ cache: true }), startFeedServer()]);
});
afterAll(async () => {
  await feeds?.close();
  await tdb?.close();
});
afterEach(() => expect(d.errors).toEqual([]));

/** The test studio with the loopback feed server reachable (ALLOW_PRIVATE_URLS=1). */
const start = (extra: Parameters<typeof startDashboard>[3] = {}) =>
  startDashboard(tdb, STUDIO, undefined, { outbound: testOutbound({ allowPrivate: true }), ...extra });

/** Ana's portrait starts on a date, in UTC. */
async function anaStarts(date: string): Promise<string[]> {
  const r = await d.call(`/availability/day?service=portrait&staff=${d.staffIds.ana}&date=${date}&tz=UTC`);
  expect(r.status).toBe(200);
  return r.body.slots.map((s: { start: string }) => s.start);
}

/** What expandFeed gives for a fixture over the window a fetch at STUDIO_NOW uses (horizon 400 days). */
async function expected(name: string): Promise<number> {
  const window = feedWindow(Date.parse(STUDIO_NOW), 400, 'Europe/Paris');
  // A day before now, to the start of today + 402 days in Paris (the horizon's last date, plus a day).
  expect(window).toEqual({ from: Date.parse('2027-03-25T11:00:00Z'), to: Date.parse('2028-04-30T22:00:00Z') });
  const r = await expandFeed(fixture(name), { ...window, floatingZone: 'Europe/Paris' });
  if (!r.ok) throw new Error(r.message);
  return r.feed.busy.length + r.feed.dates.length;
}

describe('subscribing a calendar', () => {
  it('a Google-style feed is fetched when added; its busy time and all-day dates shape the availability', async () => {
    d = await start();
    // Monday 29 March, 10:00 Paris (08:00Z) is free before.
    expect(await anaStarts('2027-03-29')).toContain('2027-03-29T08:00:00+00:00');
    const r = await d.as('ana', 'POST', `staff/${d.staffIds.ana}/calendars`, {
      url: feeds.url('google'),
      label: 'Google',
    });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({
      id: expect.any(String),
      staff: d.staffIds.ana,
      label: 'Google',
      url: `${feeds.base}/…`,
      lastSuccessAt: '2027-03-26T11:00:00.000Z',
      lastAttemptAt: '2027-03-26T11:00:00.000Z',
      lastError: null,
      events: await expected('google.ics'),
    });
    expect(feeds.hits('google')).toBe(1);
    // The weekly planning (Mondays 10:00 Paris) takes 09:30, 10:00 and 10:30 away; 09:00 touches it.
    const monday = await anaStarts('2027-03-29');
    expect(monday).toContain('2027-03-29T07:00:00+00:00');
    expect(monday).not.toContain('2027-03-29T07:30:00+00:00');
    expect(monday).not.toContain('2027-03-29T08:00:00+00:00');
    expect(monday).not.toContain('2027-03-29T08:30:00+00:00');
    // The two-day wedding (25–26 March, all day): Friday 26 March is worked but full, not closed.
    const m = await d.call(`/availability/month?service=portrait&staff=${d.staffIds.ana}&month=2027-03`);
    expect(m.body.days.find((x: { date: string }) => x.date === '2027-03-26')).toEqual({
      date: '2027-03-26',
      status: 'full',
      slots: 0,
    });
    // A booking on the busy time is refused in its transaction.
    const booked = await d.post('/bookings', {
      service: 'portrait',
      staff: d.staffIds.ana,
      start: '2027-03-29T10:00:00+02:00',
      client: { name: 'Ada', email: 'ada@example.com' },
      payment: 'none',
    });
    expect([booked.status, booked.body.error?.code]).toEqual([409, 'SLOT_UNAVAILABLE']);
  });

  it('an Outlook-style feed: Windows zone names are read as IANA zones', async () => {
    d = await start();
    const r = await d.as('admin', 'POST', `staff/${d.staffIds.ana}/calendars`, { url: feeds.url('outlook') });
    expect([r.status, r.body.lastError, r.body.label]).toEqual([201, null, '127.0.0.1']);
    expect(r.body.events).toBe(await expected('outlook.ics'));
    // Tuesday 30 March 09:00 "W. Europe Standard Time" (Berlin, CEST) = 07:00Z: Ana's 09:00 is gone.
    expect(await anaStarts('2027-03-30')).not.toContain('2027-03-30T07:00:00+00:00');
    expect(await anaStarts('2027-03-30')).toContain('2027-03-30T08:00:00+00:00');
  });

  it('a New York series across its DST change blocks the right Paris hours on each side of both changes', async () => {
    d = await start();
    const r = await d.as('ana', 'POST', `staff/${d.staffIds.ana}/calendars`, { url: feeds.url('new-york') });
    expect(r.status).toBe(201);
    // 3 November: New York still on EDT (13:00Z), Paris already on CET: 14:00–15:00 Paris.
    const nov3 = await anaStarts('2027-11-03');
    expect(nov3).toContain('2027-11-03T12:00:00+00:00');
    expect(nov3).not.toContain('2027-11-03T12:30:00+00:00');
    expect(nov3).not.toContain('2027-11-03T13:00:00+00:00');
    expect(nov3).toContain('2027-11-03T14:00:00+00:00');
    // 10 November: New York on EST (14:00Z): 15:00–16:00 Paris.
    const nov10 = await anaStarts('2027-11-10');
    expect(nov10).toContain('2027-11-10T12:30:00+00:00');
    expect(nov10).toContain('2027-11-10T13:00:00+00:00');
    expect(nov10).not.toContain('2027-11-10T14:00:00+00:00');
    // The all-day holiday (11 November) in Ana's zone.
    const m = await d.call(`/availability/month?service=portrait&staff=${d.staffIds.ana}&month=2027-11`);
    expect(m.body.days.find((x: { date: string }) => x.date === '2027-11-11')?.status).toBe('full');
  });
});

describe('a failing feed keeps its last good copy', () => {
  it('HTTP errors and a page that is not iCalendar are recorded as lastError; lastSuccessAt and events stay', async () => {
    d = await start();
    feeds.set('flaky', { status: 200, type: 'text/calendar', body: fixture('google.ics') });
    const made = await d.as('ana', 'POST', `staff/${d.staffIds.ana}/calendars`, { url: feeds.url('flaky') });
    const good = made.body;
    expect(good.lastError).toBeNull();
    const path = `staff/${d.staffIds.ana}/calendars/${good.id}`;

    d.clock.advance(30);
    feeds.set('flaky', { status: 503, type: 'text/plain', body: 'down' });
    const down = await d.as('ana', 'POST', `${path}/refresh`);
    expect(down.status).toBe(200);
    expect(down.body).toEqual({
      ...good,
      lastAttemptAt: '2027-03-26T11:30:00.000Z',
      lastError: 'the server answered HTTP 503',
    });
    expect(await anaStarts('2027-03-29')).not.toContain('2027-03-29T08:00:00+00:00'); // still busy

    feeds.set('flaky', { status: 200, type: 'text/html', body: '<!doctype html><p>Sign in</p>' });
    const html = await d.as('ana', 'POST', `${path}/refresh`);
    expect(html.body.lastError).toMatch(/^not_icalendar: /);
    expect([html.body.lastSuccessAt, html.body.events]).toEqual([good.lastSuccessAt, good.events]);

    // Back to good: the error clears.
    d.clock.advance(30);
    feeds.set('flaky', { status: 200, type: 'text/calendar', body: fixture('outlook.ics') });
    const back = await d.as('ana', 'POST', `${path}/refresh`);
    expect([back.body.lastError, back.body.lastSuccessAt]).toEqual([null, '2027-03-26T12:00:00.000Z']);
    expect(await anaStarts('2027-03-29')).toContain('2027-03-29T08:00:00+00:00'); // the Google copy is gone
  });

  it('a feed over 5 MB is refused whole', async () => {
    d = await start();
    const r = await d.as('ana', 'POST', `staff/${d.staffIds.ana}/calendars`, { url: feeds.url('big') });
    expect(r.body).toMatchObject({ lastError: 'the feed is larger than 5 MB', lastSuccessAt: null, events: 0 });
  });

  it('a feed that does not answer in time is refused (10 s by default; shortened here)', async () => {
    expect(FEED_TIMEOUT_MS).toBe(10_000);
    const outbound = testOutbound({ allowPrivate: true });
    d = await start({ calendarFeeds: calendarFeeds(outbound, { timeoutMs: 300 }) });
    const r = await d.as('ana', 'POST', `staff/${d.staffIds.ana}/calendars`, { url: feeds.url('slow') });
    expect(r.body).toMatchObject({ lastError: 'no complete answer within 0.3 s', events: 0 });
  });
});

describe('the poll', () => {
  it('is a durable job: the sweep queues a due calendar once, the worker fetches it, and not before it is due', async () => {
    d = await start();
    const made = await d.as('ana', 'POST', `staff/${d.staffIds.ana}/calendars`, { url: feeds.url('outlook') });
    expect(made.status).toBe(201);
    const before = feeds.hits('outlook');
    const queue = createJobQueue(tdb.db);
    const POLL = 10 * 60_000;
    expect(await queue.queueDueCalendars(d.clock.now(), 100, POLL)).toBe(0); // fetched at add: due in 10 min
    d.clock.advance(10);
    expect(await queue.queueDueCalendars(d.clock.now(), 100, POLL)).toBe(1);
    expect(await queue.queueDueCalendars(d.clock.now(), 100, POLL)).toBe(0);
    expect(await d.deliver()).toBe(1);
    expect(feeds.hits('outlook')).toBe(before + 1);
    const after = await d.as('ana', 'GET', `staff/${d.staffIds.ana}/calendars/${made.body.id}`);
    expect(after.body.lastSuccessAt).toBe('2027-03-26T11:10:00.000Z');
  });
});

describe('calendar URLs', () => {
  it.each([
    ['webcal://calendar.example.test/feed.ics', 'an http or https URL (write https:// instead of webcal://)'],
    ['ftp://calendar.example.test/feed.ics', 'an http or https URL'],
    ['not a url', 'an absolute http or https URL'],
    ['https://me:secret@calendar.example.test/feed.ics', 'a URL without a user name or password'],
  ])('%s → 400 VALIDATION_FAILED naming url; nothing written or fetched', async (url, says) => {
    d = await start();
    const r = await d.as('ana', 'POST', `staff/${d.staffIds.ana}/calendars`, { url });
    expect([r.status, r.body.error.code, r.body.error.details.fields]).toEqual([
      400,
      'VALIDATION_FAILED',
      { url: says },
    ]);
    expect((await d.as('ana', 'GET', `staff/${d.staffIds.ana}/calendars`)).body.calendars).toEqual([]);
  });

  it('a private address is refused with URL_NOT_ALLOWED unless ALLOW_PRIVATE_URLS, and nothing is sent', async () => {
    d = await startDashboard(tdb, STUDIO); // the default rule: private addresses refused
    const before = feeds.hits('google');
    for (const url of [feeds.url('google'), feeds.url('google').replace('127.0.0.1', 'localhost')]) {
      const r = await d.as('ana', 'POST', `staff/${d.staffIds.ana}/calendars`, { url });
      expect([r.status, r.body.error.code, Object.keys(r.body.error.details.fields)]).toEqual([
        400,
        'URL_NOT_ALLOWED',
        ['url'],
      ]);
    }
    expect((await d.as('ana', 'GET', `staff/${d.staffIds.ana}/calendars`)).body.calendars).toEqual([]);
    expect(feeds.hits('google')).toBe(before);
  });

  it('never appear unmasked in any answer of the calendar API', async () => {
    d = await start();
    const texts: string[] = [];
    const keep = <R extends { body: unknown }>(r: R): R => {
      texts.push(JSON.stringify(r.body));
      return r;
    };
    const base = `staff/${d.staffIds.ana}/calendars`;
    feeds.set('broken', { status: 503, type: 'text/plain', body: `no ${SECRET_PATH} here` });
    const made = keep(await d.as('ana', 'POST', base, { url: feeds.url('google') }));
    const broken = keep(await d.as('ana', 'POST', base, { url: feeds.url('broken') }));
    keep(await d.as('ana', 'GET', base));
    keep(await d.as('admin', 'GET', `${base}/${made.body.id}`));
    keep(await d.as('ana', 'PATCH', `${base}/${made.body.id}`, { label: 'Mine' }));
    keep(await d.as('ana', 'PATCH', `${base}/${made.body.id}`, { url: `${feeds.url('outlook')}?token=abc123` }));
    keep(await d.as('ana', 'POST', `${base}/${broken.body.id}/refresh`));
    keep(await d.as('ana', 'DELETE', `${base}/${made.body.id}`));
    expect(texts).toHaveLength(8);
    for (const text of texts) {
      expect(text).not.toContain('private-7c2f9e41');
      expect(text).not.toContain('abc123');
    }
    expect(texts.join('\n')).toContain(`${feeds.base}/…`);
  });
});
