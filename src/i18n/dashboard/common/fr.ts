import type { CommonMessages } from './en.ts';

export const fr: CommonMessages = {
  intlLocale: 'fr-FR',
  lang: 'fr',
  skipToContent: 'Aller au contenu',
  pageTitle: (page, business) => `${page} — tableau de bord ${business}`,
  navLabel: 'Tableau de bord',
  nav: {
    calendar: 'Agenda',
    bookings: 'Réservations',
    reports: 'Rapports',
    services: 'Prestations',
    resources: 'Ressources',
    staff: 'Équipe',
    mySchedule: 'Mon planning',
    settings: 'Réglages',
    webhooks: 'Webhooks',
    account: 'Compte',
  },
  apiKey: 'Clé d’API',
  signOut: 'Se déconnecter',
  language: {
    title: 'Langue du tableau de bord',
    label: 'Langue',
    browser: 'Celle de mon navigateur',
    hint: 'Le tableau de bord vous parle dans cette langue ; les clients reçoivent les pages et les e-mails dans la leur.',
    save: 'Enregistrer la langue',
    saved: 'La langue de votre tableau de bord est enregistrée.',
  },
  shared: {
    notFound: 'Introuvable',
    notAllowed: 'Non autorisé',
    notPossible: 'Impossible',
    noSuchPage: 'Cette page n’existe pas, ou vous n’y avez pas accès.',
    askAdmin: (message) => `${message} Demandez à un administrateur si un changement est nécessaire ici.`,
    backToCalendar: 'Retour à l’agenda',
  },
};
