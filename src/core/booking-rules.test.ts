import { describe, expect, it } from 'vitest';
import { checkSlot, type SlotCheck } from './booking-rules.ts';
import { at, busyOf, EVERY_DAY, isoSpan, MON_FRI, staff, timing, weekly } from './test-fixtures.ts';

// A UTC member: Mon–Fri 09:00–12:00 and 13:00–17:00, 30-minute step, 60 minutes' notice,
// horizon 30 days, off Friday 2027-04-02; booked Tuesday 2027-03-30 10:00–11:00.
// now = Monday 2027-03-29 08:30Z, so the horizon ends on 2027-04-28.
const member = staff({
  hours: weekly(MON_FRI, '09:00-12:00', '13:00-17:00'),
  daysOff: [{ from: '2027-04-02', to: '2027-04-02' }],
  policy: { slotStepMinutes: 30, minNoticeMinutes: 60, horizonDays: 30 },
});
const busy = busyOf(['2027-03-30T10:00:00Z/2027-03-30T11:00:00Z']);
const now = at('2027-03-29T08:30:00Z');

/** The outcome as a short string: 'ok start/end' or the refusal reason. */
function outcome(result: SlotCheck): string {
  if (result.ok) return `ok ${isoSpan(result.slot)}`;
  expect(result.code).toBe('SLOT_UNAVAILABLE');
  return result.reason;
}

describe('checkSlot: a start is bookable exactly when availability lists it, else the first rule refusing it', () => {
  it.each([
    { start: '2027-03-29T08:00:00Z', expected: 'past', rule: 'before now' },
    { start: '2027-03-29T08:29:59Z', expected: 'past', rule: 'one second before now' },
    { start: '2027-04-29T09:00:00Z', expected: 'beyond_horizon', rule: 'after today + 30 days' },
    { start: '2027-04-02T10:00:00Z', expected: 'day_off', rule: 'on a day off' },
    { start: '2027-04-03T10:00:00Z', expected: 'not_worked', rule: 'on a Saturday' },
    { start: '2027-03-30T09:15:00Z', expected: 'not_offered', rule: 'off the 30-minute grid' },
    { start: '2027-03-30T07:00:00Z', expected: 'not_offered', rule: 'before the hours' },
    { start: '2027-03-30T11:30:00Z', expected: 'not_offered', rule: 'would run past the end of a shift' },
    { start: '2027-03-30T12:00:00Z', expected: 'not_offered', rule: 'in the break' },
    { start: '2027-03-30T16:30:00Z', expected: 'not_offered', rule: 'would end after the hours' },
    { start: '2027-03-30T17:00:00Z', expected: 'not_offered', rule: 'at the end of the hours' },
    { start: '2027-03-29T09:00:00Z', expected: 'too_soon', rule: 'before now + 60 min notice' },
    { start: '2027-03-30T10:00:00Z', expected: 'taken', rule: 'the booked start' },
    { start: '2027-03-30T09:30:00Z', expected: 'taken', rule: 'ends inside the booking' },
    { start: '2027-03-30T10:30:00Z', expected: 'taken', rule: 'starts inside the booking' },
    {
      start: '2027-03-29T09:30:00Z',
      expected: 'ok 2027-03-29T09:30:00Z/2027-03-29T10:30:00Z',
      rule: 'exactly now + notice',
    },
    {
      start: '2027-03-30T09:00:00Z',
      expected: 'ok 2027-03-30T09:00:00Z/2027-03-30T10:00:00Z',
      rule: 'ends as the booking starts',
    },
    {
      start: '2027-03-30T11:00:00Z',
      expected: 'ok 2027-03-30T11:00:00Z/2027-03-30T12:00:00Z',
      rule: 'starts as the booking ends and ends with the shift',
    },
    {
      start: '2027-04-28T16:00:00Z',
      expected: 'ok 2027-04-28T16:00:00Z/2027-04-28T17:00:00Z',
      rule: 'the last start of the last date of the horizon',
    },
  ])('$start → $expected ($rule)', ({ start, expected }) => {
    expect(outcome(checkSlot({ staff: member, timing: timing(60), busy, now, start: at(start) }))).toBe(expected);
  });

  it.each([
    { start: '2027-03-29T09:00:00Z', expected: 'ok 2027-03-29T09:00:00Z/2027-03-29T10:00:00Z', rule: 'too soon' },
    {
      start: '2027-04-29T09:00:00Z',
      expected: 'ok 2027-04-29T09:00:00Z/2027-04-29T10:00:00Z',
      rule: 'beyond the horizon',
    },
    { start: '2027-03-30T10:00:00Z', expected: 'taken', rule: 'taken' },
    { start: '2027-03-30T09:30:00Z', expected: 'taken', rule: 'overlapping' },
    { start: '2027-03-29T08:00:00Z', expected: 'past', rule: 'past' },
    { start: '2027-04-02T10:00:00Z', expected: 'day_off', rule: 'a day off' },
    { start: '2027-04-03T10:00:00Z', expected: 'not_worked', rule: 'a weekday not worked' },
    { start: '2027-03-30T09:15:00Z', expected: 'not_offered', rule: 'off the grid' },
  ])('an admin may skip notice and horizon, never anything else: $rule → $expected', ({ start, expected }) => {
    const input = { staff: member, timing: timing(60), busy, now, start: at(start), skipNoticeAndHorizon: true };
    expect(outcome(checkSlot(input))).toBe(expected);
  });

  it('buffers and gap count as in availability: the occupied spans must not overlap', () => {
    // Gap 15 and a 15-minute buffer after: a booking 10:00–11:00 keeps the member until 11:30.
    const withGap = staff({ hours: weekly(MON_FRI, '09:00-17:00'), policy: { slotStepMinutes: 30, gapMinutes: 15 } });
    const service = timing(60, 0, 15);
    const kept = busyOf(['2027-03-30T10:00:00Z/2027-03-30T11:00:00Z'], service, 15);
    const check = (start: string) =>
      outcome(checkSlot({ staff: withGap, timing: service, busy: kept, now, start: at(start) }));
    expect(check('2027-03-30T08:30:00Z')).toBe('not_offered');
    expect(check('2027-03-30T09:00:00Z')).toBe('taken'); // [09:00, 10:30) after its own buffer and gap
    expect(check('2027-03-30T11:00:00Z')).toBe('taken');
    expect(check('2027-03-30T11:30:00Z')).toBe('ok 2027-03-30T11:30:00Z/2027-03-30T12:30:00Z');
  });
});

describe('checkSlot on clock-change days follows the same wall-clock rules', () => {
  const paris = staff({
    timezone: 'Europe/Paris',
    hours: weekly(EVERY_DAY, '00:00-06:00'),
    policy: { horizonDays: 400 },
  });
  const before = at('2027-03-01T00:00:00Z');

  it.each([
    { start: '2027-03-28T00:30:00Z', expected: 'ok 2027-03-28T00:30:00Z/2027-03-28T01:30:00Z', rule: '01:30 CET' },
    { start: '2027-03-28T01:00:00Z', expected: 'ok 2027-03-28T01:00:00Z/2027-03-28T02:00:00Z', rule: '03:00 CEST' },
    { start: '2027-03-28T03:00:00Z', expected: 'ok 2027-03-28T03:00:00Z/2027-03-28T04:00:00Z', rule: '05:00 CEST' },
    { start: '2027-03-28T03:30:00Z', expected: 'not_offered', rule: '05:30 CEST would end 06:30' },
    {
      start: '2027-10-31T00:30:00Z',
      expected: 'ok 2027-10-31T00:30:00Z/2027-10-31T01:30:00Z',
      rule: '02:30 CEST, first occurrence',
    },
    { start: '2027-10-31T01:00:00Z', expected: 'not_offered', rule: '02:00 CET, second occurrence' },
    { start: '2027-10-31T01:30:00Z', expected: 'not_offered', rule: '02:30 CET, second occurrence' },
    { start: '2027-10-31T02:00:00Z', expected: 'ok 2027-10-31T02:00:00Z/2027-10-31T03:00:00Z', rule: '03:00 CET' },
  ])('$start → $expected ($rule)', ({ start, expected }) => {
    expect(outcome(checkSlot({ staff: paris, timing: timing(60), busy: [], now: before, start: at(start) }))).toBe(
      expected,
    );
  });
});
