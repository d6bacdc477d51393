import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../i18n/locale.ts';
import { joinedEmail, offerEmail } from './waitlist-email.ts';

const START = Date.parse('2027-03-29T07:00:00Z');
const offer = (locale: string, timezone = 'Europe/Paris') =>
  offerEmail({
    locale,
    businessName: 'Studio',
    clientName: 'Wanda',
    serviceName: 'Portrait',
    staffName: 'Ana',
    start: START,
    end: START + 3_600_000,
    expiresAt: Date.parse('2027-03-26T11:30:00Z'),
    timezone,
    url: 'https://studio.test/waitlist/offer/abc',
  });

describe('the waitlist emails', () => {
  it.each(LOCALES)('%s: the offer links its page, both parts alike, with times in the client’s zone', (locale) => {
    const e = offer(locale);
    for (const part of [e.text, e.html]) expect(part).toContain('https://studio.test/waitlist/offer/abc');
    // 09:00 and the hold's end 12:30 in Paris, with the zone named.
    expect(e.text).toMatch(/\b0?9[:.h]00/);
    expect(e.text).toContain('12:30');
    expect(e.text).toContain('Europe/Paris');
  });

  it('the hold’s end is written in the entry’s zone, not the server’s', () => {
    expect(offer('en', 'America/New_York').text).toContain('07:30');
  });

  it.each(LOCALES)('%s: the joined email links the leave page', (locale) => {
    const e = joinedEmail({
      locale,
      businessName: 'Studio',
      clientName: 'Wanda',
      serviceName: 'Portrait',
      date: '2027-03-29',
      leaveUrl: 'https://studio.test/waitlist/leave/xyz',
    });
    for (const part of [e.text, e.html]) expect(part).toContain('https://studio.test/waitlist/leave/xyz');
  });
});
