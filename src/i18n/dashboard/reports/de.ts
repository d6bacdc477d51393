import type { ReportsMessages } from './en.ts';

export const de: ReportsMessages = {
  title: 'Berichte',
  fields: { from: 'Von', to: 'Bis (einschließlich)', staff: 'Teammitglied' },
  checkRange: 'Bitte prüfen Sie den Zeitraum',
  rangeLabel: 'Zeitraum des Berichts',
  everyone: 'Alle',
  show: 'Anzeigen',
  download: 'CSV herunterladen',
  range: (from, to) => `${from} bis ${to}`,
  totals: {
    bookings: 'Buchungen',
    noShows: 'Nichterscheinen',
    cancellations: 'Stornierungen',
    paid: 'Umsatz (bezahlt)',
    due: 'Noch offen',
    utilisation: 'Auslastung',
  },
  explain: (zone) =>
    `Daten und Wochen in ${zone}; eine Woche beginnt am Montag. Eine Buchung zählt in der Woche, in der sie beginnt; Nichterscheinen sind auch Buchungen. Umsatz ist, was bezahlt wurde, und was bei Stornierungen einbehalten wurde. Auslastung ist gebuchte Zeit im Verhältnis zur Arbeitszeit (Wochenzeiten, Zeiten für bestimmte Tage, freie Tage und Sperren).`,
  otherCurrencies: (list) => ` Leistungen in anderen Währungen: ${list}.`,
  otherPaid: (amount) => `${amount} bezahlt`,
  charts: {
    bookings: 'Buchungen pro Woche',
    revenue: (currency) => `Umsatz pro Woche (${currency})`,
    utilisation: 'Auslastung pro Woche (%)',
    staff: 'Pro Teammitglied',
  },
  columns: {
    weekOf: 'Woche ab',
    bookings: 'Buchungen',
    noShows: 'Nichterscheinen',
    cancellations: 'Stornierungen',
    paid: 'Bezahlt',
    due: 'Offen',
    utilisation: 'Auslastung (%)',
    bookedHours: 'Gebuchte Stunden',
    workingHours: 'Arbeitsstunden',
    staff: 'Teammitglied',
    paidIn: (currency) => `Bezahlt (${currency})`,
  },
  chartLabel: (title) => `${title}: Diagramm; die Tabelle daneben enthält die Zahlen`,
};
