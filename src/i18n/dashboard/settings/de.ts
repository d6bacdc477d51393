import type { SettingsMessages } from './en.ts';

export const de: SettingsMessages = {
  title: 'Einstellungen',
  heading: 'Geschäftseinstellungen',
  saved: 'Die Einstellungen sind gespeichert.',
  notSaved: 'Die Einstellungen wurden nicht gespeichert',
  save: 'Einstellungen speichern',
  labels: {
    name: 'Name des Geschäfts',
    timezone: 'Zeitzone',
    currency: 'Währung',
    locale: 'Standardsprache',
    staffLabel: 'Bezeichnung des Teams',
    ownerEmail: 'E-Mail des Inhabers',
    mailFrom: 'Absender der E-Mails',
    paymentUrl: 'Adresse der Zahlungsseite',
    paymentSecret: 'Zahlungs-Secret',
    slotStepMinutes: 'Terminraster, in Minuten',
    gapMinutes: 'Pause zwischen Buchungen, in Minuten',
    minNoticeMinutes: 'Mindestvorlaufzeit, in Minuten',
    horizonDays: 'Buchungszeitraum, in Tagen',
    holdMinutes: 'Reservierungsdauer, in Minuten',
    waitlistOfferMinutes: 'Angebot der Warteliste, in Minuten',
    defaultRescheduleLimit: 'Höchstzahl an Verschiebungen',
    allowStaffChangeOnReschedule: 'Kunden dürfen beim Verschieben ein anderes Teammitglied wählen',
    rescheduleNoticeHours: 'Frist zum Verschieben, in Stunden',
    cancelNoticeHours: 'Frist zum Stornieren, in Stunden',
    reminderHours: 'Erinnerung, in Stunden vor Beginn',
    retainUnconfirmedDays: 'Kundendaten unbestätigter Buchungen aufbewahren, in Tagen',
    retainPastDays: 'Kundendaten vergangener Buchungen aufbewahren, in Tagen',
    noShowLimit: 'Grenze für Nichterscheinen',
  },
  languages: {
    en: 'English (Englisch)',
    fr: 'Français (Französisch)',
    de: 'Deutsch',
    es: 'Español (Spanisch)',
    pt: 'Português (Portugiesisch)',
  },
  groups: {
    business: 'Geschäft',
    emails: 'E-Mails',
    payment: 'Online-Zahlung',
    times: 'Buchungszeiten',
    changes: 'Änderungen durch Kunden',
    noShows: 'Nichterscheinen',
    reminders: 'Erinnerungen',
    data: 'Kundendaten',
  },
  hints: {
    name: 'Erscheint auf den Buchungsseiten und in E-Mails.',
    timezone:
      'Wo das Geschäft ist, z. B. Europe/Berlin. Die Arbeitszeiten des Teams sind Ortszeiten in dieser Zone, außer ein Mitglied hat eine eigene.',
    currency:
      'Ein dreistelliger Code wie EUR, für Leistungen ohne eigene Währung. Ihre Beträge bleiben gleich (aus 120.00 EUR wird 120.00 USD).',
    locale: 'Für Besucher, deren Browser keine der angebotenen Sprachen verlangt.',
    staffLabel: 'Die Überschrift über der Wahl des Teammitglieds auf der Buchungsseite, z. B. „Fotograf wählen“.',
    ownerEmail: 'Erhält eine Kopie jeder Buchungs-E-Mail. Leer lassen für keine.',
    mailFrom:
      'Der Absender der gesendeten E-Mails, z. B. „Lumen Studio <bookings@lumen.example>“. Leer lassen für den Absender des Servers.',
    slotStepMinutes: 'Abstand zwischen den angebotenen Startzeiten: 30 ergibt 09:00, 09:30, 10:00…',
    gapMinutes: 'Zeit, die zwischen zwei Buchungen eines Teammitglieds frei bleibt.',
    minNoticeMinutes: 'Keine Buchung beginnt früher als diese Zeit ab jetzt (120 = zwei Stunden).',
    horizonDays: 'Wie weit im Voraus Kunden buchen können.',
    holdMinutes:
      'Wie lange eine Buchung, die auf die E-Mail-Bestätigung oder die Zahlung des Kunden wartet, ihre Zeit behält.',
    waitlistOfferMinutes:
      'Wie lange eine frei gewordene Zeit, die der nächsten Person auf der Warteliste angeboten wird, für sie freigehalten wird.',
    defaultRescheduleLimit: 'Wie oft eine Buchung verschoben werden darf, wenn ihre Leistung nichts anderes sagt.',
    rescheduleNoticeHours: 'Kein Verschieben später als diese Zeit vor Beginn (0: bis zum Beginn).',
    cancelNoticeHours: 'Kein Stornieren später als diese Zeit vor Beginn (0: bis zum Beginn).',
    noShowLimit:
      'Ein Kunde mit so vielen als „nicht erschienen“ markierten Buchungen muss seine nächste kostenpflichtige Buchung vollständig online bezahlen (keine Anzahlung). 0 schaltet das ab.',
    reminderHours: 'Kunden, die eine Erinnerung wünschen, erhalten so lange vor ihrer Buchung eine E-Mail.',
    retainUnconfirmedDays:
      'Abgelaufene oder nie bestätigte Buchungen verlieren Name, E-Mail, Telefon, Adresse und Notizen des Kunden so viele Tage nach ihrer Anlage.',
    retainPastDays:
      'Vergangene Buchungen verlieren die Kundendaten so viele Tage nach ihrem Ende; die Buchung bleibt für die Buchhaltung (Zeiten, Leistung, Team, Beträge). 0 behält sie.',
    paymentUrl:
      'Die Seite des Zahlungsanbieters, zu der Kunden geschickt werden. Leer lassen, um keine Online-Zahlungen anzunehmen (Kunden buchen dann ohne zu zahlen).',
    secretStored: 'Ein Secret ist gespeichert: leer lassen, um es zu behalten.',
    noSecret: 'Kein Secret gespeichert.',
    paymentSecret:
      'Der Schlüssel, mit dem der Zahlungsanbieter und diese Seite Zahlungen signieren, mindestens 16 Zeichen. Er wird nie wieder angezeigt.',
    removeSecret: 'Die Online-Zahlung braucht dann ein neues Secret; leeren Sie auch die Adresse der Zahlungsseite.',
  },
  removeSecret: 'Gespeichertes Secret entfernen',
  noGateway:
    'Die Grenze für Nichterscheinen kann nicht greifen: Es gibt keine Online-Zahlung (geben Sie unten Adresse der Zahlungsseite und Secret an), also kann ein Kunde nichts im Voraus zahlen.',
  freeServices: (list) => `Sie greift nicht bei kostenlosen Leistungen, bei denen nichts zu zahlen ist: ${list}.`,
  problems: {
    required: 'Pflichtfeld',
    'required when paymentUrl is set':
      'nötig, wenn eine Zahlungsseite angegeben ist (der Zahlungsanbieter signiert damit)',
    'type a new secret or tick “Remove the stored secret”, not both':
      'geben Sie ein neues Secret ein oder kreuzen Sie „Gespeichertes Secret entfernen“ an, nicht beides',
    'at least 16 characters': 'mindestens 16 Zeichen',
    'must be a whole number, such as 15': 'muss eine ganze Zahl sein, z. B. 15',
    'must be an email address, such as name@example.com': 'muss eine E-Mail-Adresse sein, z. B. name@example.com',
    'must be a web address starting with https://': 'muss eine Webadresse sein, die mit https:// beginnt',
    'not an IANA time zone (e.g. Europe/Paris)': 'keine IANA-Zeitzone (z. B. Europe/Berlin)',
  },
  embed: {
    title: 'Auf Ihrer Website einbinden',
    intro: 'Fügen Sie dieses Tag dort ein, wo die Buchung erscheinen soll. Setzen Sie',
    introEnd: 'auf den Adressnamen einer Leistung, oder lassen Sie es weg, um alle Leistungen zu zeigen.',
    allowed: 'Websites, die es zeigen dürfen',
    thisSite: (origin) => `${origin} (diese Website)`,
    none: 'Keine Website, nicht einmal diese',
    noOther:
      'Noch darf keine andere Website die Buchungsseiten zeigen: Fügen Sie die Adresse Ihrer Website der Einstellung',
    noOtherMiddle: 'des Servers hinzu (z. B.',
    noOtherEnd: ') und starten Sie ihn neu.',
  },
};
