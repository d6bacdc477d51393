import { describe, expect, it } from 'vitest';
import { bookingEmail } from '../mail/templates/booking-email.ts';
import { bookingData, verificationData } from '../mail/templates/test-fixtures.ts';
import { verificationEmail } from '../mail/templates/verification-email.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { type Messages, messagesFor } from './messages.ts';
import { pt } from './pt.ts';

const translations = [
  ['fr', fr],
  ['de', de],
  ['es', es],
  ['pt', pt],
] as const;

describe('messagesFor picks the translated catalogues', () => {
  it.each<[string, Messages]>([
    ['fr', fr],
    ['fr-CA', fr],
    ['FR_fr', fr],
    ['de', de],
    ['de-AT', de],
    ['de-CH', de],
    ['es', es],
    ['es-MX', es],
    ['ES', es],
    ['pt', pt],
    ['pt-BR', pt],
    ['pt_PT', pt],
  ])('"%s" is the right catalogue', (locale, catalogue) => {
    expect(messagesFor(locale)).toBe(catalogue);
  });

  it.each(translations)('%s writes dates in its own Intl locale', (tag, m) => {
    expect(m.intlLocale).toBe(`${tag}-${tag.toUpperCase()}`);
  });
});

/** Each leaf of a catalogue by its dotted path: strings as they are, functions by their arity. */
function shape(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'function') out.set(path, `function/${value.length}`);
  else if (typeof value === 'string') out.set(path, 'string');
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      for (const entry of shape(child, path ? `${path}.${key}` : key)) out.set(...entry);
    }
  } else out.set(path, typeof value);
  return out;
}

function leaves(value: unknown, path = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[path, value]];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
}

const about = {
  reference: 'SW-1',
  service: 'Haircut',
  client: 'Ana',
  staff: 'Bruno',
  business: 'Studio',
  when: 'Sun 28 Mar, 10:00',
};

/** Sample arguments for each phrase function of the catalogue, by path. */
function sampleArgs(path: string): unknown[] {
  if (/^booking\.(client|team)\.(subject|intro)\./.test(path)) return [about];
  const args: Record<string, unknown[]> = {
    greeting: ['Ana'],
    'booking.movedTime': ['9:00', '10:00'],
    'booking.movedStaff': ['Carla', 'Bruno'],
    'booking.reschedule': [2],
    'booking.seriesLead': [12],
    'verification.subject': ['042917', 'Studio'],
    'verification.valid': [15],
    'unappliedPayment.subject': ['30.00 EUR', 'SW-1'],
    'manageLink.subject': ['SW-1', 'Studio'],
    'waitlist.offerSubject': ['Haircut', 'Sun 28 Mar, 10:00'],
    'waitlist.offerIntro': ['Studio'],
    'waitlist.offerUntil': ['Sun 28 Mar, 09:30'],
    'waitlist.joinedSubject': ['Studio'],
    'waitlist.joinedIntro': ['Sun 28 Mar'],
    'myBookings.subject': ['Studio'],
    'myBookings.intro': ['Studio'],
    'myBookings.valid': [30],
    'calendar.summary': ['Haircut', 'Bruno'],
    'calendar.reference': ['SW-1'],
    'calendar.manage': ['https://studio.test/manage/abc'],
  };
  const found = args[path];
  if (found === undefined) throw new Error(`no sample arguments for ${path}`);
  return found;
}

/** Paths whose wording may rightly equal the English one in a locale. */
const sameAsEnglish: Record<string, readonly string[]> = {
  fr: ['labels.client', 'unappliedPayment.transaction'],
  de: [],
  // Spanish "No" is the English "No".
  es: ['labels.no'],
  pt: [],
};

describe('every translated catalogue', () => {
  it.each(translations)('%s has exactly the keys, value kinds and function arities of en', (_tag, m) => {
    expect(shape(m)).toEqual(shape(en));
  });

  it.each(translations)('%s translates every string and phrase', (tag, m) => {
    const english = new Map(leaves(en));
    const untranslated = leaves(m).filter(([path, value]) => {
      const original = english.get(path);
      if (typeof value === 'function' && typeof original === 'function') {
        const args = sampleArgs(path);
        return value(...args) === original(...args);
      }
      return value === original;
    });
    expect(untranslated.map(([path]) => path)).toEqual(sameAsEnglish[tag]);
  });

  it.each(translations)('%s phrase functions give plain non-empty text without "undefined"', (_tag, m) => {
    for (const [path, value] of leaves(m)) {
      const text = typeof value === 'function' ? value(...sampleArgs(path)) : value;
      expect(text, path).toMatch(/\S/);
      expect(text, path).not.toMatch(/undefined|\[object/);
    }
  });
});

describe('plurals', () => {
  it.each<[string, Messages, number, string, number, string]>([
    ['fr', fr, 1, 'Déplacer la réservation (1 modification restante)', 1, 'Le code est valable 1 minute.'],
    ['fr', fr, 2, 'Déplacer la réservation (2 modifications restantes)', 15, 'Le code est valable 15 minutes.'],
    ['de', de, 1, 'Termin verschieben (noch 1 Änderung möglich)', 1, 'Der Code ist 1 Minute gültig.'],
    ['de', de, 2, 'Termin verschieben (noch 2 Änderungen möglich)', 15, 'Der Code ist 15 Minuten gültig.'],
    ['es', es, 1, 'Cambiar la reserva (queda 1 cambio)', 1, 'El código es válido durante 1 minuto.'],
    ['es', es, 2, 'Cambiar la reserva (quedan 2 cambios)', 15, 'El código es válido durante 15 minutos.'],
    ['pt', pt, 1, 'Alterar a marcação (resta 1 alteração)', 1, 'O código é válido durante 1 minuto.'],
    ['pt', pt, 2, 'Alterar a marcação (restam 2 alterações)', 15, 'O código é válido durante 15 minutos.'],
  ])('%s: %i left reads "%s"; %i minutes "%s"', (_tag, m, left, reschedule, minutes, valid) => {
    expect(m.booking.reschedule(left)).toBe(reschedule);
    expect(m.verification.valid(minutes)).toBe(valid);
  });
});

describe('emails rendered in each language', () => {
  it.each([
    ['fr', 'Coupe', 'Réservation confirmée : Coupe, dim. 28 mars, 10:00 (SW-7K2M9Q)'],
    ['de-AT', 'Haarschnitt', 'Buchung bestätigt: Haarschnitt, So., 28. März, 10:00 (SW-7K2M9Q)'],
    ['es-MX', 'Corte de pelo', 'Reserva confirmada: Corte de pelo, dom, 28 mar, 10:00 (SW-7K2M9Q)'],
    ['pt-BR', 'Corte de cabelo', 'Marcação confirmada: Corte de cabelo, domingo, 28/03, 10:00 (SW-7K2M9Q)'],
  ])('%s booking confirmation: "%s"', (locale, serviceName, subject) => {
    const email = bookingEmail(bookingData({ locale, booking: { serviceName } }));
    expect(email.subject).toBe(subject);
    expect(email.html).toContain(`<html lang="${messagesFor(locale).intlLocale}">`);
  });

  it.each([
    [
      'fr-CA',
      '042917 est votre code pour Studio Lumen',
      'Date et heure: dimanche 28 mars 2027 à 10:00 (Europe/Lisbon)',
    ],
    ['de', '042917 ist Ihr Code für Studio Lumen', 'Termin: Sonntag, 28. März 2027 um 10:00 (Europe/Lisbon)'],
    [
      'ES',
      '042917 es su código para Studio Lumen',
      'Fecha y hora: domingo, 28 de marzo de 2027, 10:00 (Europe/Lisbon)',
    ],
    [
      'pt',
      '042917 é o seu código para Studio Lumen',
      'Data e hora: domingo, 28 de março de 2027 às 10:00 (Europe/Lisbon)',
    ],
  ])('%s verification: "%s"', (locale, subject, when) => {
    const email = verificationEmail(verificationData({ locale }));
    expect(email.subject).toBe(subject);
    expect(email.text).toContain(`\n${when}\n`);
  });
});
