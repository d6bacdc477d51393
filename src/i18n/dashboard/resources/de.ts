import type { ResourcesMessages } from './en.ts';

export const de: ResourcesMessages = {
  title: 'Ressourcen',
  labels: { name: 'Name', key: 'Schlüssel' },
  nameHint: 'Wie Ihr Team sie nennt, z. B. „Studioraum“.',
  keyHint: 'Wie die Einrichtungsdatei sie nennt: Buchstaben, Ziffern, „_“ oder „-“, z. B. studio-room.',
  intro:
    'Räume und Geräte, die Ihre Leistungen brauchen. Eine Buchung einer Leistung, die eine davon braucht, belegt sie für ihre Dauer (Pufferzeiten eingeschlossen): Nie belegen zwei Buchungen sie gleichzeitig, egal bei welchem Teammitglied.',
  empty: 'Noch keine Ressourcen.',
  neededBy: 'Gebraucht von',
  actions: 'Aktionen',
  noService: 'Keine Leistung',
  change: 'Ändern',
  changeOne: (name) => `${name} ändern`,
  remove: 'Entfernen',
  removeOne: (name) => `${name} entfernen`,
  addTitle: 'Ressource hinzufügen',
  add: 'Ressource hinzufügen',
  addRefused: 'Die Ressource wurde nicht hinzugefügt',
  editHeading: (name) => `„${name}“ ändern`,
  editRefused: 'Die Ressource wurde nicht gespeichert',
  save: 'Ressource speichern',
  cancel: 'Abbrechen',
  done: {
    added: 'Die Ressource ist hinzugefügt: Kreuzen Sie sie im Formular jeder Leistung an, die sie braucht.',
    saved: 'Die Ressource ist gespeichert.',
    removed: 'Die Ressource ist entfernt: Keine Leistung braucht sie mehr.',
  },
};
