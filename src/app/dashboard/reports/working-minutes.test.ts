/** Working minutes by the business zone's weeks (reports' utilisation, SPEC §12). */
import { describe, expect, it } from 'vitest';
import { dayWindow, type StaffSchedule } from '../../../core/index.ts';
import { weekStarts, workingMinutesByWeek } from './working-minutes.ts';

const day = [{ start: 9 * 60, end: 17 * 60 }];
const member = (timezone: string): StaffSchedule => ({
  id: '1',
  timezone,
  hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sun: [{ start: 20 * 60, end: 23 * 60 }] },
  daysOff: [{ from: '2027-04-01', to: '2027-04-01', note: '' }],
  policy: { slotStepMinutes: 30, gapMinutes: 0, minNoticeMinutes: 0, horizonDays: 30 },
});
const window = (from: string, to: string, zone: string) => ({
  start: dayWindow(from, zone).start,
  end: dayWindow(to, zone).end,
});

describe('workingMinutesByWeek', () => {
  it('sums each Monday-to-Sunday week of the window, days off out, the window’s ends cut', () => {
    const w = window('2027-03-24', '2027-04-04', 'Europe/Paris');
    const got = workingMinutesByWeek(member('Europe/Paris'), w, 'Europe/Paris');
    // Wed-Fri (3 × 480) + Sunday 20-23 (180); then Mon-Fri but Thursday off (4 × 480) + Sunday (180).
    expect(Object.fromEntries(got)).toEqual({ '2027-03-22': 1620, '2027-03-29': 2100 });
  });

  it('splits an evening in another zone where the business’s week ends', () => {
    // New York's Sunday 20:00-23:00 (UTC-4) is Monday 02:00-05:00 in Paris (UTC+2): next week's.
    const w = window('2027-03-29', '2027-04-04', 'Europe/Paris');
    const got = workingMinutesByWeek(member('America/New_York'), w, 'Europe/Paris', weekStarts(w, 'Europe/Paris'));
    expect(got.get('2027-03-29')).toBe(4 * 480 + 180);
    expect([...got.keys()]).toEqual(['2027-03-29']);
  });

  it('counts a date’s own hours and takes out time off with times (SPEC §8.1, §8.2)', () => {
    const w = window('2027-03-29', '2027-04-04', 'Europe/Paris');
    const base = member('Europe/Paris');
    const schedule: StaffSchedule = {
      ...base,
      // Saturday open 10-12 on that date only; Tuesday 14:00-15:30 off.
      dateHours: { '2027-04-03': [{ start: 10 * 60, end: 12 * 60 }] },
      blocks: [{ from: '2027-03-30T14:00', to: '2027-03-30T15:30' }],
    };
    const plain = workingMinutesByWeek(base, w, 'Europe/Paris').get('2027-03-29') ?? 0;
    expect(workingMinutesByWeek(schedule, w, 'Europe/Paris').get('2027-03-29')).toBe(plain + 120 - 90);
  });
});
