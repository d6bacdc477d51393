import { describe, expect, it } from 'vitest';
import { remindAt } from './reminders.ts';

const t = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('remindAt: reminderHours before the start, only if asked and still ahead', () => {
  it.each([
    {
      title: 'asked, made days ahead',
      wants: true,
      hours: 24,
      now: '2027-03-20T10:00:00Z',
      expected: '2027-03-28T09:00:00.000Z',
    },
    { title: 'not asked', wants: false, hours: 24, now: '2027-03-20T10:00:00Z', expected: null },
    { title: 'made later than the reminder time', wants: true, hours: 24, now: '2027-03-28T12:00:00Z', expected: null },
    { title: 'made exactly at the reminder time', wants: true, hours: 24, now: '2027-03-28T09:00:00Z', expected: null },
    {
      title: 'one ms before the reminder time',
      wants: true,
      hours: 24,
      now: '2027-03-28T08:59:59.999Z',
      expected: '2027-03-28T09:00:00.000Z',
    },
    // An instant offset, not a wall-clock one: across the Lisbon DST change (28 March 2027) 24 h is still 24 h.
    {
      title: 'across a DST change, 24 real hours',
      wants: true,
      hours: 24,
      now: '2027-03-01T00:00:00Z',
      expected: '2027-03-28T09:00:00.000Z',
    },
    {
      title: 'zero hours: at the start',
      wants: true,
      hours: 0,
      now: '2027-03-01T00:00:00Z',
      expected: '2027-03-29T09:00:00.000Z',
    },
  ])('$title', ({ wants, hours, now, expected }) => {
    expect(
      iso(remindAt({ start: t('2027-03-29T09:00:00Z'), wantsReminder: wants, reminderHours: hours, now: t(now) })),
    ).toBe(expected);
  });
});
