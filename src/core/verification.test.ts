import { describe, expect, it } from 'vitest';
import { CODE_MAX_ATTEMPTS, codeUsable, resendWaitMs } from './verification.ts';

const issued = Date.parse('2027-03-26T11:00:00Z');
const min = 60_000;

describe('codeUsable: 10 minutes and 5 tries', () => {
  it.each([
    { title: 'fresh code', issuedAt: issued, attempts: 0, now: issued, expected: true },
    { title: 'one ms before 10 minutes', issuedAt: issued, attempts: 0, now: issued + 10 * min - 1, expected: true },
    { title: 'at 10 minutes', issuedAt: issued, attempts: 0, now: issued + 10 * min, expected: false },
    { title: 'four tries used', issuedAt: issued, attempts: 4, now: issued + min, expected: true },
    { title: 'five tries used', issuedAt: issued, attempts: CODE_MAX_ATTEMPTS, now: issued + min, expected: false },
    { title: 'no code sent yet', issuedAt: null, attempts: 0, now: issued, expected: false },
  ])('$title → $expected', ({ issuedAt, attempts, now, expected }) => {
    expect(codeUsable({ issuedAt, attempts, now })).toBe(expected);
  });
});

describe('resendWaitMs: at most once a minute', () => {
  it.each([
    { after: 0, expected: 60_000 },
    { after: 59_999, expected: 1 },
    { after: 60_000, expected: 0 },
    { after: 3_600_000, expected: 0 },
  ])('$after ms after the last request → wait $expected ms', ({ after, expected }) => {
    expect(resendWaitMs(issued, issued + after)).toBe(expected);
  });
});
