import { describe, expect, it } from 'vitest';
import {
  amountDue,
  noShowLimitReached,
  noShowRuleReach,
  type PaymentFacts,
  paymentOptions,
  scaledFacts,
} from './payment-options.ts';

describe('paymentOptions: the Pay / Down payment / Finish rule (SPEC §3)', () => {
  it.each([
    { paymentConfigured: true, price: 5000, deposit: 1500, expected: ['full', 'deposit'], rule: 'URL, price, deposit' },
    { paymentConfigured: true, price: 5000, deposit: 5000, expected: ['full', 'deposit'], rule: 'deposit = price' },
    { paymentConfigured: true, price: 5000, deposit: 0, expected: ['full'], rule: 'URL, price, no deposit' },
    { paymentConfigured: true, price: 1, deposit: 0, expected: ['full'], rule: 'the smallest price' },
    { paymentConfigured: false, price: 5000, deposit: 1500, expected: ['none'], rule: 'no URL' },
    { paymentConfigured: false, price: 5000, deposit: 0, expected: ['none'], rule: 'no URL, no deposit' },
    { paymentConfigured: true, price: 0, deposit: 0, expected: ['none'], rule: 'free service' },
    { paymentConfigured: false, price: 0, deposit: 0, expected: ['none'], rule: 'free, no URL' },
  ])('$rule → $expected', ({ expected, ...facts }) => {
    expect(paymentOptions(facts)).toEqual(expected);
  });
});

describe('amountDue: what the chosen option asks for now, in minor units', () => {
  const facts: PaymentFacts = { paymentConfigured: true, price: 5000, deposit: 1500 };

  it.each([
    { option: 'full', expected: 5000 },
    { option: 'deposit', expected: 1500 },
    { option: 'none', expected: 0 },
  ] as const)('$option → $expected', ({ option, expected }) => {
    expect(amountDue(option, facts)).toBe(expected);
  });

  it('every offered option has its amount: Pay is the price, Down payment the deposit', () => {
    const offered = paymentOptions(facts).map((option) => [option, amountDue(option, facts)]);
    expect(offered).toEqual([
      ['full', 5000],
      ['deposit', 1500],
    ]);
  });
});

describe('the no-show rule (SPEC §10.3): at the limit, Pay only on a paid service', () => {
  it.each([
    {
      rule: 'limit off (0)',
      facts: { paymentConfigured: true, price: 5000, deposit: 1500, noShows: 9, noShowLimit: 0 },
      expected: ['full', 'deposit'],
    },
    {
      rule: 'below the limit',
      facts: { paymentConfigured: true, price: 5000, deposit: 1500, noShows: 1, noShowLimit: 2 },
      expected: ['full', 'deposit'],
    },
    {
      rule: 'at the limit: no Down payment',
      facts: { paymentConfigured: true, price: 5000, deposit: 1500, noShows: 2, noShowLimit: 2 },
      expected: ['full'],
    },
    {
      rule: 'past the limit',
      facts: { paymentConfigured: true, price: 5000, deposit: 1500, noShows: 5, noShowLimit: 2 },
      expected: ['full'],
    },
    {
      rule: 'at the limit, no deposit offered anyway',
      facts: { paymentConfigured: true, price: 5000, deposit: 0, noShows: 2, noShowLimit: 2 },
      expected: ['full'],
    },
    {
      rule: 'at the limit, free service: cannot apply',
      facts: { paymentConfigured: true, price: 0, deposit: 0, noShows: 2, noShowLimit: 2 },
      expected: ['none'],
    },
    {
      rule: 'at the limit, no gateway: cannot apply',
      facts: { paymentConfigured: false, price: 5000, deposit: 1500, noShows: 2, noShowLimit: 2 },
      expected: ['none'],
    },
    {
      rule: 'client not known yet',
      facts: { paymentConfigured: true, price: 5000, deposit: 1500, noShowLimit: 2 },
      expected: ['full', 'deposit'],
    },
  ])('$rule → $expected', ({ facts, expected }) => {
    expect(paymentOptions(facts)).toEqual(expected);
  });

  it.each([
    { noShows: 0, noShowLimit: 1, expected: false },
    { noShows: 1, noShowLimit: 1, expected: true },
    { noShows: 3, noShowLimit: 0, expected: false },
    { noShows: undefined, noShowLimit: 1, expected: false },
    { noShows: 3, noShowLimit: undefined, expected: false },
  ])('noShowLimitReached($noShows, limit $noShowLimit) → $expected', ({ expected, ...f }) => {
    expect(noShowLimitReached(f)).toBe(expected);
  });

  it.each([
    { noShowLimit: 0, paymentConfigured: true, expected: { status: 'off', freeServices: [] } },
    { noShowLimit: 2, paymentConfigured: false, expected: { status: 'no_gateway', freeServices: [] } },
    { noShowLimit: 2, paymentConfigured: true, expected: { status: 'on', freeServices: ['consult'] } },
  ])('noShowRuleReach(limit $noShowLimit, gateway $paymentConfigured) → $expected.status', ({ expected, ...f }) => {
    const services = [
      { id: 'portrait', price: 12000 },
      { id: 'consult', price: 0 },
    ];
    expect(noShowRuleReach({ ...f, services })).toEqual(expected);
  });
});

describe('scaledFacts: seats and occurrences pay per unit', () => {
  it('3 seats: Pay is 3 × the price, Down payment 3 × the deposit', () => {
    const three = scaledFacts({ paymentConfigured: true, price: 5000, deposit: 1500 }, 3);
    expect(paymentOptions(three).map((o) => [o, amountDue(o, three)])).toEqual([
      ['full', 15000],
      ['deposit', 4500],
    ]);
  });
});
