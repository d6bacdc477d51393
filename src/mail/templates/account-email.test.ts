import { describe, expect, it } from 'vitest';
import { type AccountEmailData, accountEmail } from './account-email.ts';
import { hrefs } from './test-fixtures.ts';

const data = (over: Partial<AccountEmailData> = {}): AccountEmailData => ({
  purpose: 'reset',
  businessName: 'Studio Lumen',
  name: 'Ana Silva',
  email: 'ana@studio.test',
  url: 'https://studio.test/admin/password/abc',
  validFor: '1 hour',
  ...over,
});

describe('accountEmail', () => {
  it('writes a reset email: the account, the single link, how long it works, what to do if unasked', () => {
    const email = accountEmail(data());
    expect(email.subject).toBe('Reset your password for the Studio Lumen dashboard');
    expect(email.text).toBe(
      [
        'Studio Lumen',
        'Hello Ana Silva,',
        'Someone, hopefully you, asked to reset the password of the dashboard account ana@studio.test.',
        'Choose a new password: https://studio.test/admin/password/abc',
        'The link works once, for 1 hour. Choosing a new password signs you out everywhere else.',
        'If you did not ask for this, ignore this email: your password stays as it is.\n',
      ].join('\n\n'),
    );
    expect(hrefs(email.html)).toEqual(['https://studio.test/admin/password/abc']);
  });

  it('writes an invitation with the sign-in email and the 7 days it lasts', () => {
    const email = accountEmail(data({ purpose: 'invite', validFor: '7 days', name: '' }));
    expect(email.subject).toBe('You are invited to the Studio Lumen dashboard');
    expect(email.text).toContain('Hello,\n');
    expect(email.text).toContain('You sign in with ana@studio.test. Choose your password to start.');
    expect(email.text).toContain('Choose your password: https://studio.test/admin/password/abc');
    expect(email.text).toContain(
      'The link works once, for 7 days. If it has expired, ask an admin to invite you again.',
    );
  });

  it('escapes names in the HTML and keeps the subject on one line', () => {
    const email = accountEmail(
      data({ purpose: 'invite', businessName: 'A <b>&\nB', name: '<script>alert(1)</script>' }),
    );
    expect(email.subject).toBe('You are invited to the A <b>& B dashboard');
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt;,');
    expect(email.html).toContain('A &lt;b&gt;&amp;');
  });
});
