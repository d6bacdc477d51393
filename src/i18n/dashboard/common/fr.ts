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
  words: {
    notFound: 'Introuvable',
    notAllowed: 'Non autorisé',
    notPossible: 'Impossible',
    noSuchPage: 'Cette page n’existe pas, ou vous ne pouvez pas la voir.',
    askAnAdmin: (reason) => `${reason} Demandez à un administrateur si vous avez besoin d’un changement ici.`,
    backToCalendar: 'Retour à l’agenda',
    pagesNeedSession: 'Les pages du tableau de bord demandent une session connectée, pas une clé d’API.',
    formExpired:
      'Ce formulaire a expiré ou ne vient pas de ce site. Revenez en arrière, rechargez la page et réessayez.',
  },
};
