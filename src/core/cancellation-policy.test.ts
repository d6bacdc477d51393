import { describe, expect, it } from 'vitest';
import {
  type CancellationPolicy,
  cancellationPolicyProblems,
  clientCancelOutcome,
  effectiveTiers,
  refundFor,
  ruleInForce,
  tierDeadlines,
} from './cancellation-policy.ts';
import { problemFields } from './problems.ts';
import { at, iso } from './test-fixtures.ts';

const HOUR = 3_600_000;
const STUDIO: CancellationPolicy = [
  { untilHoursBefore: 48, refund: 'full' },
  { untilHoursBefore: 24, refund: 'deposit_kept' },
  { untilHoursBefore: 0, refund: 'none_online' },
];
const START = at('2027-06-14T10:00:00Z');

/** Tiers written '48 full, 24 deposit_kept, 0 none_online'. */
const text = (tiers: CancellationPolicy) => tiers.map((t) => `${t.untilHoursBefore} ${t.refund}`).join(', ');

describe('effectiveTiers: the policy cut at cancelNoticeHours (decision 027)', () => {
  it.each([
    { policy: STUDIO, notice: 0, expected: '48 full, 24 deposit_kept, 0 none_online' },
    { policy: STUDIO, notice: 24, expected: '48 full, 24 deposit_kept, 0 none_online' },
    { policy: STUDIO, notice: 36, expected: '48 full, 36 deposit_kept, 0 none_online' },
    { policy: STUDIO, notice: 48, expected: '48 full, 0 none_online' },
    { policy: STUDIO, notice: 60, expected: '60 full, 0 none_online' },
    { policy: [], notice: 0, expected: '0 full' },
    { policy: [], notice: 24, expected: '24 full, 0 none_online' },
    {
      policy: [
        { untilHoursBefore: 72, refund: 'full' },
        { untilHoursBefore: 0, refund: 'none' },
      ],
      notice: 12,
      expected: '72 full, 12 none, 0 none_online',
    },
    {
      // Neighbours with the same refund read as one tier.
      policy: [
        { untilHoursBefore: 48, refund: 'full' },
        { untilHoursBefore: 24, refund: 'full' },
        { untilHoursBefore: 0, refund: 'none' },
      ],
      notice: 0,
      expected: '24 full, 0 none',
    },
    {
      // A last tier short of the start (refused by the checks) leaves no online cancel after it.
      policy: [{ untilHoursBefore: 48, refund: 'full' }],
      notice: 0,
      expected: '48 full, 0 none_online',
    },
  ] as const)('$expected ← notice $notice', ({ policy, notice, expected }) => {
    expect(text(effectiveTiers(policy, notice))).toBe(expected);
  });
});

describe('ruleInForce: the tier whose window holds the time left (Booking.policy)', () => {
  const tiers = effectiveTiers(STUDIO, 0);
  it.each([
    { left: 100, expected: '48 full' },
    { left: 48.001, expected: '48 full' },
    { left: 48, expected: '24 deposit_kept' }, // exactly 48 h before: the next tier
    { left: 30, expected: '24 deposit_kept' },
    { left: 24, expected: '0 none_online' },
    { left: 0.01, expected: '0 none_online' },
    { left: 0, expected: null }, // started
    { left: -5, expected: null },
  ])('$left h before the start → $expected', ({ left, expected }) => {
    const rule = ruleInForce(tiers, START, START - left * HOUR);
    expect(rule ? `${rule.untilHoursBefore} ${rule.refund}` : null).toBe(expected);
  });

  it('tierDeadlines: each window’s end as an instant, for the pages', () => {
    expect(tierDeadlines(tiers, START).map((d) => `${d.refund} until ${iso(d.until)}`)).toEqual([
      'full until 2027-06-12T10:00:00Z',
      'deposit_kept until 2027-06-13T10:00:00Z',
      'none_online until 2027-06-14T10:00:00Z',
    ]);
  });
});

describe('refundFor: what each kind means with the amount paid and the deposit (minor units)', () => {
  it.each([
    { kind: 'full', paid: 12000, deposit: 3000, expected: { refundDue: 12000, amountKept: 0 } },
    { kind: 'deposit_kept', paid: 12000, deposit: 3000, expected: { refundDue: 9000, amountKept: 3000 } },
    { kind: 'deposit_kept', paid: 3000, deposit: 3000, expected: { refundDue: 0, amountKept: 3000 } },
    { kind: 'deposit_kept', paid: 0, deposit: 3000, expected: { refundDue: 0, amountKept: 0 } }, // never more than paid
    { kind: 'deposit_kept', paid: 12000, deposit: 0, expected: { refundDue: 12000, amountKept: 0 } },
    { kind: 'none', paid: 12000, deposit: 3000, expected: { refundDue: 0, amountKept: 12000 } },
    { kind: 'none_online', paid: 3000, deposit: 3000, expected: { refundDue: 0, amountKept: 3000 } },
    { kind: 'full', paid: 0, deposit: 3000, expected: { refundDue: 0, amountKept: 0 } },
  ] as const)('$kind, paid $paid, deposit $deposit → $expected', ({ kind, paid, deposit, expected }) => {
    expect(refundFor(kind, { amountPaid: paid, deposit })).toEqual(expected);
  });
});

describe('clientCancelOutcome: a client’s cancel under the studio’s 48 h / 24 h policy', () => {
  const base = {
    policy: STUDIO,
    cancelNoticeHours: 0,
    status: 'confirmed',
    start: START,
    amountPaid: 12000,
    deposit: 3000,
  };
  it.each([
    {
      left: 72,
      o: {},
      expected: { ok: true, rule: { untilHoursBefore: 48, refund: 'full' }, refundDue: 12000, amountKept: 0 },
    },
    {
      left: 30,
      o: {},
      expected: { ok: true, rule: { untilHoursBefore: 24, refund: 'deposit_kept' }, refundDue: 9000, amountKept: 3000 },
    },
    { left: 10, o: {}, expected: { ok: false, reason: 'no_online_cancel' } },
    { left: 10, o: { cancelNoticeHours: 12 }, expected: { ok: false, reason: 'too_close' } },
    // The notice reaches into the deposit tier: 30 h left, notice 36 → no online cancel.
    { left: 30, o: { cancelNoticeHours: 36 }, expected: { ok: false, reason: 'too_close' } },
    { left: -1, o: {}, expected: { ok: false, reason: 'started' } },
    { left: 72, o: { status: 'cancelled' }, expected: { ok: false, reason: 'not_active' } },
    { left: 72, o: { status: 'expired' }, expected: { ok: false, reason: 'not_active' } },
    {
      // A hold waiting for payment paid nothing: nothing to refund, nothing kept.
      left: 30,
      o: { status: 'awaiting_payment', amountPaid: 0 },
      expected: { ok: true, rule: { untilHoursBefore: 24, refund: 'deposit_kept' }, refundDue: 0, amountKept: 0 },
    },
    {
      // No policy: free until the notice, as before policies existed.
      left: 30,
      o: { policy: [], cancelNoticeHours: 24 },
      expected: { ok: true, rule: { untilHoursBefore: 24, refund: 'full' }, refundDue: 12000, amountKept: 0 },
    },
    { left: 20, o: { policy: [], cancelNoticeHours: 24 }, expected: { ok: false, reason: 'too_close' } },
  ] as const)('$left h before, $o → $expected', ({ left, o, expected }) => {
    expect(clientCancelOutcome({ ...base, ...o, now: START - left * HOUR })).toEqual(expected);
  });
});

describe('cancellationPolicyProblems (issue 20 bad input: tiers not in descending order)', () => {
  it.each([
    { policy: STUDIO, expected: {} },
    { policy: [], expected: {} },
    { policy: null, expected: {} },
    { policy: [{ untilHoursBefore: 0, refund: 'none' }], expected: {} },
    {
      policy: [
        { untilHoursBefore: 24, refund: 'full' },
        { untilHoursBefore: 48, refund: 'deposit_kept' },
        { untilHoursBefore: 0, refund: 'none_online' },
      ],
      expected: { '[1].untilHoursBefore': 'less than the tier before (24): tiers go in descending order' },
    },
    {
      policy: [
        { untilHoursBefore: 24, refund: 'full' },
        { untilHoursBefore: 24, refund: 'none' },
        { untilHoursBefore: 0, refund: 'none_online' },
      ],
      expected: { '[1].untilHoursBefore': 'less than the tier before (24): tiers go in descending order' },
    },
    {
      policy: [{ untilHoursBefore: 48, refund: 'full' }],
      expected: { '[0].untilHoursBefore': 'the last tier runs up to the start: 0' },
    },
    {
      policy: [{ untilHoursBefore: -1, refund: 'full' }],
      expected: { '[0].untilHoursBefore': 'a whole number of hours from 0 to 8760' },
    },
    {
      policy: [{ untilHoursBefore: 1.5, refund: 'full' }],
      expected: { '[0].untilHoursBefore': 'a whole number of hours from 0 to 8760' },
    },
    {
      policy: [{ untilHoursBefore: 0, refund: 'half' }],
      expected: { '[0].refund': 'one of full, deposit_kept, none, none_online' },
    },
    {
      policy: [{ untilHoursBefore: 0, refund: 'full', fee: 5 }],
      expected: { '[0].fee': 'unknown field' },
    },
    { policy: [7], expected: { '[0]': 'an object {untilHoursBefore, refund}' } },
    { policy: { untilHoursBefore: 0 }, expected: { body: 'a list of {untilHoursBefore, refund}' } },
    {
      policy: Array.from({ length: 11 }, (_, i) => ({ untilHoursBefore: 10 - i, refund: 'full' })),
      expected: { body: 'at most 10 tiers' },
    },
  ])('$policy → $expected', ({ policy, expected }) => {
    expect(problemFields(cancellationPolicyProblems(policy))).toEqual(expected);
  });

  it('paths take the caller’s prefix', () => {
    const problems = cancellationPolicyProblems([{ untilHoursBefore: 5, refund: 'full' }]);
    expect(problemFields(problems, ['services', 0, 'cancellationPolicy'])).toEqual({
      'services[0].cancellationPolicy[0].untilHoursBefore': 'the last tier runs up to the start: 0',
    });
  });
});
