/**
 * What a feed cannot do (decision 026): a file that is not iCalendar, too large, too many
 * occurrences or a rule that never ends gives an error value, fast; an unreadable event is
 * skipped with a warning and the rest of the feed still counts.
 */
import { describe, expect, it } from 'vitest';
import { expandFeed, MAX_FEED_BYTES, MAX_INSTANCES } from './index.ts';

const window = {
  from: Date.parse('2027-06-01T00:00:00Z'),
  to: Date.parse('2027-09-01T00:00:00Z'),
  floatingZone: 'UTC',
};

const calendar = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const event = (...lines: string[]) => ['BEGIN:VEVENT', 'UID:x@test', ...lines, 'END:VEVENT'].join('\r\n');

describe('not iCalendar', () => {
  it.each([
    ['an empty body', ''],
    ['an HTML sign-in page', '<!DOCTYPE html>\n<html><body>Sign in</body></html>'],
    ['JSON', '{"events": []}'],
    ['a truncated download', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:20270601T100000Z\r\n'],
    ['an END that closes the wrong component', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VTODO\r\nEND:VCALENDAR\r\n'],
    ['a component outside the calendar', 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\n'],
  ])('%s → not_icalendar', async (_name, text) => {
    const result = await expandFeed(text, window);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.code).toBe('not_icalendar');
  });

  it('a calendar with no event is fine (nothing busy)', async () => {
    expect(await expandFeed(calendar(), window)).toEqual({
      ok: true,
      feed: { busy: [], dates: [], instances: 0, warnings: [] },
    });
  });
});

describe('limits', () => {
  it(`a feed over ${MAX_FEED_BYTES} bytes → too_large, before any parsing`, async () => {
    const padding = `X-PAD:${'a'.repeat(1000)}\r\n`.repeat(Math.ceil(MAX_FEED_BYTES / 1000));
    const result = await expandFeed(calendar(padding), window);
    expect(result).toMatchObject({ ok: false, code: 'too_large' });
  });

  it(`a rule every minute → too_many_instances (more than ${MAX_INSTANCES} in the window)`, async () => {
    const result = await expandFeed(
      calendar(event('DTSTART:20270601T000000Z', 'DURATION:PT1M', 'RRULE:FREQ=MINUTELY')),
      window,
    );
    expect(result).toMatchObject({ ok: false, code: 'too_many_instances' });
  });

  it.each([
    [
      'in an event',
      calendar(event('DTSTART:20270601T100000Z', 'DURATION:PT1H', 'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30')),
    ],
    [
      'in a VTIMEZONE rule',
      calendar(
        'BEGIN:VTIMEZONE',
        'TZID:Nowhere Time',
        'BEGIN:STANDARD',
        'DTSTART:20000101T000000',
        'TZOFFSETFROM:+0100',
        'TZOFFSETTO:+0100',
        'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
        'END:STANDARD',
        'END:VTIMEZONE',
        event('DTSTART;TZID=Nowhere Time:20270601T100000', 'DURATION:PT1H'),
      ),
    ],
  ])(
    'a rule that never matches %s → too_complex, stopped inside ical.js (which would loop for ever)',
    async (_name, text) => {
      const result = await expandFeed(text, window);
      expect(result).toMatchObject({ ok: false, code: 'too_complex' });
    },
    5_000,
  );

  it('a long series counted from 1990 (COUNT cannot be skipped ahead) → too_complex past the step budget', async () => {
    const result = await expandFeed(
      calendar(event('DTSTART:19900101T000000Z', 'DURATION:PT1M', 'RRULE:FREQ=HOURLY;COUNT=400000')),
      window,
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'too_complex',
      message: 'too many recurrence steps: the feed is refused',
    });
  }, 10_000);

  it('a property line longer than 64 KiB → too_complex', async () => {
    const result = await expandFeed(
      calendar(event('DTSTART:20270601T100000Z', `RDATE:${'20270601T100000Z,'.repeat(5000)}`)),
      window,
    );
    expect(result).toMatchObject({ ok: false, code: 'too_complex' });
  });
});

describe('an unreadable event is skipped; the others count', () => {
  it.each([
    ['a DTSTART that is not a date', 'DTSTART:garbage', 'skipped an event without a readable DTSTART'],
    ['no DTSTART', 'SUMMARY:nothing', 'skipped an event without a readable DTSTART'],
    ['31 June', 'DTSTART:20270631T100000Z', 'skipped an event without a readable DTSTART'],
    ['a broken DTEND', 'DTSTART:20270601T100000Z\r\nDTEND:2027', 'skipped an event with an unreadable DTEND'],
    [
      'an unknown frequency',
      'DTSTART:20270601T100000Z\r\nRRULE:FREQ=SOMETIMES',
      'skipped an event that is not valid iCalendar',
    ],
    [
      'a rule ical.js refuses',
      'DTSTART:20270601T100000Z\r\nRRULE:FREQ=MONTHLY;BYYEARDAY=4',
      'a recurring event could not be expanded (For MONTHLY recurrences neither BYYEARDAY nor BYWEEKNO may appear)',
    ],
  ])('%s', async (_name, bad, warning) => {
    const good = event('DTSTART:20270602T100000Z', 'DTEND:20270602T110000Z').replace('x@test', 'good@test');
    const result = await expandFeed(calendar(event(bad), good), window);
    expect(result).toEqual({
      ok: true,
      feed: {
        busy: [{ start: Date.parse('2027-06-02T10:00:00Z'), end: Date.parse('2027-06-02T11:00:00Z') }],
        dates: [],
        instances: 1,
        warnings: [warning],
      },
    });
  });
});

describe('the caller’s mistakes throw (they are not the feed’s)', () => {
  it.each([
    ['a window that ends before it starts', { ...window, to: window.from }],
    ['an unknown floating zone', { ...window, floatingZone: 'Mars/Olympus' }],
  ])('%s', async (_name, options) => {
    await expect(expandFeed(calendar(), options)).rejects.toThrow(RangeError);
  });
});
