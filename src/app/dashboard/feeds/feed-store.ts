/**
 * The store's side of staff calendar feeds: a member's feed URL carries a random token, the store
 * keeps only its SHA-256 (staff.feed_token_hash), so replacing or clearing it revokes the URL.
 */
import type { Interval } from '../../../core/index.ts';
import type { Booking } from '../../model.ts';

export interface FeedStore {
  /** Sets (or, with null, clears) a member's feed token hash; false when there is no such member. */
  setFeedToken(staffId: string, tokenHash: Uint8Array | null): Promise<boolean>;
  /** Whether the member has a feed; null when there is no such member. */
  hasFeed(staffId: string): Promise<boolean | null>;
  /** The member whose feed token has this SHA-256. */
  findStaffByFeedToken(tokenHash: Uint8Array): Promise<string | null>;
  /** A member's confirmed bookings ending after `window.start` and starting before `window.end`, by start. */
  listFeedBookings(staffId: string, window: Interval, limit: number): Promise<Booking[]>;
}
