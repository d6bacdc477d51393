/**
 * The store's side of clients' data (SPEC §11): finding clients, everything stored about one
 * (export), removing them (erase), retention and the daily clean-up, and the single-use
 * "my bookings" links. Personal data is matched by email, case-insensitively, as clients are.
 */
import type { Answers } from '../../core/index.ts';
import type { Booking } from '../model.ts';

/** A client record (one per email, created when a booking with it is first confirmed). */
export interface ClientRecord {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly phone: string | null;
  readonly address: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Bookings under this email that still hold personal data. */
  readonly bookings: number;
}

/** A booking with every column the export shows beyond the API's Booking. */
export interface BookingFacts extends Booking {
  readonly updatedAt: number;
  readonly cancelledAt: number | null;
  readonly cancelReason: string | null;
  readonly remindAt: number | null;
  readonly remindedAt: number | null;
  readonly history: readonly {
    readonly fromStart: number;
    readonly toStart: number;
    readonly fromStaffId: string;
    readonly toStaffId: string;
    readonly reason: string;
    readonly at: number;
  }[];
  readonly payments: readonly {
    readonly transactionId: string;
    readonly amount: number;
    readonly currency: string;
    readonly status: string;
    readonly receivedAt: number;
  }[];
  /** The verification state (the code itself is only stored as a keyed hash, never exported). */
  readonly verification: {
    readonly issuedAt: number | null;
    readonly attempts: number;
    readonly requestedAt: number;
  } | null;
  /**
   * Manage links emailed for the booking besides the token its request returned, which the
   * confirmation carries (decision 048); only their hashes are stored.
   */
  readonly manageLinks: number;
  /**
   * The sensitive answers, opened by the export use case (the store only has them sealed): {} when
   * none, null when they do not open with this server's secret.
   */
  readonly sensitiveAnswers?: Answers | null;
}

/** Everything stored about one email address. */
export interface ClientData {
  readonly email: string;
  readonly client: ClientRecord | null;
  readonly bookings: readonly BookingFacts[];
  /** Queued and finished jobs (emails, webhook events) that carry the person's data. */
  readonly jobs: readonly {
    readonly id: string;
    readonly kind: string;
    readonly payload: unknown;
    readonly createdAt: number;
    readonly runAt: number;
    readonly doneAt: number | null;
    readonly failedAt: number | null;
  }[];
  /** Webhook delivery attempts of events about their bookings (no personal data in the log itself). */
  readonly webhookDeliveries: readonly {
    readonly webhookId: string;
    readonly eventId: string;
    readonly event: string;
    readonly attempt: number;
    readonly statusCode: number | null;
    readonly deliveredAt: number;
  }[];
  /** Emails kept by the dev outbox (no real mail server) to them or about their bookings. */
  readonly outbox: readonly {
    readonly id: string;
    readonly to: readonly string[];
    readonly subject: string;
    readonly text: string;
    readonly sentAt: number;
  }[];
  /** Replays kept for idempotent booking requests whose answers name them. */
  readonly idempotencyKeys: readonly {
    readonly key: string;
    readonly status: number | null;
    readonly createdAt: number;
  }[];
  /** "Email me my bookings" links sent to them (only their hashes are stored). */
  readonly myBookingsLinks: readonly {
    readonly createdAt: number;
    readonly expiresAt: number;
    readonly usedAt: number | null;
  }[];
  /** Their waitlist entries (what they asked to wait for) and the starts offered to them. */
  readonly waitlistEntries: readonly {
    readonly id: string;
    readonly serviceId: string;
    readonly staffId: string | null;
    readonly date: string;
    readonly from: number | null;
    readonly to: number | null;
    readonly seats: number;
    readonly name: string;
    readonly phone: string | null;
    readonly locale: string;
    readonly status: string;
    readonly createdAt: number;
    readonly offers: readonly {
      readonly start: number;
      readonly end: number;
      readonly status: string;
      readonly expiresAt: number;
    }[];
  }[];
}

/** What an erase removed, by kind. */
export interface ErasedCounts {
  readonly client: boolean;
  readonly bookings: number;
  readonly jobs: number;
  readonly outbox: number;
  readonly idempotencyKeys: number;
  readonly myBookingsLinks: number;
}

/** The retention settings as the daily job applies them. */
export interface RetentionRules {
  /** Expired and unverified bookings made before this instant lose their personal data. */
  readonly unconfirmedBefore: number;
  /** Bookings that ended before this instant lose theirs; null = kept (retainPastDays 0). */
  readonly pastBefore: number | null;
}

/** How long each kind of operational row is kept after its use (the daily clean-up). */
export interface CleanupRules {
  readonly now: number;
  /** Idempotency replays created before this are deleted. */
  readonly idempotencyBefore: number;
  /** Jobs finished (done or failed for good) before this are deleted. */
  readonly jobsBefore: number;
  /** Webhook delivery log entries before this are deleted. */
  readonly deliveriesBefore: number;
  /** Dev-outbox messages sent before this are deleted. */
  readonly outboxBefore: number;
}

/** What retention and clean-up removed, by kind (for the logs and the tests). */
export type RemovedCounts = Readonly<Record<string, number>>;

export interface ClientDataStore {
  /** Clients whose name, email or phone contains `q` (case-insensitive); all when null; by name. */
  searchClients(q: string | null, limit: number): Promise<ClientRecord[]>;
  getClient(id: string): Promise<ClientRecord | null>;
  /** Everything stored about this email (case-insensitive). */
  exportClientData(email: string): Promise<ClientData>;
  /**
   * Removes the person with this email, in the caller's transaction: the client row, their details
   * in every booking (rows kept for the books), manage links and codes, their data in jobs
   * (queued ones cancelled), outbox messages, idempotency replays, "my bookings" links, and the
   * rate-limit rows of `rateLimitKeys`.
   */
  eraseClientData(email: string, rateLimitKeys: readonly string[], now: number): Promise<ErasedCounts>;
  /** Removes the personal data of the bookings the rules reach; the client rows left without any. */
  applyRetention(rules: RetentionRules, now: number): Promise<RemovedCounts>;
  /** Deletes rows past their use: sessions, links, codes, replays, finished jobs, old outbox mail, waitlist entries of dates that are over. */
  cleanUp(rules: CleanupRules): Promise<RemovedCounts>;
  /**
   * Frees the space of deleted and changed rows of the tables erase, retention and the clean-up
   * touch, so old values do not linger in the database files: the embedded database rewrites them
   * (VACUUM FULL: no trace left), a PostgreSQL server vacuums them without locking them (VACUUM).
   * Outside any transaction only.
   */
  reclaimSpace(): Promise<void>;

  /** Whether any booking under this email still holds personal data. */
  hasBookings(email: string): Promise<boolean>;
  /** The bookings under this email that still hold personal data. */
  listBookingsByEmail(email: string): Promise<Booking[]>;
  createMyBookingsLink(link: { tokenHash: Uint8Array; email: string; now: number; expiresAt: number }): Promise<void>;
  /** The email of a usable link (not used, not expired), without using it. */
  peekMyBookingsLink(tokenHash: Uint8Array, now: number): Promise<string | null>;
  /** Uses a link once (compare-and-set on used_at): its email, or null when unusable. */
  useMyBookingsLink(tokenHash: Uint8Array, now: number): Promise<string | null>;
}
