import type { CommonMessages } from './en.ts';

export const de: CommonMessages = {
  intlLocale: 'de-DE',
  lang: 'de',
  skipToContent: 'Zum Inhalt springen',
  pageTitle: (page, business) => `${page} — Dashboard ${business}`,
  navLabel: 'Dashboard',
  nav: {
    calendar: 'Kalender',
    bookings: 'Buchungen',
    reports: 'Berichte',
    services: 'Leistungen',
    resources: 'Ressourcen',
    staff: 'Team',
    mySchedule: 'Mein Dienstplan',
    settings: 'Einstellungen',
    webhooks: 'Webhooks',
    account: 'Konto',
  },
  apiKey: 'API-Schlüssel',
  signOut: 'Abmelden',
  language: {
    title: 'Sprache des Dashboards',
    label: 'Sprache',
    browser: 'Wie mein Browser es wünscht',
    hint: 'Das Dashboard spricht diese Sprache mit Ihnen; Kunden erhalten Seiten und E-Mails in ihrer eigenen.',
    save: 'Sprache speichern',
    saved: 'Die Sprache Ihres Dashboards ist gespeichert.',
  },
  shared: {
    notFound: 'Nicht gefunden',
    notAllowed: 'Nicht erlaubt',
    notPossible: 'Nicht möglich',
    noSuchPage: 'Diese Seite gibt es nicht, oder Sie dürfen sie nicht sehen.',
    askAdmin: (message) => `${message} Wenden Sie sich an einen Administrator, wenn hier etwas geändert werden muss.`,
    backToCalendar: 'Zurück zum Kalender',
  },
};
