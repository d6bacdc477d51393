import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { messagesFor } from './messages.ts';

describe('messagesFor', () => {
  it.each(['en', 'EN', 'en-GB', 'en_US', ' en '])('"%s" is English', (locale) => {
    expect(messagesFor(locale)).toBe(en);
  });

  it.each(['xx', 'it-IT', 'ja', 'it', '', 'constructor', '__proto__', 'toString'])(
    '"%s" has no catalogue yet and falls back to English',
    (locale) => {
      expect(messagesFor(locale)).toBe(en);
    },
  );

  it('builds phrases from facts, with English plurals', () => {
    expect(en.booking.reschedule(1)).toBe('Reschedule (1 change left)');
    expect(en.booking.reschedule(3)).toBe('Reschedule (3 changes left)');
    expect(en.verification.valid(10)).toBe('The code is valid for 10 minutes.');
  });
});
