import { describe, expect, it } from 'vitest';
import { type PageMessages, pageMessagesFor } from '../page-messages.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { pt } from './pt.ts';

const translations = [
  ['fr', fr],
  ['de', de],
  ['es', es],
  ['pt', pt],
] as const;

/** Each leaf of a catalogue by its dotted path: strings as "string", functions by their arity. */
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

/** Sample arguments for each phrase function, by path (a new function must be added here). */
const sampleArgs: Record<string, unknown[]> = {
  'services.minutes': [45],
  'waitlist.joined': [2],
  'services.book': ['Haircut'],
  'services.depositNote': ['€10.00'],
  'book.title': ['Haircut'],
  'book.dayLabel': ['Monday 29 March 2027', 'available', 5],
  'book.slotsFor': ['Monday 29 March 2027'],
  'book.firstFree': ['Tuesday 30 March 2027'],
  'book.timesIn': ['Europe/Lisbon'],
  'book.businessTime': ['Europe/Lisbon', '10:00'],
  'details.reminderHours': [24],
  'details.seatsHint': ['€20.00'],
  'details.seatsLeft': [2],
  'details.seriesConflict': ['Monday 24 May 10:00'],
  'details.pay': ['€40.00'],
  'details.deposit': ['€10.00'],
  'details.optional': ['Favourite colour'],
  'policy.until': ['Mon 29 Mar 2027, 10:00', 'free cancellation'],
  'policy.untilStart': ['no online cancellation'],
  'policy.depositKept': ['€30.00'],
  'cancel.refund': ['€90.00'],
  'cancel.refundKept': ['€90.00', '€30.00'],
  'cancel.keptOnly': ['€30.00'],
  'verify.intro': ['ana@example.com'],
  'verify.wrong': [3],
  'verify.holdUntil': ['10:15'],
  'manage.title': ['SW-7K2M9Q'],
  'manage.confirmedEmail': ['ana@example.com'],
  'manage.payNow': ['€40.00'],
  'manage.changesLeft': [2],
  'manage.seriesKept': [2],
  'reschedule.current': ['Monday 29 March 2027, 10:00–11:00'],
  'paymentReturn.title': ['SW-7K2M9Q'],
  'paymentReturn.unappliedNext': ['Lumen Studio'],
  'myBookings.sent': ['ana@example.com', 30],
  'myBookings.manage': ['SW-7K2M9Q'],
};

function argsFor(path: string): unknown[] {
  const args = sampleArgs[path];
  if (args === undefined) throw new Error(`no sample arguments for ${path}`);
  return args;
}

/** Paths whose wording may rightly equal the English one in a locale. */
const sameAsEnglish: Record<string, readonly string[]> = {
  fr: ['services.minutes', 'book.date'],
  // German says "optional" too ("Telefon (optional)").
  de: ['details.name', 'details.optional', 'manage.status'],
  es: ['services.minutes', 'details.no'],
  pt: [],
};

describe('pageMessagesFor', () => {
  it.each([
    ['en', en, 'en-GB'],
    ['fr', fr, 'fr-FR'],
    ['de', de, 'de-DE'],
    ['es', es, 'es-ES'],
    ['pt', pt, 'pt-PT'],
  ] as const)('"%s" is its catalogue, written in %s', (locale, catalogue, intl) => {
    expect(pageMessagesFor(locale)).toBe(catalogue);
    expect(pageMessagesFor(locale).intlLocale).toBe(intl);
    expect(pageMessagesFor(locale).lang).toBe(locale);
  });

  it.each(['xx', 'it', '', 'constructor', '__proto__', 'toString'])('"%s" falls back to English', (locale) => {
    expect(pageMessagesFor(locale)).toBe(en);
  });
});

describe('every translated page catalogue', () => {
  it.each(translations)('%s has exactly the keys, value kinds and function arities of en', (_tag, m) => {
    expect(shape(m)).toEqual(shape(en));
  });

  it('has sample arguments for every phrase function of en', () => {
    const functions = leaves(en)
      .filter(([, v]) => typeof v === 'function')
      .map(([path]) => path);
    expect(functions.sort()).toEqual(Object.keys(sampleArgs).sort());
  });

  it.each(translations)('%s translates every string and phrase', (tag, m) => {
    const english = new Map(leaves(en));
    const untranslated = leaves(m).filter(([path, value]) => {
      const original = english.get(path);
      if (typeof value === 'function' && typeof original === 'function') {
        const args = argsFor(path);
        return value(...args) === original(...args);
      }
      return value === original;
    });
    expect(untranslated.map(([path]) => path)).toEqual(sameAsEnglish[tag]);
  });

  it.each(translations)('%s phrases are plain non-empty text that keep their facts', (_tag, m) => {
    for (const [path, value] of leaves(m)) {
      const args = typeof value === 'function' ? argsFor(path) : [];
      const text = typeof value === 'function' ? value(...args) : value;
      expect(typeof text, path).toBe('string');
      expect(text, path).toMatch(/\S/);
      expect(text, path).not.toMatch(/undefined|\[object|NaN|[<>]/);
      for (const arg of args) {
        // Every formatted fact appears in the phrase (the day status is turned into words).
        if (typeof arg === 'string' && path !== 'book.dayLabel') expect(text, path).toContain(arg);
        if (typeof arg === 'number') expect(text, path).toContain(String(arg));
      }
    }
  });

  it('French uses the typographic apostrophe', () => {
    const straight = leaves(fr).filter(([path, v]) => {
      const text = typeof v === 'function' ? v(...argsFor(path)) : v;
      return typeof text === 'string' && text.includes("'");
    });
    expect(straight.map(([path]) => path)).toEqual([]);
  });
});

describe('plurals and day labels', () => {
  const date = 'D';
  it.each<[string, PageMessages, Record<string, string>]>([
    [
      'en',
      en,
      {
        'changesLeft(1)': '1 change left',
        'changesLeft(2)': '2 changes left',
        'dayLabel(available, 1)': 'D, 1 free time',
        'dayLabel(available, 5)': 'D, 5 free times',
        'dayLabel(full, 0)': 'D, fully booked',
        'dayLabel(closed, 0)': 'D, closed',
        'dayLabel(past, 0)': 'D, past',
        'wrong(0)': 'That code is not right. 0 tries left.',
        'wrong(1)': 'That code is not right. 1 try left.',
        'wrong(3)': 'That code is not right. 3 tries left.',
        'reminderHours(24)': 'Remind me by email 24 hours before',
      },
    ],
    [
      'fr',
      fr,
      {
        'changesLeft(1)': '1 modification restante',
        'changesLeft(2)': '2 modifications restantes',
        'dayLabel(available, 1)': 'D, 1 créneau disponible',
        'dayLabel(available, 5)': 'D, 5 créneaux disponibles',
        'dayLabel(full, 0)': 'D, complet',
        'dayLabel(closed, 0)': 'D, fermé',
        'dayLabel(past, 0)': 'D, passé',
        'wrong(0)': 'Ce code n’est pas correct. 0 essai restant.',
        'wrong(1)': 'Ce code n’est pas correct. 1 essai restant.',
        'wrong(3)': 'Ce code n’est pas correct. 3 essais restants.',
        'reminderHours(1)': 'Me le rappeler par e-mail 1 heure avant',
        'reminderHours(24)': 'Me le rappeler par e-mail 24 heures avant',
      },
    ],
    [
      'de',
      de,
      {
        'changesLeft(1)': 'Noch 1 Änderung möglich',
        'changesLeft(2)': 'Noch 2 Änderungen möglich',
        'dayLabel(available, 1)': 'D, 1 freier Termin',
        'dayLabel(available, 5)': 'D, 5 freie Termine',
        'dayLabel(full, 0)': 'D, ausgebucht',
        'dayLabel(closed, 0)': 'D, geschlossen',
        'dayLabel(past, 0)': 'D, vergangen',
        'wrong(0)': 'Dieser Code ist nicht richtig. Sie haben noch 0 Versuche.',
        'wrong(1)': 'Dieser Code ist nicht richtig. Sie haben noch 1 Versuch.',
        'wrong(3)': 'Dieser Code ist nicht richtig. Sie haben noch 3 Versuche.',
        'reminderHours(1)': '1 Stunde vorher per E-Mail erinnern',
        'reminderHours(24)': '24 Stunden vorher per E-Mail erinnern',
      },
    ],
    [
      'es',
      es,
      {
        'changesLeft(1)': 'Queda 1 cambio',
        'changesLeft(2)': 'Quedan 2 cambios',
        'dayLabel(available, 1)': 'D, 1 horario libre',
        'dayLabel(available, 5)': 'D, 5 horarios libres',
        'dayLabel(full, 0)': 'D, completo',
        'dayLabel(closed, 0)': 'D, cerrado',
        'dayLabel(past, 0)': 'D, pasado',
        'wrong(0)': 'El código no es correcto. Quedan 0 intentos.',
        'wrong(1)': 'El código no es correcto. Queda 1 intento.',
        'wrong(3)': 'El código no es correcto. Quedan 3 intentos.',
        'reminderHours(1)': 'Recordármelo por correo 1 hora antes',
        'reminderHours(24)': 'Recordármelo por correo 24 horas antes',
      },
    ],
    [
      'pt',
      pt,
      {
        'changesLeft(1)': 'Resta 1 alteração',
        'changesLeft(2)': 'Restam 2 alterações',
        'dayLabel(available, 1)': 'D, 1 horário livre',
        'dayLabel(available, 5)': 'D, 5 horários livres',
        'dayLabel(full, 0)': 'D, esgotado',
        'dayLabel(closed, 0)': 'D, fechado',
        'dayLabel(past, 0)': 'D, passado',
        'wrong(0)': 'Este código não está correto. Restam 0 tentativas.',
        'wrong(1)': 'Este código não está correto. Resta 1 tentativa.',
        'wrong(3)': 'Este código não está correto. Restam 3 tentativas.',
        'reminderHours(1)': 'Enviar-me um lembrete por e-mail 1 hora antes',
        'reminderHours(24)': 'Enviar-me um lembrete por e-mail 24 horas antes',
      },
    ],
  ])('%s', (_tag, m, expected) => {
    const actual: Record<string, string> = {
      'changesLeft(1)': m.manage.changesLeft(1),
      'changesLeft(2)': m.manage.changesLeft(2),
      'dayLabel(available, 1)': m.book.dayLabel(date, 'available', 1),
      'dayLabel(available, 5)': m.book.dayLabel(date, 'available', 5),
      'dayLabel(full, 0)': m.book.dayLabel(date, 'full', 0),
      'dayLabel(closed, 0)': m.book.dayLabel(date, 'closed', 0),
      'dayLabel(past, 0)': m.book.dayLabel(date, 'past', 0),
      'wrong(0)': m.verify.wrong(0),
      'wrong(1)': m.verify.wrong(1),
      'wrong(3)': m.verify.wrong(3),
    };
    if (m !== en) actual['reminderHours(1)'] = m.details.reminderHours(1);
    actual['reminderHours(24)'] = m.details.reminderHours(24);
    expect(actual).toEqual(expected);
  });

  it.each(translations)('%s buttons: Pay, the down payment and Finish', (_tag, m) => {
    const labels = {
      fr: ['Payer €40.00', 'Acompte de €10.00', 'Terminer'],
      de: ['€40.00 bezahlen', 'Anzahlung €10.00', 'Abschließen'],
      es: ['Pagar €40.00', 'Anticipo de €10.00', 'Finalizar'],
      pt: ['Pagar €40.00', 'Sinal de €10.00', 'Concluir'],
    };
    expect([m.details.pay('€40.00'), m.details.deposit('€10.00'), m.details.finish]).toEqual(
      labels[m.lang as keyof typeof labels],
    );
  });
});
