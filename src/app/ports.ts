/**
 * The ports the use cases depend on. Adapters (store, mail, jobs) implement them; main.ts wires.
 */
import type { ExternalBusy, Interval, LocalDate } from '../core/index.ts';
import type { ClientDataStore } from './clients/client-store.ts';
import type { AccountStore } from './dashboard/accounts/account-store.ts';
import type { AdminBookingStore } from './dashboard/bookings/admin-booking-store.ts';
import type { CalendarStore, FetchOutcome } from './dashboard/calendars/calendar-store.ts';
import type { ServiceStore } from './dashboard/catalogue/service-store.ts';
import type { ReportStore } from './dashboard/reports/report-store.ts';
import type { ResourceStore } from './dashboard/resources/resource-store.ts';
import type { SettingsStore } from './dashboard/settings/settings-store.ts';
import type { StaffStore } from './dashboard/staff/staff-store.ts';
import type { WebhookStore } from './dashboard/webhooks/webhook-store.ts';
import type { ImageStore } from './images/image-store.ts';
import type {
  Booking,
  BookingMove,
  Business,
  CancelTerms,
  ClaimedJob,
  ClientDetails,
  HistoryEntry,
  JobSpec,
  NewBooking,
  Service,
  StaffMember,
} from './model.ts';
import type { PaymentStore } from './payment-store.ts';
import type { SeriesStore } from './series-store.ts';
import type { Setup } from './setup-schema.ts';
import type { WaitlistStore } from './waitlist/waitlist-store.ts';

/** An email ready to send (rendered by src/mail templates). */
export interface MailMessage {
  readonly to: readonly string[];
  /** The sender (business setting `mailFrom`); absent = the transport's default (MAIL_FROM). */
  readonly from?: string;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  readonly attachments: readonly MailAttachment[];
}

export interface MailAttachment {
  readonly filename: string;
  /** e.g. `text/calendar; method=REQUEST; charset=utf-8` */
  readonly contentType: string;
  /** UTF-8 text content. */
  readonly content: string;
}

/** A mail transport: SMTP in production, the dev outbox in the demo, memory in tests. */
export interface Mailer {
  /** Resolves once the transport accepted the message; rejects on failure (the job retries). */
  send(message: MailMessage): Promise<void>;
}

export interface Clock {
  /** The current instant, epoch ms. */
  now(): number;
}

/**
 * Where the server may send requests for URLs an admin gives (webhooks; calendar feeds, SPEC
 * §8.3): only public internet addresses, unless ALLOW_PRIVATE_URLS=1 (app/outbound-url.ts at save
 * time, jobs/guarded-fetch.ts on every connection).
 */
export interface OutboundPolicy {
  /** ALLOW_PRIVATE_URLS=1: private, loopback and link-local addresses are allowed too. */
  readonly allowPrivate: boolean;
  /** Every address a host name resolves to, as a connection would find them; [] when it does not resolve. */
  resolve(hostname: string): Promise<readonly string[]>;
}

/**
 * Reads external busy calendars (SPEC §8.3): fetches a feed's URL under the outbound URL rule and
 * its limits (5 MB, 10 s) and expands it into busy time for a window (jobs/calendar-feeds.ts).
 */
export interface CalendarFeeds {
  /**
   * Never throws for what the URL answers or holds: a failure is `{ok: false, error}`, in words
   * fit for the dashboard, without the URL's path or query (the secret part).
   */
  read(
    url: string,
    window: { readonly from: number; readonly to: number },
    floatingZone: string,
  ): Promise<FetchOutcome>;
}

/** Password hashing (argon2id in production): slow on purpose, so it sits behind a port. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password or a malformed hash; never throws for bad input. */
  verify(hash: string, password: string): Promise<boolean>;
}

/** One occupying booking of a group session, as listSessionSeats reads it. */
export interface SeatRow {
  readonly start: number;
  /** Its occupied span (what listBusy lists for it). */
  readonly span: Interval;
  readonly seats: number;
  /** What its session holds on resources (migration 020: once per session); absent = nothing. */
  readonly held?: { readonly span: Interval; readonly resourceIds: readonly string[] };
}

export type InsertResult =
  | { ok: true; booking: Booking }
  /**
   * `aborted`: refused outside a savepoint (a waitlist hold committed while the insert waited for
   * its lock, decision 034): the transaction can write nothing more.
   */
  | { ok: false; code: 'SLOT_UNAVAILABLE'; aborted?: true }
  | { ok: false; code: 'DUPLICATE_REFERENCE' }
  /** A seat of a group session the database refused: the session has `seatsLeft` (SPEC §9.1). */
  | { ok: false; code: 'SEATS_UNAVAILABLE'; seatsLeft: number };

export type MoveResult =
  | { ok: true; booking: Booking }
  | { ok: false; code: 'SLOT_UNAVAILABLE' }
  | { ok: false; code: 'NOT_MOVABLE' };

export type RateLimitHit = { allowed: true } | { allowed: false; retryAfterMs: number };
/** One key to hit: `max` hits per `windowMs`. */
export interface RateLimitAsk {
  readonly key: string;
  readonly max: number;
  readonly windowMs: number;
}

export type IdempotencyClaim =
  | { state: 'new' }
  | { state: 'replay'; status: number; body: unknown; tokenSealed: string | null }
  | { state: 'mismatch' };

/** A verification code's stored state (the code itself only as a keyed hash). */
export interface VerificationState {
  readonly codeHash: Uint8Array | null;
  readonly issuedAt: number | null;
  readonly attempts: number;
  readonly requestedAt: number;
}

/** What a verified booking becomes. */
export interface VerifiedChange {
  readonly status: 'awaiting_payment' | 'confirmed';
  readonly holdUntil: number | null;
  readonly remindAt: number | null;
}

export interface SetupResult {
  readonly services: Record<string, string>;
  readonly staff: Record<string, string>;
}

export interface Store
  extends AccountStore,
    AdminBookingStore,
    ServiceStore,
    StaffStore,
    SettingsStore,
    PaymentStore,
    WebhookStore,
    ClientDataStore,
    CalendarStore,
    ResourceStore,
    ReportStore,
    SeriesStore,
    WaitlistStore,
    ImageStore {
  /** Runs `fn` in one database transaction (nested calls use savepoints). */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;

  getBusiness(): Promise<Business>;
  listServices(opts?: { activeOnly?: boolean }): Promise<Service[]>;
  /** A service by id or slug. */
  findService(idOrSlug: string): Promise<Service | null>;
  /** Active staff members offering a service, ordered by id. */
  listStaffForService(serviceId: string): Promise<StaffMember[]>;
  listStaff(): Promise<StaffMember[]>;

  /**
   * Occupied spans of time-occupying bookings of these members overlapping `window`, per member,
   * one per booking, sorted by start. `merged`: instead, each member's busy time in `window` as
   * merged spans (sorted, overlapping and touching ones joined, interval.ts merge), which may
   * reach beyond the window (only what lies in it is answered for); lists that may be shared with
   * a cache, read-only (decision 044).
   */
  listBusy(
    staffIds: readonly string[],
    window: Interval,
    now: number,
    merged?: boolean,
  ): Promise<Map<string, readonly Interval[]>>;
  /**
   * The members' busy time from their external calendars' last good copies (SPEC §8.3): the
   * intervals overlapping `window`, merged and sorted, and the all-day dates from `dates.from` to
   * `dates.to` (inclusive), sorted. A member without calendars has empty lists. `now` bounds what a
   * cache keeps (core/busy-reach.ts).
   */
  listExternalBusy(
    staffIds: readonly string[],
    window: Interval,
    dates: { readonly from: LocalDate; readonly to: LocalDate },
    now: number,
  ): Promise<Map<string, ExternalBusy>>;
  /**
   * Spans time-occupying bookings and live, unexpired waitlist offers hold on these resources
   * (SPEC §8.4, §9.3) overlapping `window`, per resource id, sorted by start (they never overlap on
   * one resource); `exceptOffer` = the offer being accepted, whose own holds are not in its way.
   */
  listResourceHolds(
    resourceIds: readonly string[],
    window: Interval,
    now: number,
    exceptOffer?: string,
  ): Promise<Map<string, Interval[]>>;
  /**
   * For caching derived views: a token that changes with the catalogue, these members' bookings
   * and calendars, or (when given) what bookings hold on these resources, and the instant until
   * which a view computed now stays right. Null when the store cannot tell.
   */
  viewToken(
    staffIds: readonly string[],
    now: number,
    resourceIds?: readonly string[],
  ): { token: string; validUntil: number } | null;
  /**
   * The time-occupying bookings of one service (a group session's seats, SPEC §9.1) of these
   * members overlapping `window`, per member, sorted by start. Read from the database, never cached.
   */
  listSessionSeats(
    serviceId: string,
    staffIds: readonly string[],
    window: Interval,
    now: number,
  ): Promise<Map<string, SeatRow[]>>;
  /**
   * Time-occupying bookings per member whose start lies in `window`, or in the member's own window
   * (a map by staff id: each member's day in their zone). One query either way.
   */
  countBookings(
    staffIds: readonly string[],
    window: Interval | ReadonlyMap<string, Interval>,
    now: number,
  ): Promise<Map<string, number>>;

  /** Whether a confirmed client with this email exists (case-insensitive). */
  findClientId(email: string): Promise<string | null>;
  /**
   * Creates the client record unless the email (case-insensitive) is known, in one statement: the
   * new id (`created`), or the known one. Null only when another transaction recorded the email
   * after this statement began (its row is not in this statement's snapshot: findClientId reads it).
   */
  insertClientIfNew(client: ClientDetails): Promise<{ readonly id: string; readonly created: boolean } | null>;
  /** Creates or refreshes the client record of a confirmed booking; returns its id. */
  upsertClient(client: ClientDetails): Promise<string>;

  /**
   * Writes a booking. Expires holds past their time that stand in its way first, then inserts;
   * the database's exclusion constraint turns an overlap into SLOT_UNAVAILABLE.
   */
  insertBooking(booking: NewBooking, now: number): Promise<InsertResult>;
  /** A new booking's id, taken before its insert (insertBookingWithId), so that what names it can go out with it. */
  nextBookingId(): Promise<string>;
  /**
   * Writes a booking under a known id in one statement, expecting no conflict (decision 043): not
   * for seats or resources (insertBooking). True when written; false when a constraint turned it
   * away (the slot, a lapsed hold in the way, a waitlist hold, the reference): the transaction has
   * failed then, and the caller redoes it with insertBooking. What was sent behind it fails too.
   */
  insertBookingWithId(booking: NewBooking, id: string, now: number): Promise<boolean>;
  getBooking(id: string): Promise<Booking | null>;
  /** The booking whose manage token has this SHA-256. */
  findBookingByToken(tokenHash: Uint8Array): Promise<Booking | null>;
  listHistory(bookingId: string): Promise<HistoryEntry[]>;
  /** Another manage link for a booking: stores the SHA-256 of a fresh token. */
  addManageToken(bookingId: string, tokenHash: Uint8Array, now: number): Promise<void>;

  /** Opens the verification of a booking (no code yet; the email job makes it). */
  startVerification(bookingId: string, now: number): Promise<void>;
  getVerification(bookingId: string): Promise<VerificationState | null>;
  /** Records a re-send request if the last one was at or before `notAfter` (compare-and-set). */
  markCodeRequested(bookingId: string, notAfter: number, now: number): Promise<boolean>;
  /** Stores a freshly made code's hash, resetting the tries. */
  storeCode(bookingId: string, codeHash: Uint8Array, now: number): Promise<void>;
  /**
   * Uses one try of the current code, atomically, if it is still usable (younger than
   * `issuedAfter`, fewer than `maxAttempts` tries): the state after the try, or null.
   */
  useCodeAttempt(
    bookingId: string,
    issuedAfter: number,
    maxAttempts: number,
  ): Promise<{ codeHash: Uint8Array; attempts: number } | null>;

  /** Queues jobs in the current transaction (the outbox): they run only if it commits. */
  enqueueJobs(jobs: readonly JobSpec[], now: number): Promise<void>;
  /** pending_verification → `change`, while the hold stands (compare-and-set); null otherwise. */
  confirmVerified(bookingId: string, change: VerifiedChange, now: number): Promise<Booking | null>;
  /**
   * Cancels a time-occupying booking (compare-and-set on its status); null when it was not active.
   * With `terms`, what the cancel decided (SPEC §10.2) is recorded on the booking and in its history.
   */
  cancelBooking(bookingId: string, reason: string, now: number, terms?: CancelTerms | null): Promise<Booking | null>;
  /** The bookings marked no-show of a client, by email, case-insensitively (SPEC §10.3). */
  countNoShows(email: string): Promise<number>;
  /** Bookings with sealed answers after `afterId` (by id), at most `limit`: for re-encryption. */
  listSealedAnswers(
    afterId: string | null,
    limit: number,
  ): Promise<{ readonly id: string; readonly reference: string; readonly sealed: string }[]>;
  /** Replaces a booking's sealed answers if they are still `from` (compare-and-set); whether it did. */
  replaceSealedAnswers(bookingId: string, from: string, to: string): Promise<boolean>;
  /**
   * Moves a confirmed booking and records the move, in one transaction. SLOT_UNAVAILABLE when the
   * database refuses the new span; NOT_MOVABLE when the booking changed meanwhile.
   */
  moveBooking(move: BookingMove, now: number): Promise<MoveResult>;

  /** Claims an idempotency key for a request hash, or reports what the key already holds. */
  claimIdempotencyKey(key: string, requestHash: string, now: number): Promise<IdempotencyClaim>;
  saveIdempotentResponse(key: string, status: number, body: unknown, tokenSealed: string | null): Promise<void>;
  releaseIdempotencyKey(key: string): Promise<void>;
  /**
   * Counts one hit on a rate-limited key (outside any transaction, so a refused change still
   * counts): allowed while the key has had fewer than `max` hits in the last `windowMs`.
   */
  hitRateLimit(key: string, max: number, windowMs: number, now: number): Promise<RateLimitHit>;
  /** hitRateLimit on several distinct keys in one statement (one round trip, one commit); answers in order. */
  hitRateLimits(asks: readonly RateLimitAsk[], now: number): Promise<RateLimitHit[]>;

  /** Creates or updates everything in a set-up file, all or nothing. */
  applySetup(setup: Setup, hashPassword: (password: string) => Promise<string>): Promise<SetupResult>;

  /** Whether the business has no services yet (used to load the demo only into an empty database). */
  isEmpty(): Promise<boolean>;
  /** Inside a transaction: waits for, then holds until it ends, the lock of whole-set-up changes (the demo load). */
  lockSetup(): Promise<void>;
}

/** The worker's side of the job table (use cases only enqueue, through Store). */
export interface JobQueue {
  /** Claims up to `limit` due jobs for `leaseMs` (jobs whose lease ran out count as due). */
  claimJobs(workerId: string, now: number, leaseMs: number, limit: number): Promise<ClaimedJob[]>;
  /** Marks claimed jobs done (a round's, in one go); the ids this worker still held (the others: lease lost). */
  completeJobs(jobIds: readonly string[], workerId: string, now: number): Promise<string[]>;
  /** Records a failed try: runs again at `retryAt`, or never (null: failed for good). */
  failJob(jobId: string, workerId: string, error: string, retryAt: number | null, now: number): Promise<void>;
  /** Turns due reminders (remind_at ≤ now, booking confirmed and not started) into email jobs; how many. */
  queueDueReminders(now: number, limit: number): Promise<number>;
  /**
   * Queues a scheduled task's job (kind = `name`) if it is due, and makes it due again `everyMs`
   * later; true when this call queued it (one caller wins, whatever the number of processes).
   */
  queueDueTask(name: string, now: number, everyMs: number): Promise<boolean>;
  /**
   * Turns calendars due for a fetch into `calendar.refresh` jobs, each due again `everyMs` later
   * (null: not again); how many. A compare-and-set: one sweeper queues each, whatever the processes.
   */
  queueDueCalendars(now: number, limit: number, everyMs: number | null): Promise<number>;
  /** Gives back the jobs this worker holds (graceful shutdown). */
  releaseJobs(workerId: string): Promise<void>;
}

/**
 * Consistent copies of the embedded database (a gzip-compressed tar of its data directory, which
 * `slotwise restore` reads). Absent with a PostgreSQL server, which pg_dump backs up.
 */
export interface Backups {
  snapshot(): Promise<Blob>;
}

/** The dev outbox: mail kept in the database instead of sent (demo, development). */
export interface DevMailbox {
  save(message: MailMessage, now: number): Promise<void>;
  /** Newest first; `to` filters by recipient, case-insensitively. */
  list(to?: string): Promise<StoredMail[]>;
}

export interface StoredMail extends MailMessage {
  readonly id: string;
  readonly sentAt: number;
}
