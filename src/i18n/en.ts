/**
 * English email wording, the reference catalogue: `Messages` is the shape of this object, so every
 * other locale file is checked against it. Phrases are plain text (templates escape them for HTML);
 * those that mention facts are small functions of already-formatted values.
 */

/** The facts a subject or an opening line may mention, formatted for the reader. */
interface About {
  readonly reference: string;
  readonly service: string;
  readonly client: string;
  readonly staff: string;
  readonly business: string;
  /** Short start time, e.g. "Mon 29 Mar, 09:00". */
  readonly when: string;
}

export const en = {
  /** The Intl locale dates, times and money are written in: day before month, 24-hour clock. */
  intlLocale: 'en-GB',
  greeting: (name: string) => `Hello ${name},`,
  greetingNoName: 'Hello,',
  labels: {
    service: 'Service',
    staff: 'With',
    when: 'When',
    reference: 'Reference',
    price: 'Price',
    free: 'Free',
    paid: 'Paid',
    notes: 'Notes',
    reason: 'Reason',
    client: 'Client',
    email: 'Email',
    phone: 'Phone',
    yes: 'Yes',
    no: 'No',
    refund: 'Cancellation rule',
    refundDue: 'To refund',
    amountKept: 'Kept',
  },
  /** What a cancel decided (SPEC §10.2), by refund kind. */
  refundKinds: {
    full: 'Full refund',
    deposit_kept: 'Deposit kept',
    none: 'No refund',
    none_online: 'No online cancellation',
  },
  booking: {
    /** For the client. */
    client: {
      subject: {
        confirmed: (a: About) => `Booking confirmed: ${a.service}, ${a.when} (${a.reference})`,
        rescheduled: (a: About) => `Booking changed: ${a.service}, now ${a.when} (${a.reference})`,
        cancelled: (a: About) => `Booking cancelled: ${a.service}, ${a.when} (${a.reference})`,
        reminder: (a: About) => `Reminder: ${a.service}, ${a.when} (${a.reference})`,
      },
      intro: {
        confirmed: (a: About) => `Your booking at ${a.business} is confirmed.`,
        rescheduled: (a: About) => `Your booking at ${a.business} has been changed.`,
        cancelled: (a: About) => `Your booking at ${a.business} has been cancelled.`,
        reminder: (a: About) => `A reminder of your upcoming booking at ${a.business}.`,
      },
    },
    /** For the staff member and the owner. */
    team: {
      subject: {
        confirmed: (a: About) => `New booking: ${a.client}, ${a.service}, ${a.when} (${a.reference})`,
        rescheduled: (a: About) => `Booking changed: ${a.client}, ${a.service}, now ${a.when} (${a.reference})`,
        cancelled: (a: About) => `Booking cancelled: ${a.client}, ${a.service}, ${a.when} (${a.reference})`,
        reminder: (a: About) => `Reminder: ${a.client}, ${a.service}, ${a.when} (${a.reference})`,
      },
      intro: {
        confirmed: (a: About) => `${a.client} booked ${a.service} with ${a.staff}.`,
        rescheduled: (a: About) => `${a.client}'s booking for ${a.service} has been changed.`,
        cancelled: (a: About) => `${a.client}'s booking for ${a.service} has been cancelled.`,
        reminder: (a: About) => `${a.client} is coming for ${a.service} with ${a.staff}.`,
      },
    },
    movedTime: (from: string, to: string) => `Time: ${from} → ${to}`,
    movedStaff: (from: string, to: string) => `Staff: ${from} → ${to}`,
    reschedule: (left: number) => `Reschedule (${left === 1 ? '1 change' : `${left} changes`} left)`,
    cancel: 'Cancel booking',
    seriesLead: (n: number) => `A recurring series of ${n} appointments, one calendar event each:`,
    calendarAttached: 'The calendar file is attached: open it to add the booking to your calendar.',
    calendarRemove: 'Open the attached calendar file to remove the booking from your calendar.',
  },
  verification: {
    subject: (code: string, business: string) => `${code} is your code for ${business}`,
    intro: 'Enter this code to confirm your email address and your booking:',
    valid: (minutes: number) => `The code is valid for ${minutes === 1 ? '1 minute' : `${minutes} minutes`}.`,
    enterCode: 'Enter the code',
    ignore: 'If you did not ask for this, ignore this email.',
  },
  /** To the owner (or the admins): a payment recorded but not applied to its booking (SPEC §10.4). */
  unappliedPayment: {
    subject: (amount: string, reference: string) => `Payment not applied: ${amount} for ${reference}`,
    intro:
      'The payment provider reported a payment that could not be applied to this booking. The money has been taken: refund it, or arrange the booking with the client.',
    amount: 'Amount',
    transaction: 'Transaction',
    reasons: {
      amount_mismatch: 'The amount is not the amount due.',
      hold_expired: 'It arrived after the time held for the booking had run out.',
      booking_cancelled: 'The booking had been cancelled.',
      already_paid: 'The booking had already been paid.',
      not_awaiting_payment: 'The booking was not waiting for a payment.',
    },
    open: 'Open the booking in the dashboard',
  },
  /** To the client, from the payment return page: their booking's link (no credential in the return URL). */
  manageLink: {
    subject: (reference: string, business: string) => `Your booking ${reference} at ${business}`,
    intro:
      'Here is the link to your booking. Open it to see whether your payment has arrived, to pay again if it did not go through, or to change your booking.',
    open: 'Open your booking',
    ignore: 'If you did not make this booking, ignore this email.',
  },
  waitlist: {
    offerSubject: (service: string, when: string) => `A time is free for you: ${service}, ${when}`,
    offerIntro: (business: string) =>
      `A time you were waiting for at ${business} has become free. It is kept for you for now.`,
    offerUntil: (until: string) => `It is held for you until ${until}. After that it goes to the next person waiting.`,
    accept: 'Accept or decline this time',
    joinedSubject: (business: string) => `You are on the waitlist at ${business}`,
    joinedIntro: (date: string) =>
      `You are on the waitlist for ${date}. When a matching time becomes free, we will email you.`,
    leave: 'Leave the waitlist',
  },
  myBookings: {
    subject: (business: string) => `Your bookings at ${business}`,
    intro: (business: string) => `You asked for a link to your bookings at ${business}.`,
    open: 'See my bookings',
    valid: (minutes: number) => `The link works once, within ${minutes === 1 ? '1 minute' : `${minutes} minutes`}.`,
    ignore: 'If you did not ask for it, ignore this email: nobody can see your bookings without this link.',
  },
  /** The calendar file (.ics) attached to booking emails and offered on the manage page. */
  calendar: {
    summary: (service: string, staff: string) => `${service} with ${staff}`,
    reference: (reference: string) => `Reference ${reference}.`,
    manage: (url: string) => `Reschedule or cancel: ${url}`,
  },
};

/** The shape every locale's email catalogue has: the English one's. */
export type Messages = typeof en;
