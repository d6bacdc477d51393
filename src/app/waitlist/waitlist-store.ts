/**
 * The store's side of the waitlist (SPEC §9.3, migration 018): entries, offers and the holds they
 * make. The database keeps the promises: one live offer per freed start, nobody else books a held
 * start (docs/decisions/034-waitlist-holds-in-the-database.md).
 */
import type { HeldStart, Interval, LocalDate, WaitlistEntry } from '../../core/index.ts';

/** A stored entry: what it wants (core WaitlistEntry) and who waits. */
export interface StoredEntry extends WaitlistEntry {
  readonly client: { readonly name: string; readonly email: string; readonly phone: string | null };
  readonly locale: string;
  readonly status: 'waiting' | 'booked' | 'left';
}

export type NewEntry = Omit<StoredEntry, 'id' | 'status' | 'createdAt'> & { readonly leaveTokenHash: Uint8Array };

export type OfferStatus = 'live' | 'accepted' | 'declined' | 'lapsed';

export interface Offer {
  readonly id: string;
  readonly entryId: string;
  readonly serviceId: string;
  readonly staffId: string;
  readonly start: number;
  readonly end: number;
  readonly occupied: Interval;
  readonly seats: number;
  readonly expiresAt: number;
  readonly status: OfferStatus;
  readonly bookingId: string | null;
}

export type NewOffer = Omit<Offer, 'id' | 'status' | 'bookingId'> & {
  readonly tokenHash: Uint8Array;
  /**
   * The resources the service requires and the span its booking would hold on each (core heldSpan):
   * the offer holds them too (migration 021). Absent or no ids: the service needs none.
   */
  readonly resources?: { readonly ids: readonly string[]; readonly held: Interval };
};

/** An offer refused by the database: another live offer holds the time, or the time (or a resource) is not free. */
export type OfferInsert = { ok: true; offer: Offer } | { ok: false; reason: 'offered' | 'not_free' };

export interface WaitlistStore {
  /**
   * Writes an entry and queues a freed-start job at the end of every hold (a booking waiting for
   * its code or payment) of its service around its date: such a hold frees its time by the clock.
   */
  insertWaitlistEntry(entry: NewEntry, now: number): Promise<StoredEntry>;
  /** Waiting entries of a service whose date lies in [from, to], oldest first; optionally only those without a live offer. */
  listWaitingEntries(
    serviceId: string,
    dates: { from: LocalDate; to: LocalDate },
    opts?: { withoutLiveOffer?: boolean },
  ): Promise<StoredEntry[]>;
  findEntryByLeaveToken(tokenHash: Uint8Array): Promise<StoredEntry | null>;
  getWaitlistEntry(id: string): Promise<StoredEntry | null>;
  /** waiting → `to` (compare-and-set); whether it changed. */
  closeWaitlistEntry(id: string, to: 'booked' | 'left'): Promise<boolean>;
  /**
   * Writes a live offer and its resource holds in a savepoint; the database's refusals come back as
   * reasons (a resource held by someone else: `not_free`, after lapsed holds in the way are cleared).
   */
  insertWaitlistOffer(offer: NewOffer, now: number): Promise<OfferInsert>;
  findOfferByToken(tokenHash: Uint8Array): Promise<Offer | null>;
  getWaitlistOffer(id: string): Promise<Offer | null>;
  /** The live offer of an entry, if any. */
  findLiveOffer(entryId: string): Promise<Offer | null>;
  /** live → `to` (compare-and-set, `bookingId` for an accepted one); whether it changed. */
  closeWaitlistOffer(id: string, to: Exclude<OfferStatus, 'live'>, now: number, bookingId?: string): Promise<boolean>;
  /** Entries already offered this start of this member (whatever became of the offer). */
  listOfferedEntries(staffId: string, start: number): Promise<Set<string>>;
  /**
   * Starts held by live, unexpired offers of these members overlapping `window`, per member
   * (core HeldStart: the span a booking there would occupy); `except` = the offer being accepted.
   */
  listOfferHolds(
    staffIds: readonly string[],
    window: Interval,
    now: number,
    except?: string,
  ): Promise<Map<string, HeldStart[]>>;
  /** The dashboard's list: entries (every status) of a date, with their live offer's start if any. */
  listWaitlistForDate(date: LocalDate): Promise<(StoredEntry & { readonly offeredStart: number | null })[]>;
}
