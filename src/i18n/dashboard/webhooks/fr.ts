import type { WebhooksMessages } from './en.ts';

export const fr: WebhooksMessages = {
  title: 'Webhooks',
  webhook: 'Webhook',
  intro:
    'Slotwise prévient d’autres systèmes quand une réservation est confirmée, déplacée, annulée ou payée, en envoyant un POST signé à l’URL de chaque webhook. Chaque tentative est conservée dans le journal des envois du webhook.',
  registered: 'Webhooks enregistrés',
  none: 'Aucun webhook pour l’instant : ajoutez-en un ci-dessous.',
  columns: { url: 'URL', events: 'Évènements', state: 'État', last: 'Dernier envoi' },
  nothingSent: 'Rien n’a encore été envoyé',
  add: 'Ajouter un webhook',
  notAdded: 'Le webhook n’a pas pu être ajouté',
  addButton: 'Ajouter le webhook',
  active: 'Actif',
  off: 'Désactivé',
  events: {
    'booking.confirmed': 'une réservation est confirmée (réservée, vérifiée ou payée)',
    'booking.rescheduled': 'une réservation confirmée change d’heure ou de membre de l’équipe',
    'booking.cancelled': 'une réservation confirmée est annulée',
    'booking.paid': 'un paiement (total ou acompte) arrive',
    'payment.unapplied':
      'un paiement arrive qui ne peut pas être imputé à sa réservation (à rembourser ou à réaffecter)',
    'waitlist.offered': 'un horaire libéré est proposé au client suivant de la liste d’attente',
  },
  eventWhen: (what) => `— quand ${what}`,
  fields: { url: 'URL', events: 'Évènements', description: 'Description' },
  hints: {
    url: 'Où Slotwise envoie un POST signé pour chaque évènement : une adresse http ou https.',
    description: 'Facultatif, 200 caractères au plus : ce qui reçoit les évènements, par ex. « Synchro comptabilité ».',
  },
  activeLabel:
    'Actif : envoyer les évènements de réservation à cette URL (un évènement de test est envoyé dans tous les cas)',
  done: {
    deleted: 'Le webhook est supprimé : plus rien ne lui est envoyé.',
    created:
      'Le webhook est ajouté. Copiez son secret de signature ci-dessous dans votre récepteur, et vérifiez la signature de chaque requête comme l’explique « Vérifier la signature » ci-dessous.',
    saved: 'Vos modifications sont enregistrées.',
    rotated:
      'Le secret est renouvelé : l’ancien ne signe plus rien. Mettez le nouveau, ci-dessous, dans votre récepteur.',
    test: 'Un évènement de test est en file d’attente. Il apparaît dans le journal des envois d’ici quelques secondes : rechargez la page pour le voir.',
  },
  errors: {
    description: 'La description doit compter au plus 200 caractères de texte brut.',
    noUrl: 'Indiquez l’adresse à laquelle les évènements sont envoyés, par ex. https://example.com/hooks/slotwise.',
    urlMust: (problem) => `L’URL doit être ${problem}.`,
    urlProblems: {
      'an absolute http or https URL': 'une URL http ou https absolue',
      'an http or https URL': 'une URL http ou https',
      'a URL with a host': 'une URL avec un hôte',
      'a URL without a user name or password': 'une URL sans nom d’utilisateur ni mot de passe',
    },
    noEvent: 'Choisissez au moins un évènement.',
    fewer: 'Choisissez moins d’évènements.',
    fromList: 'Choisissez des évènements de la liste.',
  },
  refusal: {
    forbidden: 'Non autorisé',
    forbiddenText:
      'Les webhooks sont gérés par un administrateur. Demandez à un administrateur de l’entreprise si quelque chose doit changer.',
    backToCalendar: 'Retour à l’agenda',
    notFound: 'Webhook introuvable',
    notFoundText: 'Il a peut-être été supprimé.',
    all: 'Tous les webhooks',
    failed: 'Cela n’a pas fonctionné',
  },
  edit: {
    crumb: 'ce webhook',
    named: (description) => `Webhook « ${description} »`,
    toHost: (host) => `Webhook vers ${host}`,
    notSaved: 'Le webhook n’a pas pu être enregistré',
    added: (when) => `Ajouté le ${when}.`,
    secret: 'Secret de signature',
    secretIntro: 'Votre récepteur utilise ce secret pour vérifier qu’une requête vient bien de Slotwise :',
    howToCheck: 'comment vérifier la signature',
    secretKeep: 'Ne le mettez ni dans un dépôt de code ni dans des journaux.',
    showSecret: 'Afficher le secret',
    rotateWarning:
      'Renouveler crée aussitôt un nouveau secret : l’actuel cesse immédiatement de signer (y compris les nouvelles tentatives d’évènements antérieurs), mettez donc le nouveau dans votre récepteur juste après.',
    rotate: 'Renouveler le secret',
    test: 'Envoyer un évènement de test',
    testHelpStart: 'Envoie un évènement signé',
    testHelpEnd:
      'à l’URL (même si le webhook est désactivé), par la même file, la même signature et le même journal que les évènements de réservation. Il apparaît dans le journal ci-dessous d’ici quelques secondes.',
    change: 'Modifier le webhook',
    save: 'Enregistrer les modifications',
    delete: 'Supprimer le webhook',
    deleteWarning:
      'Supprimer arrête aussitôt tout envoi vers cette URL, abandonne ceux qui attendent une nouvelle tentative et efface le journal des envois. Pour suspendre les envois, décochez plutôt « Actif » ci-dessus.',
    deleteButton: 'Supprimer le webhook',
  },
  log: {
    title: 'Journal des envois',
    noOlder: 'Aucune tentative plus ancienne.',
    nothing: 'Rien n’a encore été envoyé. Envoyez un évènement de test pour essayer l’URL.',
    caption: (zone) =>
      `Chaque tentative, la plus récente en premier ; heures de ${zone}. Rechargez pour voir les nouvelles tentatives.`,
    columns: {
      when: 'Quand',
      event: 'Évènement',
      eventId: 'Id de l’évènement',
      attempt: 'Tentative',
      result: 'Résultat',
      took: 'Durée',
    },
    delivered: 'Remis',
    failed: (error) => `Échec : ${error}`,
    pages: 'Pages du journal des envois',
    newest: 'Tentatives les plus récentes',
    older: 'Tentatives plus anciennes',
  },
  signing: {
    title: 'Vérifier la signature',
    intro: 'Chaque envoi est un POST avec un corps JSON et ces en-têtes :',
    timestamp: ' : l’heure de la tentative, en secondes Unix ;',
    signature: ', en hexadécimal, avec pour clé le secret entier (',
    signatureEnd: ') ;',
    event: ' : l’évènement, et',
    delivery: ' : l’id de l’évènement, le même à chaque nouvelle tentative, pour pouvoir ignorer une répétition.',
    rules:
      'Calculez le HMAC sur le corps brut tel que reçu, avant d’analyser le JSON ; comparez-le en temps constant ; refusez un horodatage à plus de 5 minutes de votre horloge. Répondez par un 2xx en moins de 10 secondes : toute autre réponse (une redirection aussi) est retentée après 30 s, 1 min, 2 min … jusqu’à 10 tentatives.',
    example: 'Un exemple en Node.js',
    docs: 'La description complète est dans docs/WEBHOOKS.md du projet, « Checking the signature ».',
  },
};
