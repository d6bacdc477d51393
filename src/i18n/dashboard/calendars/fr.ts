import type { CalendarsMessages } from './en.ts';

export const fr: CalendarsMessages = {
  title: 'Heures occupées d’autres agendas',
  labels: { label: 'Nom', url: 'Adresse de l’agenda (URL iCalendar)' },
  intro:
    'Abonnez-vous aux agendas que cette personne tient déjà (l’adresse secrète d’un agenda Google, un calendrier Outlook publié, tout lien iCalendar) : leurs événements ne sont pas réservables.',
  onRefresh: 'Chacun est récupéré à l’ajout et quand vous appuyez sur « Actualiser ».',
  polled: (minutes) => `Chacun est récupéré à l’ajout, puis toutes les ${minutes} minutes.`,
  empty: 'Aucun agenda abonné.',
  caption: 'Agendas abonnés',
  address: 'Adresse',
  state: 'État',
  lastFetched: (when) => `Dernière récupération : ${when}`,
  never: 'jamais',
  busyTimes: (n) => `, ${n} ${n <= 1 ? 'plage occupée' : 'plages occupées'}`,
  lastTryFailed: (error) => `Dernier essai en échec : ${error}`,
  goodCopyKept: ' (la dernière copie valable est conservée)',
  refresh: 'Actualiser',
  refreshOne: (label) => `Actualiser ${label} maintenant`,
  removeOne: (label) => `Supprimer ${label}`,
  addTitle: 'S’abonner à un agenda',
  labelHint: 'Facultatif, par ex. « Personnel ».',
  urlHint:
    'https://… ; dans Google Agenda : Paramètres, l’agenda, « Adresse secrète au format iCal ». Gardée secrète : elle n’est plus affichée.',
  subscribe: 'S’abonner',
  refused: 'L’agenda n’a pas été ajouté',
  done: {
    added: 'L’agenda est abonné et récupéré : ses heures occupées ne sont plus réservables.',
    refreshed: 'L’agenda est récupéré à nouveau.',
    failed: 'L’agenda n’a pas pu être récupéré : voyez son état ci-dessous.',
    removed: 'L’agenda est supprimé : ses heures occupées sont de nouveau réservables.',
  },
};
