import type { WaitlistMessages } from './en.ts';

export const de: WaitlistMessages = {
  title: 'Warteliste',
  dayForm: 'Tag der Warteliste',
  date: 'Datum',
  show: 'Anzeigen',
  nobody: 'An diesem Tag wartet niemand.',
  columns: { client: 'Kunde', times: 'Zeiten', seats: 'Plätze', status: 'Status', offered: 'Angeboten' },
  anyTime: 'jederzeit',
  statuses: { waiting: 'wartet', booked: 'gebucht', left: 'ausgetragen' },
};
