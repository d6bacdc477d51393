/**
 * German email wording (Sie). Same shape as the English reference catalogue. Names are never put in
 * the genitive ("Anas Buchung" breaks on names ending in s): "die Buchung von …" instead.
 */
import type { Messages } from './en.ts';

export const de: Messages = {
  intlLocale: 'de-DE',
  greeting: (name) => `Hallo ${name},`,
  greetingNoName: 'Hallo,',
  labels: {
    service: 'Leistung',
    staff: 'Bei',
    when: 'Termin',
    reference: 'Buchungsnummer',
    price: 'Preis',
    free: 'Kostenlos',
    paid: 'Bereits bezahlt',
    notes: 'Anmerkungen',
    reason: 'Grund',
    client: 'Kunde',
    email: 'E-Mail',
    phone: 'Telefon',
    yes: 'Ja',
    no: 'Nein',
    refund: 'Stornoregel',
    refundDue: 'Zu erstatten',
    amountKept: 'Einbehalten',
  },
  refundKinds: {
    full: 'Volle Erstattung',
    deposit_kept: 'Anzahlung einbehalten',
    none: 'Keine Erstattung',
    none_online: 'Keine Online-Stornierung',
  },
  booking: {
    client: {
      subject: {
        confirmed: (a) => `Buchung bestätigt: ${a.service}, ${a.when} (${a.reference})`,
        rescheduled: (a) => `Buchung geändert: ${a.service}, jetzt ${a.when} (${a.reference})`,
        cancelled: (a) => `Buchung storniert: ${a.service}, ${a.when} (${a.reference})`,
        reminder: (a) => `Erinnerung: ${a.service}, ${a.when} (${a.reference})`,
      },
      intro: {
        confirmed: (a) => `Ihre Buchung bei ${a.business} ist bestätigt.`,
        rescheduled: (a) => `Ihre Buchung bei ${a.business} wurde geändert.`,
        cancelled: (a) => `Ihre Buchung bei ${a.business} wurde storniert.`,
        reminder: (a) => `Ihre Buchung bei ${a.business} steht bald an.`,
      },
    },
    team: {
      subject: {
        confirmed: (a) => `Neue Buchung: ${a.client}, ${a.service}, ${a.when} (${a.reference})`,
        rescheduled: (a) => `Buchung geändert: ${a.client}, ${a.service}, jetzt ${a.when} (${a.reference})`,
        cancelled: (a) => `Buchung storniert: ${a.client}, ${a.service}, ${a.when} (${a.reference})`,
        reminder: (a) => `Erinnerung: ${a.client}, ${a.service}, ${a.when} (${a.reference})`,
      },
      intro: {
        confirmed: (a) => `${a.client} hat ${a.service} bei ${a.staff} gebucht.`,
        rescheduled: (a) => `Die Buchung von ${a.client} für ${a.service} wurde geändert.`,
        cancelled: (a) => `Die Buchung von ${a.client} für ${a.service} wurde storniert.`,
        reminder: (a) => `${a.client} hat demnächst einen Termin für ${a.service} bei ${a.staff}.`,
      },
    },
    movedTime: (from, to) => `Termin: ${from} → ${to}`,
    movedStaff: (from, to) => `Bei: ${from} → ${to}`,
    reschedule: (left) => `Termin verschieben (noch ${left === 1 ? '1 Änderung' : `${left} Änderungen`} möglich)`,
    cancel: 'Buchung stornieren',
    seriesLead: (n: number) => `Eine Serie von ${n} Terminen, jeder mit eigenem Kalendereintrag:`,
    calendarAttached: 'Die Kalenderdatei ist angehängt: Öffnen Sie sie, um die Buchung in Ihren Kalender einzutragen.',
    calendarRemove: 'Öffnen Sie die angehängte Kalenderdatei, um die Buchung aus Ihrem Kalender zu entfernen.',
  },
  verification: {
    subject: (code, business) => `${code} ist Ihr Code für ${business}`,
    intro: 'Bitte geben Sie diesen Code ein, um Ihre E-Mail-Adresse und Ihre Buchung zu bestätigen:',
    valid: (minutes) => `Der Code ist ${minutes === 1 ? '1 Minute' : `${minutes} Minuten`} gültig.`,
    enterCode: 'Code eingeben',
    ignore: 'Wenn Sie diesen Code nicht angefordert haben, können Sie diese E-Mail ignorieren.',
  },
  unappliedPayment: {
    subject: (amount, reference) => `Zahlung nicht zugeordnet: ${amount} für ${reference}`,
    intro:
      'Der Zahlungsanbieter hat eine Zahlung gemeldet, die dieser Buchung nicht zugeordnet werden konnte. Das Geld wurde eingezogen: Erstatten Sie es oder klären Sie die Buchung mit dem Kunden.',
    amount: 'Betrag',
    transaction: 'Transaktion',
    reasons: {
      amount_mismatch: 'Der Betrag ist nicht der fällige Betrag.',
      hold_expired: 'Sie kam an, nachdem die Reservierungszeit abgelaufen war.',
      booking_cancelled: 'Die Buchung war storniert.',
      already_paid: 'Die Buchung war bereits bezahlt.',
      not_awaiting_payment: 'Die Buchung wartete nicht auf eine Zahlung.',
    },
    open: 'Buchung im Dashboard öffnen',
  },
  manageLink: {
    subject: (reference, business) => `Ihre Buchung ${reference} bei ${business}`,
    intro:
      'Hier ist der Link zu Ihrer Buchung. Öffnen Sie ihn, um zu sehen, ob Ihre Zahlung angekommen ist, um erneut zu zahlen, falls sie nicht geklappt hat, oder um Ihre Buchung zu ändern.',
    open: 'Buchung öffnen',
    ignore: 'Wenn Sie diese Buchung nicht vorgenommen haben, ignorieren Sie diese E-Mail.',
  },
  waitlist: {
    offerSubject: (service, when) => `Ein Termin ist für Sie frei: ${service}, ${when}`,
    offerIntro: (business) =>
      `Ein Termin, auf den Sie bei ${business} gewartet haben, ist frei geworden. Er wird vorerst für Sie freigehalten.`,
    offerUntil: (until) => `Er wird bis ${until} für Sie freigehalten. Danach geht er an die nächste wartende Person.`,
    accept: 'Termin annehmen oder ablehnen',
    joinedSubject: (business) => `Sie stehen auf der Warteliste bei ${business}`,
    joinedIntro: (date) =>
      `Sie stehen auf der Warteliste für den ${date}. Sobald ein passender Termin frei wird, schreiben wir Ihnen.`,
    leave: 'Warteliste verlassen',
  },
  myBookings: {
    subject: (business) => `Ihre Buchungen bei ${business}`,
    intro: (business) => `Sie haben einen Link zu Ihren Buchungen bei ${business} angefordert.`,
    open: 'Meine Buchungen ansehen',
    valid: (minutes) =>
      `Der Link funktioniert einmal, innerhalb von ${minutes === 1 ? '1 Minute' : `${minutes} Minuten`}.`,
    ignore:
      'Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese E-Mail: Ohne diesen Link kann niemand Ihre Buchungen sehen.',
  },
  calendar: {
    summary: (service, staff) => `${service} bei ${staff}`,
    reference: (reference) => `Buchungsnummer ${reference}.`,
    manage: (url) => `Verschieben oder stornieren: ${url}`,
  },
};
