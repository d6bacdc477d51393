import type { ReportsMessages } from './en.ts';

export const fr: ReportsMessages = {
  title: 'Rapports',
  fields: { from: 'Du', to: 'Au (inclus)', staff: 'Membre de l’équipe' },
  checkRange: 'Veuillez vérifier la période',
  rangeLabel: 'Période du rapport',
  everyone: 'Tout le monde',
  show: 'Afficher',
  download: 'Télécharger en CSV',
  range: (from, to) => `Du ${from} au ${to}`,
  totals: {
    bookings: 'Réservations',
    noShows: 'Absences',
    cancellations: 'Annulations',
    paid: 'Chiffre d’affaires (payé)',
    due: 'Reste dû',
    utilisation: 'Taux d’occupation',
  },
  explain: (zone) =>
    `Dates et semaines en heure de ${zone} ; une semaine commence le lundi. Une réservation compte dans la semaine où elle commence ; les absences sont aussi des réservations. Le chiffre d’affaires est ce qui a été payé, plus ce que les annulations ont conservé. Le taux d’occupation rapporte le temps réservé au temps de travail (horaires hebdomadaires, horaires par date, congés et blocages).`,
  otherCurrencies: (list) => ` Prestations facturées dans d’autres devises : ${list}.`,
  otherPaid: (amount) => `${amount} payés`,
  charts: {
    bookings: 'Réservations par semaine',
    revenue: (currency) => `Chiffre d’affaires par semaine (${currency})`,
    utilisation: 'Taux d’occupation par semaine (%)',
    staff: 'Par membre de l’équipe',
  },
  columns: {
    weekOf: 'Semaine du',
    bookings: 'Réservations',
    noShows: 'Absences',
    cancellations: 'Annulations',
    paid: 'Payé',
    due: 'Dû',
    utilisation: 'Taux d’occupation (%)',
    bookedHours: 'Heures réservées',
    workingHours: 'Heures de travail',
    staff: 'Membre de l’équipe',
    paidIn: (currency) => `Payé (${currency})`,
  },
  chartLabel: (title) => `${title} : graphique ; le tableau à côté donne les chiffres`,
};
