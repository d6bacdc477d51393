import type { SettingsMessages } from './en.ts';

export const fr: SettingsMessages = {
  title: 'Réglages',
  heading: 'Réglages de l’entreprise',
  saved: 'Les réglages sont enregistrés.',
  notSaved: 'Les réglages n’ont pas été enregistrés',
  save: 'Enregistrer les réglages',
  labels: {
    name: 'Nom de l’entreprise',
    timezone: 'Fuseau horaire',
    currency: 'Devise',
    locale: 'Langue par défaut',
    staffLabel: 'Intitulé de l’équipe',
    ownerEmail: 'E-mail du responsable',
    mailFrom: 'Expéditeur des e-mails',
    paymentUrl: 'Adresse de la page de paiement',
    paymentSecret: 'Secret de paiement',
    slotStepMinutes: 'Pas des créneaux, en minutes',
    gapMinutes: 'Battement entre deux réservations, en minutes',
    minNoticeMinutes: 'Délai de prévenance minimum, en minutes',
    horizonDays: 'Horizon de réservation, en jours',
    holdMinutes: 'Durée de blocage, en minutes',
    waitlistOfferMinutes: 'Offre de la liste d’attente, en minutes',
    defaultRescheduleLimit: 'Nombre maximum de déplacements',
    allowStaffChangeOnReschedule:
      'Les clients peuvent choisir un autre membre de l’équipe en déplaçant leur réservation',
    rescheduleNoticeHours: 'Délai pour déplacer, en heures',
    cancelNoticeHours: 'Délai pour annuler, en heures',
    reminderHours: 'Rappel, en heures avant le début',
    retainUnconfirmedDays: 'Conserver les coordonnées des réservations non confirmées, en jours',
    retainPastDays: 'Conserver les coordonnées des réservations passées, en jours',
    noShowLimit: 'Limite d’absences',
  },
  languages: {
    en: 'English (anglais)',
    fr: 'Français',
    de: 'Deutsch (allemand)',
    es: 'Español (espagnol)',
    pt: 'Português (portugais)',
  },
  groups: {
    business: 'Entreprise',
    emails: 'E-mails',
    payment: 'Paiement en ligne',
    times: 'Horaires de réservation',
    changes: 'Modifications par les clients',
    noShows: 'Absences',
    reminders: 'Rappels',
    data: 'Données des clients',
  },
  hints: {
    name: 'Affiché sur les pages de réservation et dans les e-mails.',
    timezone:
      'Où se trouve l’entreprise, par ex. Europe/Paris. Les horaires de l’équipe sont des heures locales de ce fuseau, sauf pour un membre qui a le sien.',
    currency:
      'Un code à trois lettres comme EUR, pour les prestations sans devise propre. Leurs montants restent les mêmes (120.00 EUR devient 120.00 USD).',
    locale: 'Pour les visiteurs dont le navigateur ne demande aucune des langues proposées.',
    staffLabel:
      'Le titre au-dessus du choix du membre de l’équipe sur la page de réservation, par ex. « Choisissez votre photographe ».',
    ownerEmail: 'Reçoit une copie de chaque e-mail de réservation. Laissez vide pour aucune.',
    mailFrom:
      'L’expéditeur des e-mails envoyés, par ex. « Studio Lumen <bookings@lumen.example> ». Laissez vide pour l’expéditeur du serveur.',
    slotStepMinutes: 'L’écart entre les heures de début proposées : 30 donne 09:00, 09:30, 10:00…',
    gapMinutes: 'Temps laissé libre entre deux réservations d’un même membre de l’équipe.',
    minNoticeMinutes:
      'Aucune réservation ne commence plus tôt que ce délai à partir de maintenant (120 = deux heures).',
    horizonDays: 'Jusqu’à quand les clients peuvent réserver à l’avance.',
    holdMinutes:
      'Combien de temps une réservation qui attend que le client confirme son e-mail ou paie garde son créneau.',
    waitlistOfferMinutes:
      'Combien de temps un horaire libéré, proposé au client suivant de la liste d’attente, lui est réservé.',
    defaultRescheduleLimit:
      'Combien de fois une réservation peut être déplacée, sauf si sa prestation en décide autrement.',
    rescheduleNoticeHours: 'Plus de déplacement passé ce délai avant le début (0 : jusqu’au début).',
    cancelNoticeHours: 'Plus d’annulation passé ce délai avant le début (0 : jusqu’au début).',
    noShowLimit:
      'Un client qui a autant de réservations marquées « absence » doit payer en ligne la totalité de sa prochaine réservation payante (sans acompte). 0 désactive la règle.',
    reminderHours: 'Les clients qui demandent un rappel reçoivent un e-mail ce délai avant leur réservation.',
    retainUnconfirmedDays:
      'Les réservations expirées ou jamais confirmées perdent le nom, l’e-mail, le téléphone, l’adresse et les notes du client ce nombre de jours après leur création.',
    retainPastDays:
      'Les réservations passées perdent les coordonnées du client ce nombre de jours après leur fin ; la réservation reste pour la comptabilité (horaires, prestation, équipe, montants). 0 les conserve.',
    paymentUrl:
      'La page de la passerelle de paiement vers laquelle les clients sont envoyés. Laissez vide pour ne prendre aucun paiement en ligne (les clients réservent alors sans payer).',
    secretStored: 'Un secret est enregistré : laissez vide pour le conserver.',
    noSecret: 'Aucun secret n’est enregistré.',
    paymentSecret:
      'La clé avec laquelle la passerelle et ce site signent les paiements, d’au moins 16 caractères. Elle n’est plus jamais affichée.',
    removeSecret:
      'Le paiement en ligne demande alors un nouveau secret ; effacez aussi l’adresse de la page de paiement.',
  },
  removeSecret: 'Supprimer le secret enregistré',
  noGateway:
    'La limite d’absences ne peut pas s’appliquer : il n’y a pas de paiement en ligne (indiquez ci-dessous l’adresse de la page de paiement et le secret), donc rien à faire payer d’avance au client.',
  freeServices: (list) => `Elle ne peut pas s’appliquer aux prestations gratuites, qui n’ont rien à payer : ${list}.`,
  problems: {
    required: 'obligatoire',
    'required when paymentUrl is set':
      'nécessaire quand une adresse de page de paiement est indiquée (la passerelle signe avec)',
    'type a new secret or tick “Remove the stored secret”, not both':
      'saisissez un nouveau secret ou cochez « Supprimer le secret enregistré », pas les deux',
    'at least 16 characters': 'au moins 16 caractères',
    'must be a whole number, such as 15': 'doit être un nombre entier, par ex. 15',
    'must be an email address, such as name@example.com': 'doit être une adresse e-mail, par ex. nom@example.com',
    'must be a web address starting with https://': 'doit être une adresse web commençant par https://',
    'not an IANA time zone (e.g. Europe/Paris)': 'n’est pas un fuseau horaire IANA (par ex. Europe/Paris)',
  },
  embed: {
    title: 'Intégrer à votre site web',
    intro: 'Collez cette balise là où le module de réservation doit apparaître. Donnez à',
    introEnd: 'le nom d’adresse d’une prestation, ou retirez-le pour afficher toutes les prestations.',
    allowed: 'Sites autorisés à l’afficher',
    thisSite: (origin) => `${origin} (ce site)`,
    none: 'Aucun site, pas même celui-ci',
    noOther:
      'Aucun autre site ne peut encore afficher les pages de réservation : ajoutez l’adresse de votre site au réglage',
    noOtherMiddle: 'du serveur (par ex.',
    noOtherEnd: ') puis redémarrez-le.',
  },
};
