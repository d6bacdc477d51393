/**
 * Resolves scheduling settings once: the staff member's override, else the business value.
 * Use cases call this once and pass the resulting Policy down (no re-reading at call sites).
 */
import type { Policy } from './types.ts';

export interface PolicyOverrides {
  readonly slotStepMinutes?: number | null;
  readonly gapMinutes?: number | null;
  readonly minNoticeMinutes?: number | null;
}

/** Built-in defaults of SPEC §1, used where the business sets nothing. */
export const DEFAULT_POLICY: Policy = Object.freeze({
  slotStepMinutes: 30,
  gapMinutes: 0,
  minNoticeMinutes: 0,
  horizonDays: 90,
});

/** The policy in force for one staff member. */
export function resolvePolicy(business: Policy, staff: PolicyOverrides): Policy {
  return {
    slotStepMinutes: staff.slotStepMinutes ?? business.slotStepMinutes,
    gapMinutes: staff.gapMinutes ?? business.gapMinutes,
    minNoticeMinutes: staff.minNoticeMinutes ?? business.minNoticeMinutes,
    horizonDays: business.horizonDays,
  };
}

/** The staff member's zone, else the business's. */
export function resolveTimezone(businessZone: string, staffZone: string | null | undefined): string {
  return staffZone ?? businessZone;
}
