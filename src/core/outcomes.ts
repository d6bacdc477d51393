/**
 * Marking what became of a booking (SPEC §10.3): staff mark it `completed` or `no_show`, only once
 * it has started and only a confirmed one — a future booking cannot be marked (409), a cancelled
 * or expired one never took place (400, the field `outcome`). A mark may be corrected: marking
 * again replaces it. A no-show counts toward the client's noShowLimit (payment-options.ts).
 */

export const OUTCOMES = ['completed', 'no_show'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * Why a booking cannot be marked: `cancelled` and `expired` (it never took place: 400
 * VALIDATION_FAILED on `outcome`), `not_confirmed` (still waiting for verification or payment:
 * 409) or `not_started` (its start is still ahead: 409).
 */
export type OutcomeRefusal = 'cancelled' | 'expired' | 'not_confirmed' | 'not_started';

/** Whether a booking may be marked at `now`; `status` is as of now (a lapsed hold reads expired). */
export function outcomeRefusal(f: {
  readonly status: string;
  readonly start: number;
  readonly now: number;
}): OutcomeRefusal | null {
  if (f.status === 'cancelled') return 'cancelled';
  if (f.status === 'expired') return 'expired';
  if (f.status !== 'confirmed') return 'not_confirmed';
  return f.now < f.start ? 'not_started' : null;
}
