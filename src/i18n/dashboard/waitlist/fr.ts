import type { WaitlistMessages } from './en.ts';

export const fr: WaitlistMessages = {
  title: 'Liste d’attente',
  dayForm: 'Jour de la liste d’attente',
  date: 'Date',
  show: 'Afficher',
  nobody: 'Personne n’attend ce jour-là.',
  columns: { client: 'Client', times: 'Horaires', seats: 'Places', status: 'État', offered: 'Proposé' },
  anyTime: 'à toute heure',
  statuses: { waiting: 'en attente', booked: 'réservé', left: 'parti' },
};
