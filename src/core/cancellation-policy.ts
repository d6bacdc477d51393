/**
 * Cancellation policies (SPEC §10.2): a service's tiers, strictly descending,
 * `[{untilHoursBefore: 48, refund: "full"}, {untilHoursBefore: 24, refund: "deposit_kept"},
 * {untilHoursBefore: 0, refund: "none_online"}]` = free until 48 h before the start, the deposit
 * kept until 24 h before, no online cancellation in the last 24 h (decision 027).
 *
 * A tier is in force while the time left before the start is more than its `untilHoursBefore`
 * and at most the tier before's (so exactly 48 h before, the second tier applies: the same
 * "more than" as `cancelNoticeHours` always had). The last tier must say what happens up to the
 * start (`untilHoursBefore: 0`). Once the booking has started no tier is in force.
 *
 * Refund kinds, against what the client paid for the booking (`amountPaid`) and its deposit:
 * - `full`: the client may cancel; everything paid is refunded;
 * - `deposit_kept`: the client may cancel; the deposit (at most what was paid) is kept, the rest refunded;
 * - `none`: the client may cancel; nothing is refunded;
 * - `none_online`: the client may not cancel online (staff may; what is kept is theirs to say).
 *
 * `cancelNoticeHours` (business setting) still holds: within it a client may not cancel, whatever
 * the tiers say. Both read as one list, effectiveTiers: the tiers cut at the notice, then
 * `none_online`. A service without tiers has `[{untilHoursBefore: 0, refund: "full"}]`.
 */
import { type FieldProblem, isIntIn, isPlainObject } from './problems.ts';

export const REFUND_KINDS = ['full', 'deposit_kept', 'none', 'none_online'] as const;
export type RefundKind = (typeof REFUND_KINDS)[number];

export interface CancellationTier {
  readonly untilHoursBefore: number;
  readonly refund: RefundKind;
}

export type CancellationPolicy = readonly CancellationTier[];

/** What a service without a policy does: free cancellation up to the start (before the notice). */
export const NO_CANCELLATION_POLICY: CancellationPolicy = Object.freeze([{ untilHoursBefore: 0, refund: 'full' }]);

export const MAX_TIERS = 10;
/** A year: a sanity bound on `untilHoursBefore`. */
export const MAX_TIER_HOURS = 8760;

const HOUR = 3_600_000;

/**
 * Problems with a policy as the set-up file and admin API give it, paths from the list (the
 * caller prefixes `cancellationPolicy`). An empty list or null means no policy.
 */
export function cancellationPolicyProblems(value: unknown): FieldProblem[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) return [{ path: [], message: 'a list of {untilHoursBefore, refund}' }];
  if (value.length > MAX_TIERS) return [{ path: [], message: `at most ${MAX_TIERS} tiers` }];
  const problems: FieldProblem[] = [];
  let previous: number | null = null;
  value.forEach((tier: unknown, i) => {
    if (!isPlainObject(tier)) {
      problems.push({ path: [i], message: 'an object {untilHoursBefore, refund}' });
      previous = null;
      return;
    }
    for (const key of Object.keys(tier)) {
      if (key !== 'untilHoursBefore' && key !== 'refund') problems.push({ path: [i, key], message: 'unknown field' });
    }
    if (!REFUND_KINDS.includes(tier.refund as RefundKind)) {
      problems.push({ path: [i, 'refund'], message: `one of ${REFUND_KINDS.join(', ')}` });
    }
    const hours = tier.untilHoursBefore;
    if (!isIntIn(hours, 0, MAX_TIER_HOURS)) {
      problems.push({ path: [i, 'untilHoursBefore'], message: `a whole number of hours from 0 to ${MAX_TIER_HOURS}` });
    } else if (previous !== null && hours >= previous) {
      problems.push({
        path: [i, 'untilHoursBefore'],
        message: `less than the tier before (${previous}): tiers go in descending order`,
      });
    } else if (i === value.length - 1 && hours !== 0) {
      problems.push({ path: [i, 'untilHoursBefore'], message: 'the last tier runs up to the start: 0' });
    }
    previous = isIntIn(hours, 0, MAX_TIER_HOURS) ? hours : null;
  });
  return problems;
}

/**
 * The tiers a client meets: `policy` (empty = NO_CANCELLATION_POLICY) cut at `cancelNoticeHours`,
 * below which no online cancellation is allowed; neighbours with the same refund merged. Always
 * strictly descending and ending at 0.
 */
export function effectiveTiers(policy: CancellationPolicy, cancelNoticeHours: number): CancellationTier[] {
  const tiers = policy.length > 0 ? policy : NO_CANCELLATION_POLICY;
  const notice = Math.max(0, cancelNoticeHours);
  const cut: CancellationTier[] = [];
  let above = Number.POSITIVE_INFINITY; // the upper end of the current tier's window
  for (const tier of tiers) {
    if (above > notice) cut.push({ untilHoursBefore: Math.max(tier.untilHoursBefore, notice), refund: tier.refund });
    above = tier.untilHoursBefore;
  }
  // Below the notice, or below a last tier that stops short of the start (which the checks
  // refuse), nothing allows an online cancel.
  const lowest = cut[cut.length - 1];
  if (!lowest || lowest.untilHoursBefore > 0) cut.push({ untilHoursBefore: 0, refund: 'none_online' });
  const merged: CancellationTier[] = [];
  for (const tier of cut) {
    const last = merged[merged.length - 1];
    if (last && last.refund === tier.refund) merged[merged.length - 1] = tier;
    else if (!last || tier.untilHoursBefore < last.untilHoursBefore) merged.push(tier);
  }
  return merged;
}

/** The tier in force at `now` for a booking starting at `start` (`Booking.policy`); null once it has started. */
export function ruleInForce(tiers: readonly CancellationTier[], start: number, now: number): CancellationTier | null {
  if (start <= now) return null;
  return tiers.find((t) => start - now > t.untilHoursBefore * HOUR) ?? null;
}

/**
 * Each tier as the instant its window ends (start − untilHoursBefore), in order, for pages:
 * "free cancellation until …, deposit kept until …, then no online cancellation".
 */
export function tierDeadlines(
  tiers: readonly CancellationTier[],
  start: number,
): { refund: RefundKind; until: number }[] {
  return tiers.map((t) => ({ refund: t.refund, until: start - t.untilHoursBefore * HOUR }));
}

/** Minor units of a cancellation's money: what to give back and what the business keeps. */
export interface RefundAmounts {
  readonly refundDue: number;
  readonly amountKept: number;
}

/** What a refund kind means for a booking that paid `amountPaid` and whose deposit is `deposit`. */
export function refundFor(
  kind: RefundKind,
  money: { readonly amountPaid: number; readonly deposit: number },
): RefundAmounts {
  const paid = Math.max(0, money.amountPaid);
  switch (kind) {
    case 'full':
      return { refundDue: paid, amountKept: 0 };
    case 'deposit_kept': {
      const kept = Math.min(paid, Math.max(0, money.deposit));
      return { refundDue: paid - kept, amountKept: kept };
    }
    case 'none':
    case 'none_online':
      return { refundDue: 0, amountKept: paid };
    default: {
      const never: never = kind;
      throw new Error(`unknown refund kind ${String(never)}`);
    }
  }
}

export type CancelRefusal = 'not_active' | 'started' | 'too_close' | 'no_online_cancel';

export type ClientCancelOutcome =
  | ({ readonly ok: true; readonly rule: CancellationTier } & RefundAmounts)
  | { readonly ok: false; readonly reason: CancelRefusal };

const ACTIVE = ['pending_verification', 'awaiting_payment', 'confirmed'];

/**
 * A client's cancel through the manage link (SPEC §10.2): refused (409 CANCEL_NOT_ALLOWED with
 * the reason) or allowed with the rule in force and its amounts, to record on the booking and
 * its history and to tell the owner. `status` is the status as of `now` (a lapsed hold: expired).
 */
export function clientCancelOutcome(f: {
  readonly policy: CancellationPolicy;
  readonly cancelNoticeHours: number;
  readonly status: string;
  readonly start: number;
  readonly now: number;
  readonly amountPaid: number;
  readonly deposit: number;
}): ClientCancelOutcome {
  if (!ACTIVE.includes(f.status)) return { ok: false, reason: 'not_active' };
  const rule = ruleInForce(effectiveTiers(f.policy, f.cancelNoticeHours), f.start, f.now);
  if (rule === null) return { ok: false, reason: 'started' };
  if (rule.refund === 'none_online') {
    const withinNotice = f.start - f.now <= f.cancelNoticeHours * HOUR;
    return { ok: false, reason: withinNotice ? 'too_close' : 'no_online_cancel' };
  }
  return { ok: true, rule, ...refundFor(rule.refund, f) };
}
