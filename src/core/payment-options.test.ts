import { describe, expect, it } from 'vitest';
import { amountDue, type PaymentFacts, paymentOptions } from './payment-options.ts';

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
