/**
 * A small, fixed studio for use-case, HTTP and end-to-end tests (all dates absolute, in 2027).
 * Europe/Paris; Ana works Mon-Fri 09:00-12:00 and 13:00-17:00 and offers both services; Ben works
 * Mon-Sat 10:00-18:00 in America/New_York and offers only the portrait. Monday 2027-03-29 is after
 * Paris's clock change (UTC+2).
 */
import type { Setup } from '../../src/app/setup-schema.ts';

export const STUDIO: Setup = {
  business: {
    name: 'Test Studio',
    timezone: 'Europe/Paris',
    currency: 'EUR',
    staffLabel: 'Choose photographer',
    horizonDays: 400,
    slotStepMinutes: 30,
  },
  services: [
    { key: 'portrait', name: 'Portrait session', durationMinutes: 60, price: '120.00', deposit: '30.00' },
    { key: 'consult', name: 'Consultation', durationMinutes: 30, price: '0' },
  ],
  staff: [
    {
      key: 'ana',
      name: 'Ana',
      email: 'ana@studio.test',
      services: ['portrait', 'consult'],
      hours: {
        mon: [
          ['09:00', '12:00'],
          ['13:00', '17:00'],
        ],
        tue: [
          ['09:00', '12:00'],
          ['13:00', '17:00'],
        ],
        wed: [
          ['09:00', '12:00'],
          ['13:00', '17:00'],
        ],
        thu: [
          ['09:00', '12:00'],
          ['13:00', '17:00'],
        ],
        fri: [
          ['09:00', '12:00'],
          ['13:00', '17:00'],
        ],
      },
      daysOff: [{ from: '2027-04-05', to: '2027-04-09', note: 'Holiday' }],
    },
    {
      key: 'ben',
      name: 'Ben',
      email: 'ben@studio.test',
      timezone: 'America/New_York',
      services: ['portrait'],
      hours: {
        mon: [['10:00', '18:00']],
        tue: [['10:00', '18:00']],
        wed: [['10:00', '18:00']],
        thu: [['10:00', '18:00']],
        fri: [['10:00', '18:00']],
        sat: [['10:00', '18:00']],
      },
    },
  ],
};

/** "Now" for the studio tests: Friday 2027-03-26 12:00 in Paris (11:00Z, before the clock change). */
export const STUDIO_NOW = '2027-03-26T11:00:00Z';

/**
 * The studio with a group session (SPEC §9.1): a two-hour lighting workshop of 10 seats, at most 3
 * per booking, 20.00 a seat (5.00 deposit), given by Ana.
 */
export const WITH_WORKSHOP: Setup = {
  ...STUDIO,
  services: [
    ...(STUDIO.services ?? []),
    {
      key: 'workshop',
      name: 'Lighting workshop',
      durationMinutes: 120,
      price: '20.00',
      deposit: '5.00',
      capacity: 10,
      maxSeatsPerBooking: 3,
    },
  ],
  staff: (STUDIO.staff ?? []).map((m) =>
    m.key === 'ana' ? { ...m, services: [...(m.services ?? []), 'workshop'] } : m,
  ),
};

/** The studio where the portrait may be booked as a recurring series (SPEC §9.2); the consultation may not. */
export const WITH_REPEAT: Setup = {
  ...STUDIO,
  services: (STUDIO.services ?? []).map((s) => (s.key === 'portrait' ? { ...s, allowRepeat: true } : s)),
};
