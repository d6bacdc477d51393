/**
 * The fixtures written as real exports look (src/ical/fixtures/): each expands to exact instants,
 * and the New York series feeds the core for a staff member in Lisbon.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dayWindow, slotsBetween } from '../core/index.ts';
import { isoSpan, staff, starts, timing } from '../core/test-fixtures.ts';
import { type ExpandedFeed, expandFeed } from './index.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

async function expand(name: string, from: string, to: string, zone: string): Promise<ExpandedFeed> {
  const result = await expandFeed(fixture(name), { from: Date.parse(from), to: Date.parse(to), floatingZone: zone });
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.feed;
}

describe('a Google Calendar export (VTIMEZONE, weekly series with EXDATE and a moved instance)', () => {
  it('gives exactly the busy time of the window', async () => {
    const feed = await expand('google.ics', '2027-03-10T00:00:00Z', '2027-04-10T00:00:00Z', 'Europe/Paris');
    expect(feed.busy.map(isoSpan)).toEqual([
      // Monday 22 March 10:00 moved to Tuesday 23 March 14:00 CET (RECURRENCE-ID).
      '2027-03-23T13:00:00Z/2027-03-23T14:00:00Z',
      // A UTC event.
      '2027-03-24T16:00:00Z/2027-03-24T17:00:00Z',
      // Mondays 10:00 after the change to CEST (+2); 15 March is an EXDATE, 8 March before the window.
      '2027-03-29T08:00:00Z/2027-03-29T09:00:00Z',
      '2027-04-05T08:00:00Z/2027-04-05T09:00:00Z',
    ]);
    // The two-day wedding (DTEND exclusive); the transparent birthday on 1 April is not busy.
    expect(feed.dates).toEqual(['2027-03-25', '2027-03-26']);
    // Not busy: the transparent lunch (24 March 11:00Z) and the cancelled session (26 March 08:00Z).
    expect(feed.instances).toBe(5);
    expect(feed.warnings).toEqual([]);
  });
});

describe('an Outlook export (Windows zone names, a custom VTIMEZONE)', () => {
  it('maps W. Europe and Pacific Standard Time to IANA and reads the custom zone from its VTIMEZONE', async () => {
    const feed = await expand('outlook.ics', '2027-03-10T00:00:00Z', '2027-04-10T00:00:00Z', 'Europe/Paris');
    expect(feed.busy.map(isoSpan)).toEqual([
      // Tuesdays and Thursdays 09:00 W. Europe (Berlin): CET (+1) until 28 March; 23 March excluded.
      '2027-03-11T08:00:00Z/2027-03-11T08:30:00Z',
      '2027-03-16T08:00:00Z/2027-03-16T08:30:00Z',
      // 08:00 Pacific on 16 March: the US is on PDT (-7) since 14 March.
      '2027-03-16T15:00:00Z/2027-03-16T16:00:00Z',
      '2027-03-18T08:00:00Z/2027-03-18T08:30:00Z',
      // 15:00 in "Customized Time Zone" (+05:30, from the feed's own VTIMEZONE).
      '2027-03-18T09:30:00Z/2027-03-18T10:30:00Z',
      '2027-03-25T08:00:00Z/2027-03-25T08:30:00Z',
      // CEST (+2) from 28 March; UNTIL 30 April is beyond the window.
      '2027-03-30T07:00:00Z/2027-03-30T07:30:00Z',
      '2027-04-01T07:00:00Z/2027-04-01T07:30:00Z',
      '2027-04-06T07:00:00Z/2027-04-06T07:30:00Z',
      '2027-04-08T07:00:00Z/2027-04-08T07:30:00Z',
    ]);
    // The trade fair (all day); "Focus time" is transparent.
    expect(feed.dates).toEqual(['2027-03-19']);
  });
});

describe('a weekly series in New York across its November change, for a staff member in Lisbon', () => {
  it('keeps 09:00 New York: 13:00Z under EDT, 14:00Z under EST; COUNT=5 plus one RDATE', async () => {
    const feed = await expand('new-york-dst.ics', '2027-10-01T00:00:00Z', '2027-12-31T00:00:00Z', 'Europe/Lisbon');
    expect(feed.busy.map(isoSpan)).toEqual([
      '2027-10-20T13:00:00Z/2027-10-20T14:00:00Z',
      '2027-10-27T13:00:00Z/2027-10-27T14:00:00Z',
      '2027-11-03T13:00:00Z/2027-11-03T14:00:00Z',
      // A floating 17:00 is read in the staff member's zone: Lisbon is on WET (+0) since 31 October.
      '2027-11-04T17:00:00Z/2027-11-04T17:30:00Z',
      // New York falls back on 7 November.
      '2027-11-10T14:00:00Z/2027-11-10T15:00:00Z',
      '2027-11-17T14:00:00Z/2027-11-17T15:00:00Z',
      // The RDATE adds a sixth occurrence to COUNT=5 (RFC 5545; API.md).
      '2027-11-26T14:00:00Z/2027-11-26T15:00:00Z',
    ]);
    // A DATE without DTEND lasts one day; a DATE-TIME without DTEND or DURATION occupies nothing.
    expect(feed.dates).toEqual(['2027-11-11']);
    expect(feed.instances).toBe(8);
  });

  it('moves the Lisbon member’s free hour: 14:00 Lisbon is busy on 27 October, 13:00 on 3 November, 14:00 on 10 November', async () => {
    const feed = await expand('new-york-dst.ics', '2027-10-01T00:00:00Z', '2027-12-31T00:00:00Z', 'Europe/Lisbon');
    const member = staff({ timezone: 'Europe/Lisbon', policy: { slotStepMinutes: 60, horizonDays: 365 } });
    const input = {
      staff: [member],
      timing: timing(60),
      busy: new Map(),
      external: new Map([['m1', { intervals: feed.busy, dates: feed.dates }]]),
      now: Date.parse('2027-10-01T00:00:00Z'),
    };
    const day = (date: string) => {
      const w = dayWindow(date, 'Europe/Lisbon');
      return starts(slotsBetween(input, w.start, w.end));
    };
    // 27 October, WEST (+1): 09:00–16:00 local = 08:00Z–15:00Z; the call is 14:00–15:00 local.
    expect(day('2027-10-27')).toEqual([
      '2027-10-27T08:00:00Z',
      '2027-10-27T09:00:00Z',
      '2027-10-27T10:00:00Z',
      '2027-10-27T11:00:00Z',
      '2027-10-27T12:00:00Z',
      '2027-10-27T14:00:00Z',
      '2027-10-27T15:00:00Z',
    ]);
    // 3 November, WET (+0), New York still on EDT: the call is 13:00–14:00 Lisbon.
    expect(day('2027-11-03')).not.toContain('2027-11-03T13:00:00Z');
    expect(day('2027-11-03')).toContain('2027-11-03T14:00:00Z');
    // 10 November, both on standard time: 14:00–15:00 Lisbon.
    expect(day('2027-11-10')).toContain('2027-11-10T13:00:00Z');
    expect(day('2027-11-10')).not.toContain('2027-11-10T14:00:00Z');
    // The all-day holiday on 11 November.
    expect(day('2027-11-11')).toEqual([]);
  });
});
