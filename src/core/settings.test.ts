import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type PolicyOverrides, resolvePolicy, resolveTimezone } from './settings.ts';
import type { Policy } from './types.ts';

const business: Policy = { slotStepMinutes: 20, gapMinutes: 10, minNoticeMinutes: 120, horizonDays: 60 };

describe('resolvePolicy: the staff member’s override, else the business value', () => {
  it.each<{ rule: string; staff: PolicyOverrides; expected: Policy }>([
    { rule: 'no overrides', staff: {}, expected: business },
    {
      rule: 'null overrides mean the business value',
      staff: { slotStepMinutes: null, gapMinutes: null, minNoticeMinutes: null },
      expected: business,
    },
    {
      rule: 'every override wins',
      staff: { slotStepMinutes: 45, gapMinutes: 5, minNoticeMinutes: 30 },
      expected: { slotStepMinutes: 45, gapMinutes: 5, minNoticeMinutes: 30, horizonDays: 60 },
    },
    {
      rule: 'an override of 0 is a value, not a gap in the data',
      staff: { gapMinutes: 0, minNoticeMinutes: 0 },
      expected: { slotStepMinutes: 20, gapMinutes: 0, minNoticeMinutes: 0, horizonDays: 60 },
    },
    {
      rule: 'one override, the rest from the business',
      staff: { slotStepMinutes: 15 },
      expected: { slotStepMinutes: 15, gapMinutes: 10, minNoticeMinutes: 120, horizonDays: 60 },
    },
  ])('$rule', ({ staff, expected }) => {
    expect(resolvePolicy(business, staff)).toEqual(expected);
  });

  it('the built-in defaults are those of SPEC §1, frozen', () => {
    expect(DEFAULT_POLICY).toEqual({ slotStepMinutes: 30, gapMinutes: 0, minNoticeMinutes: 0, horizonDays: 90 });
    expect(Object.isFrozen(DEFAULT_POLICY)).toBe(true);
    expect(resolvePolicy(DEFAULT_POLICY, {})).toEqual(DEFAULT_POLICY);
  });
});

describe('resolveTimezone: the staff member’s zone, else the business zone', () => {
  it.each([
    { staffZone: 'Asia/Kolkata', expected: 'Asia/Kolkata' },
    { staffZone: null, expected: 'Europe/Paris' },
    { staffZone: undefined, expected: 'Europe/Paris' },
  ])('staff zone $staffZone → $expected', ({ staffZone, expected }) => {
    expect(resolveTimezone('Europe/Paris', staffZone)).toBe(expected);
  });
});
