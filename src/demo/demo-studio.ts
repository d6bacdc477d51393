/**
 * The demo studio `npm start` loads into an empty database: a photo studio in Lisbon with three
 * services (paid with a deposit, paid without, free), three photographers (one offers a single
 * service), realistic hours, a day off next week and a few bookings in the coming days. The
 * photographers share one studio room for portraits (two portraits never overlap, whoever takes
 * them); headshots are taken in a corner that needs no room (SPEC §8.4).
 */

import type { Setup } from '../app/setup-schema.ts';
import { addDays, dateOf } from '../core/index.ts';

export const DEMO_ZONE = 'Europe/Lisbon';

/**
 * The demo's dashboard sign-in, printed at start-up: the admin, and the three photographers as
 * staff. A fixed, public password: the demo is for trying on one's own machine, not for serving.
 */
/** Every demo account's email is at this domain (a reserved .test name: no real mailbox has it). */
export const DEMO_EMAIL_DOMAIN = 'lumen.test';
export const DEMO_ADMIN_EMAIL = `admin@${DEMO_EMAIL_DOMAIN}`;
export const DEMO_PASSWORD = 'lumen-demo-2027';

type StaffHours = NonNullable<NonNullable<Setup['staff']>[number]['hours']>;

/** The set-up of the demo, with days off placed relative to `now`. */
export function demoSetup(now: number): Setup {
  const today = dateOf(now, DEMO_ZONE);
  const weekdays = {
    mon: [
      ['09:00', '13:00'],
      ['14:00', '18:00'],
    ],
    tue: [
      ['09:00', '13:00'],
      ['14:00', '18:00'],
    ],
    wed: [
      ['09:00', '13:00'],
      ['14:00', '18:00'],
    ],
    thu: [
      ['09:00', '13:00'],
      ['14:00', '18:00'],
    ],
    fri: [
      ['09:00', '13:00'],
      ['14:00', '17:00'],
    ],
  } satisfies StaffHours;
  return {
    business: {
      name: 'Lumen Photo Studio',
      timezone: DEMO_ZONE,
      currency: 'EUR',
      locale: 'en',
      // SPEC §12: per language; the studio is in Lisbon, its pages speak Portuguese too.
      staffLabel: { en: 'Choose photographer', pt: 'Escolha o fotógrafo' },
      ownerEmail: 'owner@lumen.test',
      slotStepMinutes: 30,
      gapMinutes: 0,
      minNoticeMinutes: 120,
      horizonDays: 120,
      defaultRescheduleLimit: 3,
    },
    resources: [{ key: 'studio-room', name: 'Studio room' }],
    services: [
      {
        key: 'portrait-session',
        name: { en: 'Portrait session', pt: 'Sessão de retrato' },
        description: {
          en: 'One hour in the studio, 10 retouched photos.',
          pt: 'Uma hora no estúdio, 10 fotografias retocadas.',
        },
        durationMinutes: 60,
        price: '120.00',
        deposit: '30.00',
        color: '#b4532a',
        rescheduleLimit: 2,
        bufferAfterMinutes: 15,
        resources: ['studio-room'],
        // SPEC §10.1: asked on the details page; the health answer is sealed and shown to staff only.
        questions: [
          {
            key: 'people',
            type: 'number',
            label: {
              en: 'How many people will be in the photos?',
              fr: 'Combien de personnes seront sur les photos ?',
              de: 'Wie viele Personen werden auf den Fotos sein?',
              es: '¿Cuántas personas saldrán en las fotos?',
              pt: 'Quantas pessoas vão aparecer nas fotografias?',
            },
            required: false,
            sensitive: false,
          },
          {
            key: 'health',
            type: 'longText',
            label: {
              en: 'Anything we should know about your health or mobility?',
              fr: 'Devons-nous savoir quelque chose sur votre santé ou votre mobilité ?',
              de: 'Sollten wir etwas über Ihre Gesundheit oder Mobilität wissen?',
              es: '¿Hay algo que debamos saber sobre su salud o movilidad?',
              pt: 'Há algo que devamos saber sobre a sua saúde ou mobilidade?',
            },
            required: false,
            sensitive: true,
          },
        ],
        // SPEC §10.2: free up to 48 h before, the deposit kept up to 24 h, nothing back after.
        cancellationPolicy: [
          { untilHoursBefore: 48, refund: 'full' },
          { untilHoursBefore: 24, refund: 'deposit_kept' },
          { untilHoursBefore: 0, refund: 'none' },
        ],
      },
      {
        key: 'headshot-express',
        name: { en: 'Headshot express', pt: 'Retrato profissional expresso' },
        description: {
          en: 'Twenty minutes, three retouched headshots for your profile.',
          pt: 'Vinte minutos, três retratos retocados para o seu perfil.',
        },
        durationMinutes: 20,
        price: '45.00',
        color: '#2a6fb4',
      },
      {
        key: 'free-consultation',
        name: { en: 'Free consultation', pt: 'Consulta gratuita' },
        description: {
          en: 'Plan a shoot with a photographer: 30 minutes, no charge.',
          pt: 'Planeie uma sessão com um fotógrafo: 30 minutos, sem custos.',
        },
        durationMinutes: 30,
        price: '0',
        color: '#3d8b5a',
        // SPEC §9.2: clients may book it as a recurring series (weekly, every two weeks, monthly).
        allowRepeat: true,
      },
      {
        // A group session (SPEC §9.1): eight seats, a client may bring a friend.
        key: 'lighting-workshop',
        name: { en: 'Studio lighting workshop', pt: 'Workshop de iluminação de estúdio' },
        description: {
          en: 'Three hours with our lights and your camera, in a group of eight.',
          pt: 'Três horas com as nossas luzes e a sua câmara, num grupo de oito.',
        },
        durationMinutes: 180,
        price: '35.00',
        color: '#8a4fb4',
        capacity: 8,
        maxSeatsPerBooking: 2,
        // It runs in the studio room, which a session holds once, whatever its seats (decision 035).
        resources: ['studio-room'],
      },
    ],
    staff: [
      {
        key: 'ana',
        name: 'Ana Ribeiro',
        email: 'ana@lumen.test',
        bio: 'Portraits in natural light, in the studio or out in Alfama. Speaks Portuguese, English and French.',
        services: ['portrait-session', 'headshot-express', 'free-consultation'],
        hours: { ...weekdays, sat: [['10:00', '14:00']] },
        daysOff: [{ from: addDays(today, 8), to: addDays(today, 9), note: 'Wedding shoot out of town' }],
      },
      {
        key: 'tomas',
        name: 'Tomás Silva',
        email: 'tomas@lumen.test',
        bio: 'Lighting nerd: he runs the Saturday workshop and shoots evening portraits.',
        services: ['portrait-session', 'free-consultation', 'lighting-workshop'],
        hours: {
          tue: [['12:00', '20:00']],
          wed: [['12:00', '20:00']],
          thu: [['12:00', '20:00']],
          fri: [['12:00', '20:00']],
          sat: [['10:00', '16:00']],
        },
      },
      {
        key: 'mei',
        name: 'Mei Tanaka',
        email: 'mei@lumen.test',
        bio: 'Fast, friendly headshots before work: in and out in twenty minutes.',
        services: ['headshot-express'],
        slotStepMinutes: 20,
        hours: { mon: [['08:00', '12:00']], wed: [['08:00', '12:00']], fri: [['08:00', '12:00']] },
      },
    ],
    admins: [{ email: DEMO_ADMIN_EMAIL, password: DEMO_PASSWORD }],
  };
}

/** A few bookings spread over the next days: which service, how many days ahead, whom for. */
export const DEMO_BOOKINGS: readonly { service: string; daysAhead: number; nth: number; client: string }[] = [
  { service: 'portrait-session', daysAhead: 1, nth: 1, client: 'Inês Costa' },
  { service: 'headshot-express', daysAhead: 1, nth: 3, client: 'Rui Almeida' },
  { service: 'portrait-session', daysAhead: 2, nth: 2, client: 'Sofia Martins' },
  { service: 'free-consultation', daysAhead: 3, nth: 0, client: 'João Pereira' },
  { service: 'headshot-express', daysAhead: 4, nth: 1, client: 'Beatriz Lopes' },
];
