/**
 * French email wording (vouvoiement). Same shape as the English reference catalogue; French puts a
 * space before a colon. Phrases avoid "de" + a name, which would need elision ("d'Ana").
 */
import type { Messages } from './en.ts';

export const fr: Messages = {
  intlLocale: 'fr-FR',
  greeting: (name) => `Bonjour ${name},`,
  greetingNoName: 'Bonjour,',
  labels: {
    service: 'Prestation',
    staff: 'Avec',
    when: 'Date et heure',
    reference: 'Référence',
    price: 'Prix',
    free: 'Gratuit',
    paid: 'Déjà payé',
    notes: 'Remarques',
    reason: 'Motif',
    client: 'Client',
    email: 'E-mail',
    phone: 'Téléphone',
    yes: 'Oui',
    no: 'Non',
    refund: 'Règle d’annulation',
    refundDue: 'À rembourser',
    amountKept: 'Conservé',
  },
  refundKinds: {
    full: 'Remboursement intégral',
    deposit_kept: 'Acompte conservé',
    none: 'Aucun remboursement',
    none_online: 'Pas d’annulation en ligne',
  },
  booking: {
    client: {
      subject: {
        confirmed: (a) => `Réservation confirmée : ${a.service}, ${a.when} (${a.reference})`,
        rescheduled: (a) => `Réservation modifiée : ${a.service}, désormais ${a.when} (${a.reference})`,
        cancelled: (a) => `Réservation annulée : ${a.service}, ${a.when} (${a.reference})`,
        reminder: (a) => `Rappel : ${a.service}, ${a.when} (${a.reference})`,
      },
      intro: {
        confirmed: (a) => `Votre réservation chez ${a.business} est confirmée.`,
        rescheduled: (a) => `Votre réservation chez ${a.business} a été modifiée.`,
        cancelled: (a) => `Votre réservation chez ${a.business} a été annulée.`,
        reminder: (a) => `Nous vous rappelons votre prochaine réservation chez ${a.business}.`,
      },
    },
    team: {
      subject: {
        confirmed: (a) => `Nouvelle réservation : ${a.client}, ${a.service}, ${a.when} (${a.reference})`,
        rescheduled: (a) => `Réservation modifiée : ${a.client}, ${a.service}, désormais ${a.when} (${a.reference})`,
        cancelled: (a) => `Réservation annulée : ${a.client}, ${a.service}, ${a.when} (${a.reference})`,
        reminder: (a) => `Rappel : ${a.client}, ${a.service}, ${a.when} (${a.reference})`,
      },
      intro: {
        confirmed: (a) => `${a.client} a réservé ${a.service} avec ${a.staff}.`,
        rescheduled: (a) => `La réservation pour ${a.client} (${a.service}) a été modifiée.`,
        cancelled: (a) => `La réservation pour ${a.client} (${a.service}) a été annulée.`,
        reminder: (a) => `${a.client} a rendez-vous pour ${a.service} avec ${a.staff}.`,
      },
    },
    movedTime: (from, to) => `Date et heure : ${from} → ${to}`,
    movedStaff: (from, to) => `Avec : ${from} → ${to}`,
    // French counts 0 and 1 as singular.
    reschedule: (left) =>
      `Déplacer la réservation (${left < 2 ? `${left} modification restante` : `${left} modifications restantes`})`,
    cancel: 'Annuler la réservation',
    seriesLead: (n: number) => `Une série de ${n} rendez-vous, chacun avec son événement dans le calendrier :`,
    calendarAttached: 'Le fichier calendrier est joint : ouvrez-le pour ajouter la réservation à votre agenda.',
    calendarRemove: 'Ouvrez le fichier calendrier joint pour retirer la réservation de votre agenda.',
  },
  verification: {
    subject: (code, business) => `${code} est votre code pour ${business}`,
    intro: 'Saisissez ce code pour confirmer votre adresse e-mail et votre réservation :',
    valid: (minutes) => `Le code est valable ${minutes < 2 ? `${minutes} minute` : `${minutes} minutes`}.`,
    enterCode: 'Saisir le code',
    ignore: 'Si vous n’êtes pas à l’origine de cette demande, ignorez cet e-mail.',
  },
  unappliedPayment: {
    subject: (amount, reference) => `Paiement non appliqué : ${amount} pour ${reference}`,
    intro:
      'Le prestataire de paiement a signalé un paiement qui n’a pas pu être appliqué à cette réservation. L’argent a été encaissé : remboursez-le ou convenez de la réservation avec le client.',
    amount: 'Montant',
    transaction: 'Transaction',
    reasons: {
      amount_mismatch: 'Le montant n’est pas celui qui est dû.',
      hold_expired: 'Il est arrivé après la fin du délai de réservation.',
      booking_cancelled: 'La réservation avait été annulée.',
      already_paid: 'La réservation était déjà payée.',
      not_awaiting_payment: 'La réservation n’attendait pas de paiement.',
    },
    open: 'Ouvrir la réservation dans le tableau de bord',
  },
  manageLink: {
    subject: (reference, business) => `Votre réservation ${reference} chez ${business}`,
    intro:
      'Voici le lien vers votre réservation. Ouvrez-le pour voir si votre paiement est arrivé, pour payer à nouveau s’il n’a pas abouti, ou pour modifier votre réservation.',
    open: 'Ouvrir ma réservation',
    ignore: 'Si vous n’avez pas fait cette réservation, ignorez cet e-mail.',
  },
  waitlist: {
    offerSubject: (service, when) => `Un créneau s’est libéré pour vous : ${service}, ${when}`,
    offerIntro: (business) =>
      `Un créneau que vous attendiez chez ${business} s’est libéré. Il vous est réservé pour le moment.`,
    offerUntil: (until) => `Il vous est réservé jusqu’au ${until}. Ensuite, il passe à la personne suivante.`,
    accept: 'Accepter ou refuser ce créneau',
    joinedSubject: (business) => `Vous êtes sur la liste d’attente de ${business}`,
    joinedIntro: (date) =>
      `Vous êtes sur la liste d’attente pour le ${date}. Dès qu’un créneau correspondant se libère, nous vous écrivons.`,
    leave: 'Quitter la liste d’attente',
  },
  myBookings: {
    subject: (business) => `Vos réservations chez ${business}`,
    intro: (business) => `Vous avez demandé un lien vers vos réservations chez ${business}.`,
    open: 'Voir mes réservations',
    valid: (minutes) =>
      `Le lien ne fonctionne qu’une fois, pendant ${minutes < 2 ? `${minutes} minute` : `${minutes} minutes`}.`,
    ignore:
      'Si vous n’êtes pas à l’origine de cette demande, ignorez cet e-mail : personne ne peut voir vos réservations sans ce lien.',
  },
  calendar: {
    summary: (service, staff) => `${service} avec ${staff}`,
    reference: (reference) => `Référence ${reference}.`,
    manage: (url) => `Modifier ou annuler : ${url}`,
  },
};
