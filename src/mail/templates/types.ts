/**
 * What the email templates receive: plain data with instants (epoch ms) and minor-unit money.
 * Templates format for the locale and zone themselves (Intl), and return subject, HTML and text.
 */
export type Audience = 'client' | 'staff' | 'owner';
export type BookingEvent = 'confirmed' | 'rescheduled' | 'cancelled' | 'reminder';

export interface RenderedEmail {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

export interface BookingEmailData {
  readonly event: BookingEvent;
  readonly audience: Audience;
  /** The booking's locale ("en", "fr", …); unknown locales fall back to English. */
  readonly locale: string;
  readonly businessName: string;
  readonly booking: {
    readonly reference: string;
    readonly serviceName: string;
    readonly staffName: string;
    readonly start: number;
    readonly end: number;
    /** IANA zone the times are shown in. */
    readonly timezone: string;
    readonly clientName: string;
    readonly clientEmail: string;
    readonly clientPhone: string | null;
    readonly notes: string;
    /** Minor units (cents). */
    readonly price: number;
    readonly amountPaid: number;
    readonly currency: string;
  };
  /** For `rescheduled`: where the booking was before. */
  readonly previous: { readonly start: number; readonly end: number; readonly staffName: string } | null;
  /** For `cancelled`: the reason given, possibly empty. */
  readonly cancelReason: string;
  /**
   * Team emails only: the booking's open answers, worded for the reader (never a sensitive one:
   * SPEC §10.1). Empty for the client's emails.
   */
  readonly answers: readonly { readonly label: string; readonly value: string }[];
  /** For `cancelled`: what the cancel decided (minor units), or null (a hold dropped, an old cancel). */
  readonly refund: {
    readonly kind: 'full' | 'deposit_kept' | 'none' | 'none_online';
    readonly refundDue: number;
    readonly amountKept: number;
  } | null;
  /** Client emails only: the manage page (reschedule / cancel / add to calendar); null when nothing can be done there. */
  readonly manageUrl: string | null;
  /** Client emails only: changes left when rescheduling is still possible, else null (then no reschedule link). */
  readonly rescheduleLeft: number | null;
  /** Client emails only: whether the booking can still be cancelled online. */
  readonly canCancel: boolean;
  /** A new series (SPEC §9.2): every occurrence, listed in the email; absent = one booking. */
  readonly occurrences?: readonly { readonly start: number; readonly end: number }[];
}

export interface VerificationEmailData {
  readonly locale: string;
  readonly businessName: string;
  readonly clientName: string;
  /** Six digits. */
  readonly code: string;
  readonly validMinutes: number;
  readonly serviceName: string;
  readonly start: number;
  readonly timezone: string;
  /** The page where the code is entered. */
  readonly manageUrl: string;
}

/** To the owner or the admins: a payment in the ledger that the booking does not reflect. */
export interface UnappliedPaymentEmailData {
  /** The business's locale (the team reads it, not the client). */
  readonly locale: string;
  readonly businessName: string;
  readonly reason: 'amount_mismatch' | 'hold_expired' | 'booking_cancelled' | 'already_paid' | 'not_awaiting_payment';
  /** As reported: a decimal and its currency ("30.00", "EUR"). */
  readonly amount: string;
  readonly currency: string;
  readonly transactionId: string;
  readonly booking: {
    readonly reference: string;
    readonly serviceName: string;
    readonly clientName: string;
    readonly clientEmail: string;
    readonly start: number;
    readonly end: number;
    readonly timezone: string;
  };
  /** The booking's page in the dashboard. */
  readonly dashboardUrl: string;
}

/** To the client, from the payment return page: a fresh link to their booking. */
export interface ManageLinkEmailData {
  readonly locale: string;
  readonly businessName: string;
  readonly clientName: string;
  readonly reference: string;
  readonly serviceName: string;
  readonly start: number;
  readonly end: number;
  readonly timezone: string;
  readonly manageUrl: string;
}
