/** English wording of the dashboard's settings screens (src/http/admin/settings): the reference shape. */
export const en = {
  title: 'Settings',
  heading: 'Business settings',
  saved: 'The settings are saved.',
  notSaved: 'The settings were not saved',
  save: 'Save settings',
  labels: {
    name: 'Business name',
    timezone: 'Time zone',
    currency: 'Currency',
    locale: 'Default language',
    staffLabel: 'Staff label',
    ownerEmail: 'Owner email',
    mailFrom: 'Mail sender',
    paymentUrl: 'Payment page address',
    paymentSecret: 'Payment secret',
    slotStepMinutes: 'Slot step, in minutes',
    gapMinutes: 'Gap between bookings, in minutes',
    minNoticeMinutes: 'Minimum notice, in minutes',
    horizonDays: 'Booking horizon, in days',
    holdMinutes: 'Hold time, in minutes',
    waitlistOfferMinutes: 'Waitlist offer, in minutes',
    defaultRescheduleLimit: 'Reschedule limit',
    allowStaffChangeOnReschedule: 'Clients may choose another staff member when rescheduling',
    rescheduleNoticeHours: 'Reschedule notice, in hours',
    cancelNoticeHours: 'Cancel notice, in hours',
    reminderHours: 'Reminder, in hours before the start',
    retainUnconfirmedDays: 'Keep unconfirmed bookings’ client details, in days',
    retainPastDays: 'Keep past bookings’ client details, in days',
    noShowLimit: 'No-show limit',
  },
  /** Each language named in the dashboard's language, with its own name for those who read it. */
  languages: {
    en: 'English',
    fr: 'Français (French)',
    de: 'Deutsch (German)',
    es: 'Español (Spanish)',
    pt: 'Português (Portuguese)',
  },
  groups: {
    business: 'Business',
    emails: 'Emails',
    payment: 'Online payment',
    times: 'Booking times',
    changes: 'Changes by clients',
    noShows: 'No-shows',
    reminders: 'Reminders',
    data: 'Clients’ data',
  },
  hints: {
    name: 'Shown on the booking pages and in emails.',
    timezone:
      'Where the business is, e.g. Europe/Lisbon. Staff hours are wall-clock times in it, unless a member has a zone of their own.',
    currency:
      'A three-letter code such as EUR, for services without a currency of their own. Their amounts stay as they are (120.00 EUR becomes 120.00 USD).',
    locale: 'For visitors whose browser asks for none of the languages offered.',
    staffLabel: 'The heading above the choice of staff member on the booking page, e.g. “Choose photographer”.',
    ownerEmail: 'Gets a copy of every booking email. Leave empty for none.',
    mailFrom:
      "The From of the emails sent, e.g. “Lumen Studio <bookings@lumen.example>”. Leave empty for the server's own sender.",
    slotStepMinutes: 'Distance between the start times offered: 30 gives 09:00, 09:30, 10:00…',
    gapMinutes: 'Rest kept free between two bookings of one staff member.',
    minNoticeMinutes: 'No booking starts sooner than this from now (120 = two hours).',
    horizonDays: 'How far ahead clients can book.',
    holdMinutes: 'How long a booking waiting for the client to confirm their email or to pay keeps its time.',
    waitlistOfferMinutes: 'How long a freed time offered to the next client on the waitlist is held for them.',
    defaultRescheduleLimit: 'How many times a booking may be moved, unless its service says.',
    rescheduleNoticeHours: 'No moving a booking later than this before it starts (0: until the start).',
    cancelNoticeHours: 'No cancelling later than this before the start (0: until the start).',
    noShowLimit:
      'A client with this many bookings marked no-show must pay their next paid booking in full online (no down payment). 0 turns it off.',
    reminderHours: 'Clients who ask for a reminder get an email this long before their booking.',
    retainUnconfirmedDays:
      'Bookings that expired or were never confirmed lose the client’s name, email, phone, address and notes this many days after they were made.',
    retainPastDays:
      'Past bookings lose the client’s details this many days after they ended; the booking stays for the books (times, service, staff, amounts). 0 keeps them.',
    paymentUrl:
      "The payment gateway's page clients are sent to. Leave empty to take no payments online (clients then book without paying).",
    secretStored: 'A secret is stored: leave this empty to keep it.',
    noSecret: 'No secret is stored.',
    paymentSecret:
      'The key the gateway and this site sign payments with, at least 16 characters. It is never shown again.',
    removeSecret: 'Online payment then needs a new secret; clear the payment page address too.',
  },
  removeSecret: 'Remove the stored secret',
  noGateway:
    'The no-show limit cannot apply: there is no online payment (set a payment page address and secret below), so there is nothing to ask a client to pay up front.',
  freeServices: (list: string) => `It cannot apply to free services, which have nothing to pay: ${list}.`,
  /** Field problems of this form, by the English message (others stay English). */
  problems: {
    required: 'required',
    'required when paymentUrl is set': 'needed when a payment page address is set (the gateway signs with it)',
    'type a new secret or tick “Remove the stored secret”, not both':
      'type a new secret or tick “Remove the stored secret”, not both',
    'at least 16 characters': 'at least 16 characters',
    'must be a whole number, such as 15': 'must be a whole number, such as 15',
    'must be an email address, such as name@example.com': 'must be an email address, such as name@example.com',
    'must be a web address starting with https://': 'must be a web address starting with https://',
    'not an IANA time zone (e.g. Europe/Paris)': 'not an IANA time zone (e.g. Europe/Paris)',
  },
  embed: {
    title: 'Embed on your website',
    intro: 'Paste this tag where the booker should appear. Set',
    introEnd: 'to a service’s address name, or leave it out to show all services.',
    allowed: 'Sites allowed to show it',
    thisSite: (origin: string) => `${origin} (this site)`,
    none: 'No site, not even this one',
    noOther: 'No other site may show the booking pages yet: add your website’s address to the',
    noOtherMiddle: 'setting of the server (e.g.',
    noOtherEnd: ') and restart it.',
  },
};

/** The shape every locale's settings catalogue has: the English one's. */
export type SettingsMessages = typeof en;
