/**
 * The waitlist's rows (SPEC §9.3, migration 018): entries, offers, and the starts offers hold —
 * the member's time and the service's resources (migration 021).
 */
import type { Offer, OfferStatus, StoredEntry, WaitlistStore } from '../app/waitlist/waitlist-store.ts';
import type { HeldStart, Interval } from '../core/index.ts';
import { expireLapsedResourceHolds, insertOfferHolds, lockResources } from './resources.ts';
import { iso, ms } from './rows.ts';
import { constraintOf, EXCLUSION_VIOLATION, type Row, type Sql, sqlState, UNIQUE_VIOLATION } from './sql.ts';

const ID = /^\d{1,18}$/;
const ENTRY_SELECT = `SELECT e.*, to_char(e.date, 'YYYY-MM-DD') AS date_text FROM waitlist_entries e`;

function toEntry(r: Row): StoredEntry {
  return {
    id: String(r.id),
    serviceId: String(r.service_id),
    staffId: r.staff_id === null || r.staff_id === undefined ? null : String(r.staff_id),
    date: String(r.date_text),
    timezone: String(r.timezone),
    from: r.from_minute === null || r.from_minute === undefined ? null : Number(r.from_minute),
    to: r.to_minute === null || r.to_minute === undefined ? null : Number(r.to_minute),
    seats: Number(r.seats),
    createdAt: ms(r.created_at),
    client: {
      name: String(r.client_name),
      email: String(r.client_email),
      phone: r.client_phone === null || r.client_phone === undefined ? null : String(r.client_phone),
    },
    locale: String(r.locale),
    status: String(r.status) as StoredEntry['status'],
  };
}

function toOffer(r: Row): Offer {
  return {
    id: String(r.id),
    entryId: String(r.entry_id),
    serviceId: String(r.service_id),
    staffId: String(r.staff_id),
    start: ms(r.start_at),
    end: ms(r.end_at),
    occupied: { start: ms(r.s), end: ms(r.e) },
    seats: Number(r.seats),
    expiresAt: ms(r.expires_at),
    status: String(r.status) as OfferStatus,
    bookingId: r.booking_id === null || r.booking_id === undefined ? null : String(r.booking_id),
  };
}

/** A resource held by someone else over the offer's span (migration 012's exclusion constraint). */
const RESOURCE_CONSTRAINT = 'booking_resources_no_overlap';

const OFFER_SELECT = 'SELECT o.*, lower(o.occupied) AS s, upper(o.occupied) AS e FROM waitlist_offers o';

/** Live, unexpired holds of these members overlapping `window`, per member (WaitlistStore.listOfferHolds). */
export async function listOfferHolds(
  sql: Sql,
  staffIds: readonly string[],
  window: Interval,
  now: number,
  except?: string,
): Promise<Map<string, HeldStart[]>> {
  const out = new Map<string, HeldStart[]>(staffIds.map((id) => [id, []]));
  if (staffIds.length === 0) return out;
  const rows = await sql.query(
    `SELECT o.staff_id, o.start_at, lower(o.occupied) AS s, upper(o.occupied) AS e FROM waitlist_offers o
     WHERE o.staff_id = ANY($1::bigint[]) AND o.status = 'live' AND o.expires_at > $4
       AND o.occupied && tstzrange($2::timestamptz, $3::timestamptz) AND o.id IS DISTINCT FROM $5::bigint
     ORDER BY o.start_at`,
    [staffIds, iso(window.start), iso(window.end), iso(now), except ?? null],
  );
  for (const r of rows) {
    out.get(String(r.staff_id))?.push({ start: ms(r.start_at), span: { start: ms(r.s), end: ms(r.e) } });
  }
  return out;
}

/** Whether any offer is live (expired or not): the read cache's "no hold to read" knowledge. */
export async function anyLiveOffer(sql: Sql): Promise<boolean> {
  const [row] = await sql.query(`SELECT EXISTS (SELECT 1 FROM waitlist_offers WHERE status = 'live') AS any`);
  return row?.any === true;
}

/** `touch`: the member's cached views are dropped (a hold changes what the day view shows). */
export function waitlistStore(sql: Sql, touch: (staffId: string) => void): WaitlistStore {
  return {
    async insertWaitlistEntry(e, now) {
      const [row] = await sql.query(
        `WITH ins AS (
           INSERT INTO waitlist_entries (service_id, staff_id, date, timezone, from_minute, to_minute, seats,
             client_name, client_email, client_phone, locale, leave_token_hash, created_at)
           VALUES ($1, $2, $3::date, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING *)
         SELECT ins.*, to_char(ins.date, 'YYYY-MM-DD') AS date_text FROM ins`,
        [
          e.serviceId,
          e.staffId,
          e.date,
          e.timezone,
          e.from,
          e.to,
          e.seats,
          e.client.name,
          e.client.email,
          e.client.phone,
          e.locale,
          e.leaveTokenHash,
          iso(now),
        ],
      );
      if (!row) throw new Error('waitlist entry not returned');
      await sql.query(
        `INSERT INTO jobs (kind, payload, run_at, created_at)
         SELECT 'waitlist.freed', jsonb_build_object('serviceId', b.service_id::text, 'staffId', b.staff_id::text,
             'start', (extract(epoch FROM b.start_at) * 1000)::bigint, 'end', (extract(epoch FROM b.end_at) * 1000)::bigint),
           b.hold_until, $4
         FROM bookings b
         WHERE b.service_id = $1 AND b.status IN ('pending_verification', 'awaiting_payment') AND b.hold_until > $4
           AND b.start_at >= $2::date - 1 AND b.start_at < $3::date + 2`,
        [e.serviceId, e.date, e.date, iso(now)],
      );
      return toEntry(row);
    },
    async listWaitingEntries(serviceId, dates, opts) {
      if (!ID.test(serviceId)) return [];
      const free = opts?.withoutLiveOffer
        ? `AND NOT EXISTS (SELECT 1 FROM waitlist_offers o WHERE o.entry_id = e.id AND o.status = 'live')`
        : '';
      const rows = await sql.query(
        `${ENTRY_SELECT} WHERE e.service_id = $1 AND e.status = 'waiting' AND e.date BETWEEN $2::date AND $3::date
         ${free} ORDER BY e.created_at, e.id`,
        [serviceId, dates.from, dates.to],
      );
      return rows.map(toEntry);
    },
    async findEntryByLeaveToken(hash) {
      const [row] = await sql.query(`${ENTRY_SELECT} WHERE e.leave_token_hash = $1`, [hash]);
      return row ? toEntry(row) : null;
    },
    async getWaitlistEntry(id) {
      if (!ID.test(id)) return null;
      const [row] = await sql.query(`${ENTRY_SELECT} WHERE e.id = $1`, [id]);
      return row ? toEntry(row) : null;
    },
    async closeWaitlistEntry(id, to) {
      const rows = await sql.query(
        `UPDATE waitlist_entries SET status = $2 WHERE id = $1 AND status = 'waiting' RETURNING id`,
        [id, to],
      );
      return rows.length > 0;
    },
    async insertWaitlistOffer(o, now) {
      touch(o.staffId);
      try {
        // A savepoint: the database's refusal (the exclusion of live offers, the trigger's free-time
        // check, a resource held by another) is an error that would otherwise end the caller's
        // transaction. A resource refusal is tried once more after clearing the lapsed holds in the way.
        const ids = o.resources?.ids ?? [];
        const attempt = (clearFirst: boolean) =>
          sql.transaction(async (tx) => {
            // The resources' locks before the member's (the insert's trigger), as every booking writer.
            await lockResources(tx, ids);
            if (clearFirst && o.resources) await expireLapsedResourceHolds(tx, ids, o.resources.held, now);
            const [r] = await tx.query(
              `WITH ins AS (
               INSERT INTO waitlist_offers (entry_id, service_id, staff_id, start_at, end_at, occupied, seats,
                 expires_at, token_hash, created_at, updated_at)
               VALUES ($1, $2, $3, $4, $5, tstzrange($6::timestamptz, $7::timestamptz), $8, $9, $10, $11, $11)
               RETURNING *)
             SELECT ins.*, lower(ins.occupied) AS s, upper(ins.occupied) AS e FROM ins`,
              [
                o.entryId,
                o.serviceId,
                o.staffId,
                iso(o.start),
                iso(o.end),
                iso(o.occupied.start),
                iso(o.occupied.end),
                o.seats,
                iso(o.expiresAt),
                o.tokenHash,
                iso(now),
              ],
            );
            if (r && o.resources && ids.length > 0) await insertOfferHolds(tx, String(r.id), ids, o.resources.held);
            return r;
          });
        let row: Row | undefined;
        try {
          row = await attempt(false);
        } catch (error) {
          if (constraintOf(error) !== RESOURCE_CONSTRAINT) throw error;
          row = await attempt(true);
        }
        if (!row) throw new Error('waitlist offer not returned');
        return { ok: true, offer: toOffer(row) };
      } catch (error) {
        const constraint = constraintOf(error);
        if (
          sqlState(error) === EXCLUSION_VIOLATION &&
          (constraint === 'waitlist_offers_free' || constraint === RESOURCE_CONSTRAINT)
        ) {
          return { ok: false, reason: 'not_free' };
        }
        if (sqlState(error) === EXCLUSION_VIOLATION || sqlState(error) === UNIQUE_VIOLATION) {
          if (constraint === 'waitlist_offers_one_live' || constraint === 'waitlist_offers_live_entry') {
            return { ok: false, reason: 'offered' };
          }
        }
        throw error;
      }
    },
    async findOfferByToken(hash) {
      const [row] = await sql.query(`${OFFER_SELECT} WHERE o.token_hash = $1`, [hash]);
      return row ? toOffer(row) : null;
    },
    async getWaitlistOffer(id) {
      if (!ID.test(id)) return null;
      const [row] = await sql.query(`${OFFER_SELECT} WHERE o.id = $1`, [id]);
      return row ? toOffer(row) : null;
    },
    async findLiveOffer(entryId) {
      const [row] = await sql.query(`${OFFER_SELECT} WHERE o.entry_id = $1 AND o.status = 'live'`, [entryId]);
      return row ? toOffer(row) : null;
    },
    async closeWaitlistOffer(id, to, now, bookingId) {
      const rows = await sql.query(
        `UPDATE waitlist_offers SET status = $2, updated_at = $3, booking_id = coalesce($4, booking_id)
         WHERE id = $1 AND status = 'live' RETURNING staff_id`,
        [id, to, iso(now), bookingId ?? null],
      );
      const staffId = rows[0]?.staff_id;
      if (staffId !== undefined) touch(String(staffId));
      return rows.length > 0;
    },
    async listOfferedEntries(staffId, start) {
      const rows = await sql.query('SELECT entry_id FROM waitlist_offers WHERE staff_id = $1 AND start_at = $2', [
        staffId,
        iso(start),
      ]);
      return new Set(rows.map((r) => String(r.entry_id)));
    },
    listOfferHolds: (staffIds, window, now, except) => listOfferHolds(sql, staffIds, window, now, except),
    async listWaitlistForDate(date) {
      const rows = await sql.query(
        `SELECT e.*, to_char(e.date, 'YYYY-MM-DD') AS date_text,
           (SELECT o.start_at FROM waitlist_offers o WHERE o.entry_id = e.id AND o.status = 'live') AS offered
         FROM waitlist_entries e WHERE e.date = $1::date ORDER BY e.service_id, e.created_at, e.id`,
        [date],
      );
      return rows.map((r) => ({ ...toEntry(r), offeredStart: r.offered ? ms(r.offered) : null }));
    },
  };
}
