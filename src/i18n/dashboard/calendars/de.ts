import type { CalendarsMessages } from './en.ts';

export const de: CalendarsMessages = {
  title: 'Belegte Zeiten aus anderen Kalendern',
  labels: { label: 'Name', url: 'Kalenderadresse (iCalendar-URL)' },
  intro:
    'Abonnieren Sie die Kalender, die diese Person bereits führt (die geheime Adresse eines Google-Kalenders, einen veröffentlichten Outlook-Kalender, einen beliebigen iCalendar-Link): Deren Termine sind nicht buchbar.',
  onRefresh: 'Jeder wird beim Hinzufügen abgerufen und wenn Sie „Jetzt aktualisieren“ drücken.',
  polled: (minutes) => `Jeder wird beim Hinzufügen abgerufen, danach alle ${minutes} Minuten.`,
  empty: 'Keine Kalender abonniert.',
  caption: 'Abonnierte Kalender',
  address: 'Adresse',
  state: 'Zustand',
  lastFetched: (when) => `Zuletzt abgerufen: ${when}`,
  never: 'nie',
  busyTimes: (n) => `, ${n} ${n === 1 ? 'belegte Zeit' : 'belegte Zeiten'}`,
  lastTryFailed: (error) => `Letzter Versuch fehlgeschlagen: ${error}`,
  goodCopyKept: ' (die letzte gute Kopie bleibt erhalten)',
  refresh: 'Jetzt aktualisieren',
  refreshOne: (label) => `${label} jetzt aktualisieren`,
  removeOne: (label) => `${label} entfernen`,
  addTitle: 'Kalender abonnieren',
  labelHint: 'Optional, z. B. „Privat“.',
  urlHint:
    'https://…; in Google Kalender: Einstellungen, der Kalender, „Privatadresse im iCal-Format“. Bleibt geheim: Sie wird nicht noch einmal angezeigt.',
  subscribe: 'Abonnieren',
  refused: 'Der Kalender wurde nicht hinzugefügt',
  done: {
    added: 'Der Kalender ist abonniert und abgerufen: Seine belegten Zeiten sind nicht mehr buchbar.',
    refreshed: 'Der Kalender ist erneut abgerufen.',
    failed: 'Der Kalender konnte nicht abgerufen werden: Sehen Sie unten seinen Zustand.',
    removed: 'Der Kalender ist entfernt: Seine belegten Zeiten sind wieder buchbar.',
  },
};
