import { describe, expect, it } from 'vitest';
import { bookingEmail } from './booking-email.ts';
import { bookingData, hrefs, verificationData } from './test-fixtures.ts';
import { verificationEmail } from './verification-email.ts';

/** Hostile values and how they must appear in HTML. */
const hostile = [
  ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
  ['"><img src=x onerror=alert(1)>', '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'],
  ['&amp;', '&amp;amp;'],
  ["O'Brien & Sons", 'O&#39;Brien &amp; Sons'],
] as const;

const places = [
  ['client name', (v: string) => ({ booking: { clientName: v } })],
  ['notes', (v: string) => ({ booking: { notes: v } })],
  ['service name', (v: string) => ({ booking: { serviceName: v } })],
  ['staff name', (v: string) => ({ booking: { staffName: v } })],
  ['business name', (v: string) => ({ businessName: v })],
  ['cancel reason', (v: string) => ({ event: 'cancelled' as const, cancelReason: v })],
] as const;

const cases = places.flatMap(([where, patch]) =>
  hostile.flatMap(([raw, escaped]) =>
    (['client', 'owner'] as const).map((audience) => ({ where, audience, raw, escaped, patch })),
  ),
);

describe('booking email HTML escapes every piece of data', () => {
  it.each(cases)('$where $raw for $audience appears as $escaped', ({ audience, raw, escaped, patch }) => {
    const { html, text } = bookingEmail(bookingData({ audience, ...patch(raw) }));
    expect(html).toContain(escaped);
    expect(html.replaceAll(escaped, '')).not.toContain(raw);
    expect(html).not.toMatch(/<script|<img|onerror=alert\(1\)>/i);
    expect(text).toContain(raw);
  });

  it('verification email escapes the client, business and service names', () => {
    const [raw, escaped] = hostile[0];
    const { html } = verificationEmail(verificationData({ clientName: raw, businessName: raw, serviceName: raw }));
    expect(html.split(escaped).length - 1).toBeGreaterThanOrEqual(3);
    expect(html).not.toContain('<script');
  });
});

describe('only http(s) links become hrefs', () => {
  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    '/manage/relative',
    'not a url',
  ])('manageUrl %j gives no link at all', (manageUrl) => {
    const { html, text } = bookingEmail(bookingData({ manageUrl }));
    expect(hrefs(html)).toEqual([]);
    expect(html.toLowerCase()).not.toContain('javascript:');
    expect(text.toLowerCase()).not.toContain('javascript:');
    expect(verificationEmail(verificationData({ manageUrl })).html).not.toContain('href=');
  });

  it('an http link is kept, with quotes in it escaped', () => {
    const { html } = bookingEmail(bookingData({ manageUrl: 'http://studio.test/m?a="x"' }));
    expect(hrefs(html)).toEqual(['http://studio.test/m?a=%22x%22', 'http://studio.test/m?a=%22x%22']);
  });
});

describe('the HTML stands alone', () => {
  it('has no scripts, style sheets or remote resources', () => {
    const { html } = bookingEmail(bookingData());
    expect(html).not.toMatch(/<(script|style|link|img|iframe)\b|\bsrc=/i);
  });
});
