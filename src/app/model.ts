/**
 * Plain data the use cases work with (not table rows; the store maps at its edge).
 * Money is in minor units (cents) inside the application and decimal strings at the API edge.
 */
import type {
  Answers,
  CancellationPolicy,
  DateHours,
  DayOff,
  Interval,
  Outcome,
  PaymentOption,
  Question,
  RefundKind,
  TimeBlock,
  WeeklyHours,
  Wordings,
} from '../core/index.ts';
import type { WebhookDeliveryJob, WebhookEventJob } from './webhook-events.ts';

export type BookingStatus = 'pending_verification' | 'awaiting_payment' | 'confirmed' | 'cancelled' | 'expired';

/** Statuses that keep time occupied (holds only until their hold_until). */
export const OCCUPYING_STATUSES: readonly BookingStatus[] = ['pending_verification', 'awaiting_payment', 'confirmed'];

export interface Business {
  readonly name: string;
  readonly timezone: string;
  readonly currency: string;
  readonly locale: string;
  /** In the business language; `staffLabelWordings` has it by language when given so (SPEC §12). */
  readonly staffLabel: string;
  readonly staffLabelWordings?: Wordings | null;
  readonly ownerEmail: string | null;
  readonly paymentUrl: string | null;
  readonly paymentSecret: string | null;
  readonly slotStepMinutes: number;
  readonly gapMinutes: number;
  readonly minNoticeMinutes: number;
  readonly horizonDays: number;
  readonly defaultRescheduleLimit: number;
  readonly allowStaffChangeOnReschedule: boolean;
  readonly cancelNoticeHours: number;
  readonly rescheduleNoticeHours: number;
  readonly holdMinutes: number;
  readonly reminderHours: number;
  /** The From of emails (`Lumen Studio <bookings@lumen.example>`); null = the server's MAIL_FROM. */
  readonly mailFrom: string | null;
  /** Expired and unverified bookings lose their client's details this many days after they were made. */
  readonly retainUnconfirmedDays: number;
  /** Past bookings lose their client's details this many days after they ended; 0 = kept. */
  readonly retainPastDays: number;
  /** No-shows after which a client's next paid booking must be paid in full (SPEC §10.3); 0 = off. */
  readonly noShowLimit: number;
  /** How long a waitlist offer holds its start, in minutes (SPEC §9.3; default 30). */
  readonly waitlistOfferMinutes: number;
}

export interface Service {
  readonly id: string;
  readonly slug: string;
  /** In the business language; the wordings by language when given so (SPEC §12, core/localized.ts). */
  readonly name: string;
  readonly nameWordings?: Wordings | null;
  readonly description: string;
  readonly descriptionWordings?: Wordings | null;
  readonly durationMinutes: number;
  readonly price: number;
  readonly deposit: number;
  /** null = the business currency. */
  readonly currency: string | null;
  readonly imageUrl: string | null;
  /** An uploaded image (decision 032); it wins over `imageUrl` where both are set. */
  readonly image?: ImageRef | null;
  readonly color: string | null;
  readonly allowRescheduling: boolean;
  readonly rescheduleLimit: number | null;
  readonly bufferBeforeMinutes: number;
  readonly bufferAfterMinutes: number;
  readonly active: boolean;
  /** Ids of the resources a booking of it holds (SPEC §8.4), ordered by id; [] = none. */
  readonly resourceIds: readonly string[];
  /** Seats a session sells (SPEC §9.1); absent = 1, one client per slot. */
  readonly capacity?: number;
  /** The most seats one booking takes; absent = 1. */
  readonly maxSeatsPerBooking?: number;
  /** Intake questions in the order asked, retired ones included (SPEC §10.1). */
  readonly questions: readonly Question[];
  /** Cancellation tiers, strictly descending; [] = no policy (SPEC §10.2). */
  readonly cancellationPolicy: CancellationPolicy;
  /** Whether clients may book it as a recurring series (SPEC §9.2); absent = no. */
  readonly allowRepeat?: boolean;
}

export interface StaffMember {
  readonly id: string;
  readonly key: string | null;
  readonly name: string;
  readonly email: string;
  readonly timezone: string | null;
  readonly slotStepMinutes: number | null;
  readonly gapMinutes: number | null;
  readonly minNoticeMinutes: number | null;
  readonly active: boolean;
  readonly serviceIds: readonly string[];
  readonly hours: WeeklyHours;
  readonly daysOff: readonly DayOff[];
  /** Dates whose own hours replace the weekly ones (SPEC §8.1). */
  readonly dateHours: DateHours;
  /** Time off with times (SPEC §8.2), earliest first. */
  readonly blocks: readonly TimeBlock[];
  /** An uploaded photo (decision 032). */
  readonly photo?: ImageRef | null;
  /** A few words about the member shown on the public pages ('' = none). */
  readonly bio?: string;
}

/** A stored image as pages and the API refer to it: its content hash (the URL) and its size. */
export interface ImageRef {
  /** SHA-256 of the stored bytes, hex: the image's id and the name in its URL. */
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

export interface ClientDetails {
  readonly name: string;
  readonly email: string;
  readonly phone: string | null;
  readonly address: string | null;
}

export interface Booking {
  readonly id: string;
  readonly reference: string;
  readonly status: BookingStatus;
  readonly serviceId: string;
  /** In the business language; content-language.ts chooses the reader's from the wordings. */
  readonly serviceName: string;
  readonly serviceNameWordings?: Wordings | null;
  readonly staffId: string;
  readonly staffName: string;
  readonly start: number;
  readonly end: number;
  /** The zone the booking is shown in by default (the staff member's). */
  readonly timezone: string;
  readonly client: ClientDetails;
  readonly notes: string;
  readonly wantsReminder: boolean;
  readonly locale: string;
  readonly holdUntil: number | null;
  readonly payment: {
    readonly option: PaymentOption;
    readonly amountDue: number;
    readonly amountPaid: number;
    readonly currency: string;
  };
  readonly price: number;
  readonly rescheduleCount: number;
  readonly createdAt: number;
  /** Seats taken in a group session (SPEC §9.1); absent = 1. */
  readonly seats?: number;
  /**
   * The open answers to the service's questions (SPEC §10.1). The sensitive ones are only in
   * `sealedAnswers`, encrypted (app/sensitive-answers.ts); they are opened only for an admin or the
   * booking's staff member, never for emails, webhooks or the manage link.
   */
  readonly answers: Answers;
  readonly sealedAnswers: string | null;
  /** What became of it once past, as staff marked it (SPEC §10.3); null = not marked. */
  readonly outcome: Outcome | null;
  /** What its cancel decided (SPEC §10.2); null unless cancelled since policies exist. */
  readonly cancellation: CancelTerms | null;
  /** The recurring series it is an occurrence of (SPEC §9.2); null or absent = none. */
  readonly seriesId?: string | null;
}

/** What a cancel decided: the refund kind applied and its amounts (minor units), who cancelled. */
export interface CancelTerms {
  readonly refund: RefundKind;
  readonly refundDue: number;
  readonly amountKept: number;
  readonly by: 'client' | 'staff';
  /** An admin chose another refund than the tier in force (their reason is the cancel reason). */
  readonly overridden: boolean;
}

/** Why a validly signed payment was recorded but not applied to its booking (SPEC §10.4). */
export const UNAPPLIED_REASONS = [
  'amount_mismatch',
  'hold_expired',
  'booking_cancelled',
  'already_paid',
  'not_awaiting_payment',
] as const;
export type UnappliedReason = (typeof UNAPPLIED_REASONS)[number];

/** One gateway callback in the payments ledger. */
export interface LedgerPayment {
  readonly id: string;
  readonly transactionId: string;
  readonly bookingId: string;
  /** What the gateway reported, as a decimal in `currency` ("30.00"). */
  readonly amount: string;
  readonly currency: string;
  readonly status: 'paid' | 'failed';
  /** Whether the booking reflects it; a failed payment on a booking awaiting payment counts as applied. */
  readonly applied: boolean;
  /** Null exactly when applied. */
  readonly reason: UnappliedReason | null;
  readonly receivedAt: number;
}

/** Everything needed to write a new booking row. */
export interface NewBooking {
  readonly reference: string;
  readonly serviceId: string;
  readonly staffId: string;
  readonly client: ClientDetails;
  readonly clientId: string | null;
  readonly notes: string;
  readonly wantsReminder: boolean;
  readonly locale: string;
  readonly timezone: string;
  readonly status: BookingStatus;
  readonly start: number;
  readonly end: number;
  /** core occupiedSpan of the booking: what the exclusion constraint compares. */
  readonly occupied: { readonly start: number; readonly end: number };
  readonly holdUntil: number | null;
  readonly paymentOption: PaymentOption;
  readonly amountDue: number;
  readonly currency: string;
  readonly price: number;
  readonly manageTokenHash: Uint8Array;
  /** core remindAt for a booking confirmed at once; null otherwise. */
  readonly remindAt: number | null;
  /**
   * The resources its service requires (SPEC §8.4) and the span it holds on each (core heldSpan):
   * what booking_resources' exclusion constraint compares. Absent or no ids: none.
   */
  readonly resources?: { readonly ids: readonly string[]; readonly held: Interval };
  /** Seats of a group session (absent = 1); the database refuses more than the session has left. */
  readonly seats?: number;
  /**
   * A seat of a group session: the database's seat check may refuse it with an error, so the
   * insert runs in a savepoint (the transaction stays usable for the next candidate).
   */
  readonly session?: boolean;
  /** Open answers, stored as they are. */
  readonly answers: Answers;
  /** Sensitive answers, already encrypted (app/sensitive-answers.ts); null when there are none. */
  readonly sealedAnswers: string | null;
  /** The series it is an occurrence of (SPEC §9.2); absent = none. */
  readonly seriesId?: string;
  /**
   * The waitlist offer it accepts (SPEC §9.3): the one hold the database lets it take (migration
   * 018). Absent = none; every other live hold refuses it.
   */
  readonly waitlistOfferId?: string;
}

/** One entry of a booking's history: a move, a cancel (with its refund) or an outcome mark. */
export interface HistoryEntry {
  readonly kind: 'moved' | 'cancelled' | 'outcome';
  /** A cancel: what it decided; else null. */
  readonly refund: { readonly kind: RefundKind; readonly refundDue: number; readonly amountKept: number } | null;
  /** An outcome mark: the mark; else null. */
  readonly outcome: Outcome | null;
  readonly fromStart: number;
  readonly toStart: number;
  readonly fromStaff: { readonly id: string; readonly name: string };
  readonly toStaff: { readonly id: string; readonly name: string };
  readonly reason: string;
  readonly at: number;
}

/** A move of a confirmed booking to another start (and possibly another staff member). */
export interface BookingMove {
  readonly bookingId: string;
  /** The start the move was decided from: the write is refused if the booking moved meanwhile. */
  readonly fromStart: number;
  readonly fromStaffId: string;
  readonly toStaffId: string;
  readonly start: number;
  readonly end: number;
  readonly occupied: { readonly start: number; readonly end: number };
  readonly timezone: string;
  readonly reason: string;
  /** core remindAt for the new start. */
  readonly remindAt: number | null;
  /** Whether it uses up one of the client's reschedules (default true; a move by staff does not). */
  readonly countsAsReschedule?: boolean;
  /** The span its resources are held for at the new start (core heldSpan); absent: it holds none. */
  readonly held?: Interval;
}

export type NoticeEvent = 'confirmed' | 'rescheduled' | 'cancelled' | 'reminder';
export type NoticeAudience = 'client' | 'staff' | 'owner';

/** An email about a booking, rendered when the job runs (from the booking as it is then). */
export interface BookingNotice {
  readonly bookingId: string;
  readonly event: NoticeEvent;
  readonly audience: NoticeAudience;
  /** For `rescheduled`: where the booking was before. */
  readonly previous: { readonly start: number; readonly end: number; readonly staffName: string } | null;
  readonly cancelReason: string;
  /** The first occurrence of a new series: the email lists every occurrence (SPEC §9.2); absent = no. */
  readonly series?: boolean;
  /**
   * The client's email of a new booking: the manage token its request made and returned, sealed
   * under SLOTWISE_SECRET (tokens.ts). The email links with it rather than writing a fresh token
   * (decision 048); absent, or not opened (another secret) = a fresh one, as for every later email.
   */
  readonly tokenSealed?: string;
}

/** A dashboard account email: a password reset link or a staff invitation (made when sent). */
export interface AccountEmailJob {
  readonly userId: string;
  readonly purpose: 'reset' | 'invite';
}

/** An "email me my bookings" request: the job sends the link if the address has bookings. */
export interface MyBookingsEmailJob {
  readonly email: string;
  /** The language the asker used (the email and the page it links to are in it). */
  readonly locale: string;
}

/** A durable job to queue: its kind, its JSON payload, and when it may run (default: at once). */
export type JobSpec =
  | { readonly kind: 'email.booking'; readonly payload: BookingNotice; readonly runAt?: number }
  | { readonly kind: 'email.account'; readonly payload: AccountEmailJob; readonly runAt?: number }
  | { readonly kind: 'email.verification'; readonly payload: { readonly bookingId: string }; readonly runAt?: number }
  | { readonly kind: 'email.payment'; readonly payload: { readonly paymentId: string }; readonly runAt?: number }
  | { readonly kind: 'email.manage-link'; readonly payload: { readonly bookingId: string }; readonly runAt?: number }
  | { readonly kind: 'email.my-bookings'; readonly payload: MyBookingsEmailJob; readonly runAt?: number }
  | { readonly kind: 'webhook.event'; readonly payload: WebhookEventJob; readonly runAt?: number }
  | { readonly kind: 'webhook.deliver'; readonly payload: WebhookDeliveryJob; readonly runAt?: number }
  | { readonly kind: 'waitlist.freed'; readonly payload: FreedStartJob; readonly runAt?: number }
  | { readonly kind: 'waitlist.lapse'; readonly payload: { readonly offerId: string }; readonly runAt?: number }
  | {
      readonly kind: 'waitlist.freed-span';
      readonly payload: { readonly staffId: string; readonly from: string; readonly to: string };
      readonly runAt?: number;
    }
  | { readonly kind: 'email.waitlist'; readonly payload: WaitlistEmailJob; readonly runAt?: number }
  | { readonly kind: 'webhook.waitlist'; readonly payload: WaitlistEventJob; readonly runAt?: number };

/** Time freed for a service's waitlist (migration 018's trigger queues it too, with the same fields). */
export interface FreedStartJob {
  readonly serviceId: string;
  readonly staffId: string;
  readonly start: number;
  readonly end: number;
}

/** A waitlist email: the offer (with its token, sealed under SLOTWISE_SECRET) or the joined confirmation. */
export type WaitlistEmailJob =
  | { readonly kind: 'offer'; readonly offerId: string; readonly tokenSealed: string }
  | { readonly kind: 'joined'; readonly entryId: string; readonly tokenSealed: string };

/** The `waitlist.offered` webhook event (docs/WEBHOOKS.md), as it was when the offer was made. */
export interface WaitlistEventJob {
  readonly eventId: string;
  readonly type: 'waitlist.offered';
  readonly offer: {
    readonly id: string;
    readonly entryId: string;
    readonly serviceId: string;
    readonly staffId: string;
    readonly start: number;
    readonly end: number;
    readonly seats: number;
    readonly expiresAt: number;
  };
  readonly client: { readonly name: string; readonly email: string };
}

/** A job claimed by a worker. */
export interface ClaimedJob {
  readonly id: string;
  readonly kind: string;
  readonly payload: unknown;
  /** Tries so far, this one included. */
  readonly attempts: number;
  readonly maxAttempts: number;
  /** When it was queued: the instant of the change that queued it. */
  readonly createdAt: number;
}
