import { describe, expect, it } from 'vitest';
import { bookingEmail } from './booking-email.ts';
import { bookingData, HOUR, hrefs, MANAGE, START } from './test-fixtures.ts';
import type { Audience, BookingEvent } from './types.ts';

const WHEN = 'Sunday, 28 March 2027, 10:00–11:00 (Europe/Lisbon)';
const previous = { start: START - 24 * HOUR, end: START - 23 * HOUR, staffName: 'Bruno Costa' };

describe('bookingEmail subjects', () => {
  it.each<[BookingEvent, Audience, string]>([
    ['confirmed', 'client', 'Booking confirmed: Haircut, Sun 28 Mar, 10:00 (SW-7K2M9Q)'],
    ['rescheduled', 'client', 'Booking changed: Haircut, now Sun 28 Mar, 10:00 (SW-7K2M9Q)'],
    ['cancelled', 'client', 'Booking cancelled: Haircut, Sun 28 Mar, 10:00 (SW-7K2M9Q)'],
    ['reminder', 'client', 'Reminder: Haircut, Sun 28 Mar, 10:00 (SW-7K2M9Q)'],
    ['confirmed', 'staff', 'New booking: Ana Silva, Haircut, Sun 28 Mar, 10:00 (SW-7K2M9Q)'],
    ['rescheduled', 'staff', 'Booking changed: Ana Silva, Haircut, now Sun 28 Mar, 10:00 (SW-7K2M9Q)'],
    ['cancelled', 'staff', 'Booking cancelled: Ana Silva, Haircut, Sun 28 Mar, 10:00 (SW-7K2M9Q)'],
    ['reminder', 'staff', 'Reminder: Ana Silva, Haircut, Sun 28 Mar, 10:00 (SW-7K2M9Q)'],
    ['confirmed', 'owner', 'New booking: Ana Silva, Haircut, Sun 28 Mar, 10:00 (SW-7K2M9Q)'],
    ['rescheduled', 'owner', 'Booking changed: Ana Silva, Haircut, now Sun 28 Mar, 10:00 (SW-7K2M9Q)'],
    ['cancelled', 'owner', 'Booking cancelled: Ana Silva, Haircut, Sun 28 Mar, 10:00 (SW-7K2M9Q)'],
    ['reminder', 'owner', 'Reminder: Ana Silva, Haircut, Sun 28 Mar, 10:00 (SW-7K2M9Q)'],
  ])('%s for %s: "%s"', (event, audience, subject) => {
    expect(bookingEmail(bookingData({ event, audience, previous })).subject).toBe(subject);
  });

  it('keeps the subject on one line whatever the names hold', () => {
    const email = bookingEmail(bookingData({ booking: { serviceName: 'Hair\r\nBcc: x@evil.test' } }));
    expect(email.subject).toBe('Booking confirmed: Hair Bcc: x@evil.test, Sun 28 Mar, 10:00 (SW-7K2M9Q)');
  });
});

const events: BookingEvent[] = ['confirmed', 'rescheduled', 'cancelled', 'reminder'];
const everyEmail = events.flatMap((event) => (['client', 'staff', 'owner'] as const).map((a) => [event, a] as const));

describe('bookingEmail facts, in the text and the HTML alike', () => {
  const facts = [
    ['Service', 'Haircut'],
    ['With', 'Bruno Costa'],
    ['When', WHEN],
    ['Reference', 'SW-7K2M9Q'],
    ['Price', '€120.00'],
    ['Paid', '€30.00'],
    ['Notes', 'Short on the sides, please.'],
  ];
  it.each(everyEmail)(
    '%s for %s names the service, staff, time, reference, price, paid and notes',
    (event, audience) => {
      const { html, text } = bookingEmail(bookingData({ event, audience, previous }));
      expect(text.startsWith('Studio Lumen\n')).toBe(true);
      expect(html).toContain('>Studio Lumen</h1>');
      for (const [label, value] of facts) {
        expect(text).toContain(`\n${label}: ${value}\n`);
        expect(html).toContain(`>${label}</td>`);
        expect(html).toContain(`>${value}</td>`);
      }
    },
  );

  it.each(events)('%s for the client greets the client; for the team says who booked', (event) => {
    expect(bookingEmail(bookingData({ event, previous })).text).toContain('Hello Ana Silva,');
    expect(bookingEmail(bookingData({ event, previous })).text).not.toContain('ana@example.test');
    const staff = bookingEmail(bookingData({ event, audience: 'staff', previous })).text;
    expect(staff).toContain('Hello Bruno Costa,');
    const owner = bookingEmail(bookingData({ event, audience: 'owner', previous }));
    expect(owner.text).toContain('Hello,');
    for (const email of [staff, owner.text, owner.html]) {
      for (const fact of ['Ana Silva', 'ana@example.test', '+351 912 345 678', 'Short on the sides, please.']) {
        expect(email).toContain(fact);
      }
    }
  });

  it('leaves out an absent phone, empty notes and a zero amount paid', () => {
    const booking = { clientPhone: null, notes: '  ', amountPaid: 0 };
    const { html, text } = bookingEmail(bookingData({ audience: 'owner', booking }));
    for (const label of ['Phone', 'Notes', 'Paid']) {
      expect(text).not.toContain(`${label}:`);
      expect(html).not.toContain(`>${label}<`);
    }
  });

  it('rescheduled shows the old and new time, and the staff change only when there is one', () => {
    const same = bookingEmail(bookingData({ event: 'rescheduled', previous })).text;
    expect(same).toContain(`Time: Saturday, 27 March 2027, 09:00–10:00 (Europe/Lisbon) → ${WHEN}`);
    expect(same).not.toContain('Staff:');
    const moved = bookingEmail(
      bookingData({ event: 'rescheduled', previous: { ...previous, staffName: 'Carla Reis' } }),
    );
    expect(moved.text).toContain('Staff: Carla Reis → Bruno Costa');
    expect(moved.html).toContain('Staff: Carla Reis → Bruno Costa');
  });

  it('cancelled shows the reason when one was given', () => {
    const given = bookingEmail(bookingData({ event: 'cancelled', cancelReason: 'Feeling unwell' }));
    expect(given.text).toContain('Reason: Feeling unwell');
    expect(given.html).toContain('Feeling unwell');
    expect(bookingEmail(bookingData({ event: 'cancelled', cancelReason: ' ' })).text).not.toContain('Reason:');
  });

  it.each([
    ['America/New_York', 'Sunday, 28 March 2027, 05:00–06:00 (America/New_York)'],
    ['Europe/Lisbon', WHEN],
    ['Asia/Tokyo', 'Sunday, 28 March 2027, 18:00–19:00 (Asia/Tokyo)'],
  ])('shows 09:00 UTC on 28 March 2027 in %s as "%s"', (timezone, when) => {
    expect(bookingEmail(bookingData({ booking: { timezone } })).text).toContain(`When: ${when}`);
  });

  it.each([
    [12000, 'EUR', '€120.00'],
    [1200, 'JPY', '¥1,200'],
    [4550, 'USD', '$45.50'],
  ])('money: %s minor units of %s read "%s"', (price, currency, shown) => {
    expect(bookingEmail(bookingData({ booking: { price, amountPaid: 0, currency } })).text).toContain(
      `Price: ${shown}`,
    );
  });

  it('pt-BR reads the Portuguese email (one fallback rule)', () => {
    expect(bookingEmail(bookingData({ locale: 'pt-BR' }))).toEqual(bookingEmail(bookingData({ locale: 'pt' })));
  });

  it.each(['xx', 'it-IT', 'en-US', ''])('locale "%s" without a catalogue falls back to English', (locale) => {
    expect(bookingEmail(bookingData({ locale }))).toEqual(bookingEmail(bookingData({ locale: 'en' })));
  });
});

describe('bookingEmail for a free service', () => {
  it.each([
    ['en', 'Price: Free'],
    ['fr', 'Prix : Gratuit'],
    ['de', 'Preis: Kostenlos'],
    ['es', 'Precio: Gratis'],
    ['pt', 'Preço: Gratuito'],
  ])('%s says so instead of a zero price', (locale, line) => {
    const { text } = bookingEmail(bookingData({ locale, booking: { price: 0, amountPaid: 0 } }));
    expect(text.replace(/\u202f|\u00a0/g, ' ')).toContain(line.replace(' :', ':'));
    expect(text).not.toMatch(/0[.,]00/);
  });
});

describe('bookingEmail links and calendar line', () => {
  const reschedule = 'Reschedule (2 changes left)';
  it.each([
    { rescheduleLeft: 2, canCancel: true, links: [`${reschedule}: ${MANAGE}`, `Cancel booking: ${MANAGE}`] },
    { rescheduleLeft: 1, canCancel: false, links: [`Reschedule (1 change left): ${MANAGE}`] },
    { rescheduleLeft: null, canCancel: true, links: [`Cancel booking: ${MANAGE}`] },
    { rescheduleLeft: null, canCancel: false, links: [] },
  ])('client, reschedule left $rescheduleLeft, can cancel $canCancel: $links', ({ links, ...rules }) => {
    const { html, text } = bookingEmail(bookingData(rules));
    expect(text.split('\n').filter((line) => line.includes('https://'))).toEqual(links);
    expect(hrefs(html)).toEqual(links.map(() => MANAGE));
  });

  it.each(everyEmail)('%s for %s: no links when there is no manage page', (event, audience) => {
    const { html, text } = bookingEmail(bookingData({ event, audience, previous, manageUrl: null }));
    expect(hrefs(html)).toEqual([]);
    expect(text).not.toContain('https://');
  });

  it.each(events.flatMap((e) => [[e, 'staff'] as const, [e, 'owner'] as const]))(
    '%s for %s never carries the client manage link',
    (event, audience) => {
      const { html, text } = bookingEmail(bookingData({ event, audience, previous }));
      expect(html).not.toContain('tok123');
      expect(text).not.toContain('tok123');
      expect(text).not.toContain('calendar');
    },
  );

  it.each([
    ['confirmed', 'The calendar file is attached: open it to add the booking to your calendar.'],
    ['rescheduled', 'The calendar file is attached: open it to add the booking to your calendar.'],
    ['reminder', 'The calendar file is attached: open it to add the booking to your calendar.'],
    ['cancelled', 'Open the attached calendar file to remove the booking from your calendar.'],
  ] as const)('client %s says: "%s"', (event, line) => {
    const { html, text } = bookingEmail(bookingData({ event, previous }));
    expect(text).toContain(line);
    expect(html).toContain(line);
  });
});
