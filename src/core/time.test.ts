import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, hm, iso } from './test-fixtures.ts';
import {
  boundToInstant,
  dateOf,
  formatInstant,
  instantToWall,
  isTimeZone,
  offsetMinutesAt,
  parseInstant,
  startOfDay,
  wallToInstant,
} from './time.ts';

// Zone facts used below (tzdata):
// Europe/Paris      CET +01:00 / CEST +02:00; 2027-03-28 02:00→03:00 at 01:00Z; 2027-10-31 03:00→02:00 at 01:00Z.
// America/New_York  EST -05:00 / EDT -04:00; 2027-03-14 02:00→03:00 at 07:00Z; 2027-11-07 02:00→01:00 at 06:00Z.
// Asia/Kolkata      IST +05:30, no changes.
// America/St_Johns  NST -03:30 in winter.
// America/Santiago  2027-09-05 00:00→01:00 (-04:00 → -03:00) at 04:00Z: that date has no midnight.

describe('wallToInstant: wall-clock time on a date in a zone → instant', () => {
  it.each([
    { zone: 'UTC', date: '2027-03-29', time: '09:00', expected: '2027-03-29T09:00:00Z' },
    { zone: 'Europe/Paris', date: '2027-01-15', time: '09:00', expected: '2027-01-15T08:00:00Z' },
    { zone: 'Europe/Paris', date: '2027-03-29', time: '09:00', expected: '2027-03-29T07:00:00Z' },
    { zone: 'America/New_York', date: '2027-01-15', time: '09:00', expected: '2027-01-15T14:00:00Z' },
    { zone: 'America/New_York', date: '2027-03-29', time: '09:00', expected: '2027-03-29T13:00:00Z' },
    { zone: 'Asia/Kolkata', date: '2027-03-29', time: '09:00', expected: '2027-03-29T03:30:00Z' },
    { zone: 'Asia/Kolkata', date: '2027-03-29', time: '00:00', expected: '2027-03-28T18:30:00Z' },
    { zone: 'UTC', date: '2027-03-29', time: '24:00', expected: '2027-03-30T00:00:00Z' },
    { zone: 'Europe/Paris', date: '2027-03-29', time: '24:00', expected: '2027-03-29T22:00:00Z' },
  ])('$time on $date in $zone is $expected', ({ zone, date, time, expected }) => {
    const ms = wallToInstant(date, hm(time), zone);
    expect(ms === null ? null : iso(ms)).toBe(expected);
  });

  it.each([
    { zone: 'Europe/Paris', date: '2027-03-28', time: '01:59', expected: '2027-03-28T00:59:00Z' },
    { zone: 'Europe/Paris', date: '2027-03-28', time: '02:00', expected: null },
    { zone: 'Europe/Paris', date: '2027-03-28', time: '02:30', expected: null },
    { zone: 'Europe/Paris', date: '2027-03-28', time: '02:59', expected: null },
    { zone: 'Europe/Paris', date: '2027-03-28', time: '03:00', expected: '2027-03-28T01:00:00Z' },
    { zone: 'America/New_York', date: '2027-03-14', time: '01:30', expected: '2027-03-14T06:30:00Z' },
    { zone: 'America/New_York', date: '2027-03-14', time: '02:00', expected: null },
    { zone: 'America/New_York', date: '2027-03-14', time: '02:30', expected: null },
    { zone: 'America/New_York', date: '2027-03-14', time: '03:00', expected: '2027-03-14T07:00:00Z' },
    { zone: 'America/Santiago', date: '2027-09-05', time: '00:00', expected: null },
    { zone: 'America/Santiago', date: '2027-09-05', time: '01:00', expected: '2027-09-05T04:00:00Z' },
  ])(
    'a time skipped by spring forward has no instant: $time on $date in $zone → $expected',
    ({ zone, date, time, expected }) => {
      const ms = wallToInstant(date, hm(time), zone);
      expect(ms === null ? null : iso(ms)).toBe(expected);
    },
  );

  it.each([
    { zone: 'Europe/Paris', date: '2027-10-31', time: '01:30', expected: '2027-10-30T23:30:00Z' },
    { zone: 'Europe/Paris', date: '2027-10-31', time: '02:00', expected: '2027-10-31T00:00:00Z' },
    { zone: 'Europe/Paris', date: '2027-10-31', time: '02:30', expected: '2027-10-31T00:30:00Z' },
    { zone: 'Europe/Paris', date: '2027-10-31', time: '02:59', expected: '2027-10-31T00:59:00Z' },
    { zone: 'Europe/Paris', date: '2027-10-31', time: '03:00', expected: '2027-10-31T02:00:00Z' },
    { zone: 'America/New_York', date: '2027-11-07', time: '00:30', expected: '2027-11-07T04:30:00Z' },
    { zone: 'America/New_York', date: '2027-11-07', time: '01:00', expected: '2027-11-07T05:00:00Z' },
    { zone: 'America/New_York', date: '2027-11-07', time: '01:30', expected: '2027-11-07T05:30:00Z' },
    { zone: 'America/New_York', date: '2027-11-07', time: '02:00', expected: '2027-11-07T07:00:00Z' },
  ])(
    'a time repeated by fall back means its first occurrence: $time on $date in $zone → $expected',
    ({ zone, date, time, expected }) => {
      const ms = wallToInstant(date, hm(time), zone);
      expect(ms === null ? null : iso(ms)).toBe(expected);
    },
  );

  it('refuses a date that does not exist', () => {
    expect(() => wallToInstant('2027-02-30', 540, 'UTC')).toThrow(RangeError);
  });
});

describe('boundToInstant: the instant the wall clock reaches a time (ends of ranges)', () => {
  it.each([
    { zone: 'Europe/Paris', date: '2027-03-29', time: '17:00', expected: '2027-03-29T15:00:00Z', rule: 'ordinary' },
    { zone: 'Europe/Paris', date: '2027-03-28', time: '02:00', expected: '2027-03-28T01:00:00Z', rule: 'gap → change' },
    { zone: 'Europe/Paris', date: '2027-03-28', time: '02:30', expected: '2027-03-28T01:00:00Z', rule: 'gap → change' },
    { zone: 'Europe/Paris', date: '2027-03-28', time: '03:00', expected: '2027-03-28T01:00:00Z', rule: 'exists' },
    { zone: 'America/New_York', date: '2027-03-14', time: '02:30', expected: '2027-03-14T07:00:00Z', rule: 'gap' },
    { zone: 'America/Santiago', date: '2027-09-05', time: '00:00', expected: '2027-09-05T04:00:00Z', rule: 'gap' },
    { zone: 'Europe/Paris', date: '2027-10-31', time: '02:30', expected: '2027-10-31T00:30:00Z', rule: 'first' },
    { zone: 'America/New_York', date: '2027-11-07', time: '01:30', expected: '2027-11-07T05:30:00Z', rule: 'first' },
    { zone: 'Asia/Kolkata', date: '2027-03-29', time: '24:00', expected: '2027-03-29T18:30:00Z', rule: 'midnight' },
  ])('$time on $date in $zone reaches at $expected ($rule)', ({ zone, date, time, expected }) => {
    expect(iso(boundToInstant(date, hm(time), zone))).toBe(expected);
  });
});

describe('startOfDay: the first instant of a date in a zone', () => {
  it.each([
    { zone: 'UTC', date: '2027-03-29', expected: '2027-03-29T00:00:00Z' },
    { zone: 'Europe/Paris', date: '2027-03-28', expected: '2027-03-27T23:00:00Z' },
    { zone: 'Europe/Paris', date: '2027-03-29', expected: '2027-03-28T22:00:00Z' },
    { zone: 'Europe/Paris', date: '2027-10-31', expected: '2027-10-30T22:00:00Z' },
    { zone: 'Europe/Paris', date: '2027-11-01', expected: '2027-10-31T23:00:00Z' },
    { zone: 'America/New_York', date: '2027-03-14', expected: '2027-03-14T05:00:00Z' },
    { zone: 'America/New_York', date: '2027-03-15', expected: '2027-03-15T04:00:00Z' },
    { zone: 'America/New_York', date: '2027-11-07', expected: '2027-11-07T04:00:00Z' },
    { zone: 'Asia/Kolkata', date: '2027-03-29', expected: '2027-03-28T18:30:00Z' },
    // Midnight is skipped there: the date starts at the change.
    { zone: 'America/Santiago', date: '2027-09-05', expected: '2027-09-05T04:00:00Z' },
  ])('$date in $zone starts at $expected', ({ zone, date, expected }) => {
    expect(iso(startOfDay(date, zone))).toBe(expected);
  });
});

describe('instantToWall / dateOf: the wall-clock date and minute of an instant', () => {
  it.each([
    { zone: 'Europe/Paris', instant: '2027-03-28T00:59:00Z', date: '2027-03-28', time: '01:59' },
    { zone: 'Europe/Paris', instant: '2027-03-28T01:00:00Z', date: '2027-03-28', time: '03:00' },
    { zone: 'Europe/Paris', instant: '2027-10-31T00:30:00Z', date: '2027-10-31', time: '02:30' },
    { zone: 'Europe/Paris', instant: '2027-10-31T01:30:00Z', date: '2027-10-31', time: '02:30' },
    { zone: 'America/New_York', instant: '2027-11-07T05:30:00Z', date: '2027-11-07', time: '01:30' },
    { zone: 'America/New_York', instant: '2027-11-07T06:30:00Z', date: '2027-11-07', time: '01:30' },
    { zone: 'America/New_York', instant: '2027-03-29T03:00:00Z', date: '2027-03-28', time: '23:00' },
    { zone: 'Asia/Kolkata', instant: '2027-03-28T18:30:00Z', date: '2027-03-29', time: '00:00' },
    { zone: 'Asia/Kolkata', instant: '2027-03-28T18:29:59.999Z', date: '2027-03-28', time: '23:59' },
    { zone: 'UTC', instant: '2027-03-29T23:59:59Z', date: '2027-03-29', time: '23:59' },
  ])('$instant is $time on $date in $zone', ({ zone, instant, date, time }) => {
    expect(instantToWall(at(instant), zone)).toEqual({ date, minutes: hm(time) });
    expect(dateOf(at(instant), zone)).toBe(date);
  });
});

describe('offsetMinutesAt: the UTC offset in force at an instant', () => {
  it.each([
    { zone: 'Europe/Paris', instant: '2027-03-28T00:59:59Z', expected: 60 },
    { zone: 'Europe/Paris', instant: '2027-03-28T01:00:00Z', expected: 120 },
    { zone: 'Europe/Paris', instant: '2027-10-31T00:59:59Z', expected: 120 },
    { zone: 'Europe/Paris', instant: '2027-10-31T01:00:00Z', expected: 60 },
    { zone: 'America/New_York', instant: '2027-11-07T05:59:59Z', expected: -240 },
    { zone: 'America/New_York', instant: '2027-11-07T06:00:00Z', expected: -300 },
    { zone: 'Asia/Kolkata', instant: '2027-03-29T00:00:00Z', expected: 330 },
    { zone: 'UTC', instant: '2027-03-29T00:00:00Z', expected: 0 },
  ])('$zone at $instant is $expected min', ({ zone, instant, expected }) => {
    expect(offsetMinutesAt(at(instant), zone)).toBe(expected);
  });
});

describe('formatInstant: ISO 8601 with the zone offset at that instant', () => {
  it.each([
    { zone: 'Europe/Paris', instant: '2027-03-29T07:00:00Z', expected: '2027-03-29T09:00:00+02:00' },
    { zone: 'Europe/Paris', instant: '2027-01-15T08:00:00Z', expected: '2027-01-15T09:00:00+01:00' },
    { zone: 'Europe/Paris', instant: '2027-10-31T00:30:00Z', expected: '2027-10-31T02:30:00+02:00' },
    { zone: 'Europe/Paris', instant: '2027-10-31T01:30:00Z', expected: '2027-10-31T02:30:00+01:00' },
    { zone: 'America/New_York', instant: '2027-03-29T13:00:00Z', expected: '2027-03-29T09:00:00-04:00' },
    { zone: 'America/New_York', instant: '2027-01-15T14:00:00Z', expected: '2027-01-15T09:00:00-05:00' },
    { zone: 'Asia/Kolkata', instant: '2027-03-29T03:30:00Z', expected: '2027-03-29T09:00:00+05:30' },
    { zone: 'America/St_Johns', instant: '2027-01-15T12:30:00Z', expected: '2027-01-15T09:00:00-03:30' },
    { zone: 'UTC', instant: '2027-03-29T09:00:00Z', expected: '2027-03-29T09:00:00+00:00' },
  ])('$instant in $zone is $expected', ({ zone, instant, expected }) => {
    expect(formatInstant(at(instant), zone)).toBe(expected);
  });
});

describe('parseInstant: ISO 8601 with an offset or Z, nothing else', () => {
  it.each([
    { text: '2027-03-29T09:00:00+02:00', expected: '2027-03-29T07:00:00Z' },
    { text: '2027-03-29T09:00:00-04:00', expected: '2027-03-29T13:00:00Z' },
    { text: '2027-03-29T09:00:00+05:30', expected: '2027-03-29T03:30:00Z' },
    { text: '2027-03-29T09:00:00Z', expected: '2027-03-29T09:00:00Z' },
    { text: '2027-03-29T09:00Z', expected: '2027-03-29T09:00:00Z' },
    { text: '2027-03-29T09:00:00.250Z', expected: '2027-03-29T09:00:00.250Z' },
    { text: '2027-03-29T00:30:00+05:30', expected: '2027-03-28T19:00:00Z' },
  ])('accepts $text as $expected', ({ text, expected }) => {
    const ms = parseInstant(text);
    expect(ms === null ? null : iso(ms)).toBe(expected);
  });

  it.each([
    ['2027-03-29T09:00:00', 'no offset'],
    ['2027-03-29', 'a date only'],
    ['09:00:00Z', 'a time only'],
    ['garbage', 'garbage'],
    ['', 'empty'],
    ['2027-02-30T10:00:00Z', 'a day that does not exist'],
    ['2027-13-01T10:00:00Z', 'a month that does not exist'],
    ['2027-03-29T24:00:00Z', 'hour 24'],
    ['2027-03-29T09:00:00+02:00[Europe/Paris]', 'a zone annotation'],
    ['1711695600000', 'epoch milliseconds'],
  ])('rejects %s (%s)', (text) => {
    expect(parseInstant(text)).toBeNull();
  });
});

describe('isTimeZone: IANA zone names the platform knows', () => {
  it.each([
    ['Europe/Paris', true],
    ['America/New_York', true],
    ['Asia/Kolkata', true],
    ['America/Argentina/Buenos_Aires', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['', false],
    [' Europe/Paris', false],
    ['Europe/Paris/', false],
    ['+02:00', false],
    ['../etc/passwd', false],
  ])('isTimeZone(%j) is %s', (zone, expected) => {
    expect(isTimeZone(zone)).toBe(expected);
  });
});

describe('wall clock ↔ instant round trip (property)', () => {
  const zones = ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Santiago'];

  it('the wall time of any instant maps back to its first occurrence, never later than the instant', () => {
    const from = at('2026-01-01T00:00:00Z');
    const to = at('2029-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: from / 60_000, max: to / 60_000 }), (zone, minute) => {
        const ms = minute * 60_000;
        const wallTime = instantToWall(ms, zone);
        const back = wallToInstant(wallTime.date, wallTime.minutes, zone);
        expect(back).not.toBeNull();
        const first = back ?? Number.NaN;
        expect(first).toBeLessThanOrEqual(ms);
        expect(instantToWall(first, zone)).toEqual(wallTime);
        // Nothing in between shows the same wall time except the instant itself or its repeat.
        expect(
          ms - first === 0 || ms - first === (offsetMinutesAt(first, zone) - offsetMinutesAt(ms, zone)) * 60_000,
        ).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
