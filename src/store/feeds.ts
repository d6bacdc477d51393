/**
 * Staff calendar feeds in SQL (the FeedStore port): staff.feed_token_hash holds the SHA-256 of the
 * token in the member's feed URL (unique, so a hash names one member). The read cache does not
 * hold it, so setting it invalidates nothing.
 */
import type { FeedStore } from '../app/dashboard/feeds/feed-store.ts';
import { BOOKING_SELECT } from './bookings.ts';
import { iso, toBooking } from './rows.ts';
import type { Sql } from './sql.ts';

const ID = /^\d{1,18}$/;

export function feedStore(sql: Sql): FeedStore {
  return {
    async setFeedToken(staffId, hash) {
      if (!ID.test(staffId)) return false;
      const rows = await sql.query('UPDATE staff SET feed_token_hash = $2 WHERE id = $1 RETURNING id', [staffId, hash]);
      return rows.length > 0;
    },
    async hasFeed(staffId) {
      if (!ID.test(staffId)) return null;
      const [r] = await sql.query('SELECT feed_token_hash IS NOT NULL AS active FROM staff WHERE id = $1', [staffId]);
      return r ? Boolean(r.active) : null;
    },
    async findStaffByFeedToken(hash) {
      const [r] = await sql.query('SELECT id FROM staff WHERE feed_token_hash = $1', [hash]);
      return r ? String(r.id) : null;
    },
    async listFeedBookings(staffId, window, limit) {
      const rows = await sql.query(
        `${BOOKING_SELECT} WHERE b.staff_id = $1 AND b.status = 'confirmed' AND b.end_at > $2 AND b.start_at < $3
         ORDER BY b.start_at, b.id LIMIT $4`,
        [staffId, iso(window.start), iso(window.end), limit],
      );
      return rows.map(toBooking);
    },
  };
}
