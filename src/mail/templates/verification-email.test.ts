import { describe, expect, it } from 'vitest';
import { verificationData as data, hrefs } from './test-fixtures.ts';
import { verificationEmail } from './verification-email.ts';

describe('verificationEmail', () => {
  it('puts the code in the subject', () => {
    expect(verificationEmail(data()).subject).toBe('042917 is your code for Studio Lumen');
  });

  it('writes the code, its lifetime, the booking, the link and the ignore line as text', () => {
    expect(verificationEmail(data()).text).toBe(
      [
        'Studio Lumen',
        'Hello Ana Silva,',
        'Enter this code to confirm your email address and your booking:',
        '042917',
        'Service: Haircut\nWhen: Sunday, 28 March 2027 at 10:00 (Europe/Lisbon)',
        'Enter the code: https://studio.test/verify/abc',
        'The code is valid for 15 minutes.',
        'If you did not ask for this, ignore this email.\n',
      ].join('\n\n'),
    );
  });

  it('shows the code large in the HTML, and links to the page where it is entered', () => {
    const { html } = verificationEmail(data());
    expect(html).toMatch(/<p style="[^"]*font-size:32px[^"]*">042917<\/p>/);
    expect(hrefs(html)).toEqual(['https://studio.test/verify/abc']);
    for (const fact of ['Haircut', 'Sunday, 28 March 2027 at 10:00 (Europe/Lisbon)', 'valid for 15 minutes']) {
      expect(html).toContain(fact);
    }
    expect(html).toContain('If you did not ask for this, ignore this email.');
  });

  it.each([
    ['America/New_York', 'When: Sunday, 28 March 2027 at 05:00 (America/New_York)'],
    ['UTC', 'When: Sunday, 28 March 2027 at 09:00 (UTC)'],
  ])('shows the time in %s', (timezone, line) => {
    expect(verificationEmail(data({ timezone })).text).toContain(line);
  });

  it('says "1 minute" for one minute', () => {
    expect(verificationEmail(data({ validMinutes: 1 })).text).toContain('The code is valid for 1 minute.');
  });

  it('falls back to English for an unknown locale', () => {
    expect(verificationEmail(data({ locale: 'zz-ZZ' }))).toEqual(verificationEmail(data()));
  });
});
