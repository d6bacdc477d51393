/**
 * Month plans and their cache (decision 036): the key follows every part of a schedule that
 * shapes a plan, equal content shares a plan whatever the objects, the cache stays within its
 * budget, and a block (not in the key) still changes the answer.
 */
import { describe, expect, it } from 'vitest';
import { type AvailabilityInput, monthDays, viewerDaySlots } from './calendar.ts';
import * as oracle from './oracle-calendar.ts';
import { fingerprint, PlanCache } from './plans.ts';
import { at, busyOf, EVERY_DAY, MON_FRI, staff, timing, weekly } from './test-fixtures.ts';
import type { ServiceTiming, StaffSchedule } from './types.ts';

const NOW = at('2027-03-01T08:00:00Z');
const MONTH = '2027-03';
const base = staff({ timezone: 'Europe/Lisbon', hours: weekly(MON_FRI, '09:00-17:00') });
const bookings = busyOf(['2027-03-10T09:00:00Z/2027-03-10T10:00:00Z']);

function input(member: StaffSchedule, plans: PlanCache, t: ServiceTiming = timing(60)): AvailabilityInput {
  return { staff: [member], timing: t, busy: new Map([[member.id, bookings]]), now: NOW, plans };
}

/** The month through `plans`, checked against the oracle (which has no cache). */
function month(member: StaffSchedule, plans: PlanCache, t?: ServiceTiming) {
  const ours = monthDays(input(member, plans, t), MONTH, 'Europe/Lisbon');
  expect(ours).toEqual(oracle.monthDays(input(member, plans, t), MONTH, 'Europe/Lisbon'));
  return ours;
}

describe('month plans (decision 036)', () => {
  it('builds a plan once per member and month, then reuses it', () => {
    const plans = new PlanCache();
    month(base, plans);
    expect(plans.misses).toBe(1);
    month(base, plans);
    viewerDaySlots(input(base, plans), '2027-03-10', 'Europe/Lisbon');
    expect(plans.misses).toBe(1);
    expect(plans.hits).toBeGreaterThanOrEqual(2);
  });

  it('shares a plan between equal schedules held in different objects', () => {
    const plans = new PlanCache();
    month(base, plans);
    month(staff({ timezone: 'Europe/Lisbon', hours: weekly(MON_FRI, '09:00-17:00') }), plans);
    expect(plans.misses).toBe(1);
  });

  it.each<[string, StaffSchedule, ServiceTiming?]>([
    ['weekly hours', { ...base, hours: weekly(EVERY_DAY, '10:00-18:00') }],
    ['date hours', { ...base, dateHours: { '2027-03-10': [{ start: 600, end: 720 }] } }],
    ['days off', { ...base, daysOff: [{ from: '2027-03-15', to: '2027-03-19' }] }],
    ['zone', { ...base, timezone: 'America/New_York' }],
    ['slot step', { ...base, policy: { ...base.policy, slotStepMinutes: 20 } }],
    ['service duration', base, timing(150)],
  ])('a change of %s is a new plan, and the month follows it', (_, changed, t) => {
    const plans = new PlanCache();
    const before = month(base, plans);
    const built = plans.misses;
    const after = month(changed, plans, t);
    expect(plans.misses).toBeGreaterThan(built);
    expect(after).not.toEqual(before);
  });

  it('a block is not in the key, yet a month with it differs (it arrives as busy time and time off)', () => {
    const plans = new PlanCache();
    const before = month(base, plans);
    const blocked = { ...base, blocks: [{ from: '2027-03-11T00:00', to: '2027-03-13T00:00' }] };
    const after = month(blocked, plans);
    expect(plans.misses).toBe(1);
    expect(after.find((d) => d.date === '2027-03-11')?.status).toBe('closed');
    expect(before.find((d) => d.date === '2027-03-11')?.status).toBe('available');
  });

  it('stays within its budget, dropping the least recently used plan first', () => {
    const plans = new PlanCache(2_000);
    const months = ['2027-03', '2027-04', '2027-05', '2027-06', '2027-07', '2027-08'];
    const ask = (m: string) => monthDays(input(base, plans), m, 'Europe/Lisbon');
    ask('2027-03');
    for (const m of months.slice(1)) {
      ask(m);
      ask('2027-03'); // kept warm: the oldest plans go, not this one
    }
    expect(plans.size).toBeLessThan(months.length);
    const misses = plans.misses;
    ask('2027-03');
    expect(plans.misses).toBe(misses);
    ask('2027-04');
    expect(plans.misses).toBe(misses + 1);
  });

  it('fingerprints by content: equal JSON, equal id; other JSON, other id', () => {
    expect(fingerprint({ mon: [{ start: 1, end: 2 }] })).toBe(fingerprint({ mon: [{ start: 1, end: 2 }] }));
    expect(fingerprint({ mon: [{ start: 1, end: 2 }] })).not.toBe(fingerprint({ mon: [{ start: 1, end: 3 }] }));
    expect(fingerprint(undefined)).toBe(0);
  });
});
