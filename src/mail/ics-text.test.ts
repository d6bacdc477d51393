/** The fast calendar text must be ical-generator's own, octet for octet (decision 046). */
import ical, { type ICalCalendarData, ICalCalendarMethod, foldLines as libraryFold } from 'ical-generator';
import { describe, expect, it } from 'vitest';
import type { Booking } from '../app/model.ts';
import { bookingCalendar, seriesCalendar } from './ics.ts';
import { calendarText, foldLines } from './ics-text.ts';

const samples = [
  '',
  'SUMMARY:short',
  `DESCRIPTION:${'a'.repeat(74)}`,
  `DESCRIPTION:${'a'.repeat(75)}`,
  `DESCRIPTION:${'é'.repeat(80)}`, // 2 octets each
  `DESCRIPTION:${'€'.repeat(40)}`, // 3 octets each
  `SUMMARY:${'😀'.repeat(30)}`, // surrogate pairs, 4 octets each
  `SUMMARY:${'x'.repeat(72)}😀😀`, // a pair across the fold
  `SUMMARY:lone \ud800 high, lone \udc00 low, ${'ü'.repeat(40)}\ud83d`,
  `A:${'Estúdio Lumen: Sessão de retrato com Bruno Costa. '.repeat(4)}\r\nB:${'z'.repeat(200)}\r\n`,
];

describe('calendar text without the per-character TextEncoder', () => {
  it.each(samples.map((s, i) => [i, s]))("folds sample %i as ical-generator's foldLines does", (_, s) => {
    expect(foldLines(s as string)).toBe(libraryFold(s as string));
  });

  it('folds random text of every width as the library does', () => {
    const alphabet = ['a', ' ', ';', 'é', 'ß', '€', '中', '😀', '\ud800', '\udfff', '\r\n'];
    let seed = 46;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let n = 0; n < 300; n++) {
      let s = '';
      for (let i = next() % 400; i > 0; i--) s += alphabet[next() % alphabet.length];
      expect(foldLines(s)).toBe(libraryFold(s));
    }
  });

  it("writes a calendar exactly as the library's toString, head remembered or not", () => {
    const make = (name: string, method: ICalCalendarMethod | null) => {
      const prodId = { company: 'Slotwise', product: 'Slotwise', language: 'PT' };
      // The feed's options (a refresh interval, no method) and the emails' (a method).
      const data: ICalCalendarData = method ? { name, prodId, method } : { name, prodId, ttl: 900 };
      const fill = (c: ReturnType<typeof ical>) => {
        c.createEvent({
          id: 'sw-abc@slotwise',
          stamp: new Date(Date.parse('2027-03-01T00:00:00Z')),
          start: new Date(Date.parse('2027-03-29T09:00:00Z')),
          end: new Date(Date.parse('2027-03-29T10:00:00Z')),
          summary: `${name}: Sessão de retrato com Bruno Costa, ${'longa '.repeat(20)}`,
          description: 'Linha 1\nLinha 2; com, vírgulas',
          url: 'https://studio.test/manage/tok',
        });
      };
      const library = ical(data);
      fill(library);
      return { ours: calendarText(data, fill), library: library.toString() };
    };
    for (const [name, method] of [
      ['Estúdio Lumen', ICalCalendarMethod.REQUEST],
      ['Estúdio Lumen', ICalCalendarMethod.REQUEST],
      ['Estúdio Lumen', ICalCalendarMethod.CANCEL],
      [`A ${'very '.repeat(20)}long name`, ICalCalendarMethod.REQUEST],
      ['Estúdio Lumen: Bruno Costa', null],
    ] as const) {
      const { ours, library } = make(name, method);
      expect(ours).toBe(library);
    }
  });

  it('leaves booking and series files as they were: parsed, folded, ended', () => {
    const booking = {
      reference: 'SW-7K2M9Q',
      serviceName: 'Sessão de retrato',
      staffName: 'Bruno Costa',
      start: Date.parse('2027-03-29T09:00:00Z'),
      end: Date.parse('2027-03-29T10:00:00Z'),
      status: 'confirmed',
      rescheduleCount: 0,
      locale: 'pt',
    } as unknown as Booking;
    const facts = { businessName: 'Estúdio Lumen', manageUrl: `https://studio.test/manage/${'t'.repeat(43)}`, now: 0 };
    for (const text of [
      bookingCalendar({ ...facts, booking }),
      seriesCalendar({ ...facts, bookings: [booking, { ...booking, reference: 'SW-7K2M9R' }] }),
    ]) {
      expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Slotwise//Slotwise//')).toBe(true);
      expect(text.endsWith('END:VEVENT\r\nEND:VCALENDAR')).toBe(true);
      for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    }
  });
});
