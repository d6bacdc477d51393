/** The calendar file speaks the booking's language, by the one fallback rule ("pt-BR" → pt). */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Booking } from '../app/model.ts';
import { bookingCalendar } from './ics.ts';

const booking = (locale: string, status = 'confirmed') =>
  ({
    reference: 'SW-7K2M9Q',
    serviceName: 'Sessão de retrato',
    staffName: 'Bruno Costa',
    start: Date.parse('2027-03-29T09:00:00Z'),
    end: Date.parse('2027-03-29T10:00:00Z'),
    status,
    rescheduleCount: 0,
    locale,
  }) as unknown as Booking;

function event(locale: string) {
  const text = bookingCalendar({
    booking: booking(locale),
    businessName: 'Estúdio Lumen',
    manageUrl: 'https://studio.test/manage/tok',
    now: Date.parse('2027-03-01T00:00:00Z'),
  });
  const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { summary: vevent.getFirstPropertyValue('summary'), description: vevent.getFirstPropertyValue('description') };
}

describe('bookingCalendar wording', () => {
  it.each([
    ['en', 'Sessão de retrato with Bruno Costa', 'Reference SW-7K2M9Q.', 'Reschedule or cancel: '],
    ['pt', 'Sessão de retrato com Bruno Costa', 'Referência SW-7K2M9Q.', 'Alterar ou cancelar: '],
    ['pt-BR', 'Sessão de retrato com Bruno Costa', 'Referência SW-7K2M9Q.', 'Alterar ou cancelar: '],
    ['fr-CA', 'Sessão de retrato avec Bruno Costa', 'Référence SW-7K2M9Q.', 'Modifier ou annuler : '],
  ])('%s: "%s"', (locale, summary, reference, manage) => {
    const e = event(locale);
    expect(e.summary).toBe(summary);
    expect(e.description).toBe(`Estúdio Lumen: ${summary}.\n${reference}\n${manage}https://studio.test/manage/tok`);
  });
});
