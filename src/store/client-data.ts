/**
 * Clients' data in SQL (the ClientDataStore port, with retention.ts and my-bookings-links.ts):
 * search, everything stored about an email (export), and erase. An email is matched
 * case-insensitively, as the clients table's unique index compares it.
 */
import type {
  BookingFacts,
  ClientData,
  ClientDataStore,
  ClientRecord,
  ErasedCounts,
} from '../app/clients/client-store.ts';
import { BOOKING_SELECT } from './bookings.ts';
import { mentions, scrubBookings } from './client-scrub.ts';
import * as links from './my-bookings-links.ts';
import { applyRetention, cleanUp, reclaimSpace } from './retention.ts';
import { ms, optMs, toBooking } from './rows.ts';
import type { Row, Sql } from './sql.ts';

const ID = /^\d{1,18}$/;

/** A client row with the count of their bookings that still hold personal data. */
const CLIENT_SELECT = `SELECT c.*, (SELECT count(*) FROM bookings b WHERE lower(b.client_email) = lower(c.email)) AS n
  FROM clients c`;

function toClient(r: Row): ClientRecord {
  return {
    id: String(r.id),
    name: String(r.name),
    email: String(r.email),
    phone: r.phone === null ? null : String(r.phone),
    address: r.address === null ? null : String(r.address),
    createdAt: ms(r.created_at),
    updatedAt: ms(r.updated_at),
    bookings: Number(r.n),
  };
}

/** LIKE pattern matching `q` literally anywhere. */
const containing = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export async function searchClients(sql: Sql, q: string | null, limit: number): Promise<ClientRecord[]> {
  const rows = q
    ? await sql.query(
        `${CLIENT_SELECT} WHERE c.name ILIKE $1 OR c.email ILIKE $1 OR c.phone ILIKE $1
         ORDER BY lower(c.name), c.id LIMIT $2`,
        [containing(q), limit],
      )
    : await sql.query(`${CLIENT_SELECT} ORDER BY lower(c.name), c.id LIMIT $1`, [limit]);
  return rows.map(toClient);
}

export async function getClient(sql: Sql, id: string): Promise<ClientRecord | null> {
  if (!ID.test(id)) return null;
  const [r] = await sql.query(`${CLIENT_SELECT} WHERE c.id = $1`, [id]);
  return r ? toClient(r) : null;
}

/** The person's bookings: every one under their email, or linked to their client row. */
const PERSON_BOOKINGS = `$1 <> '' AND (lower(b.client_email) = lower($1)
  OR b.client_id IN (SELECT id FROM clients WHERE lower(email) = lower($1)))`;

async function bookingFacts(sql: Sql, email: string): Promise<BookingFacts[]> {
  const rows = await sql.query(`${BOOKING_SELECT} WHERE ${PERSON_BOOKINGS} ORDER BY b.start_at, b.id`, [email]);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => String(r.id));
  const [history, payments, codes, links] = await Promise.all([
    sql.query('SELECT * FROM booking_history WHERE booking_id = ANY($1::bigint[]) ORDER BY id', [ids]),
    sql.query('SELECT * FROM payments WHERE booking_id = ANY($1::bigint[]) ORDER BY received_at', [ids]),
    sql.query('SELECT * FROM verification_codes WHERE booking_id = ANY($1::bigint[])', [ids]),
    sql.query(
      'SELECT booking_id, count(*) AS n FROM manage_tokens WHERE booking_id = ANY($1::bigint[]) GROUP BY booking_id',
      [ids],
    ),
  ]);
  const of = (list: Row[], id: unknown) => list.filter((x) => String(x.booking_id) === String(id));
  return rows.map((r) => {
    const code = of(codes, r.id)[0];
    return {
      ...toBooking(r),
      updatedAt: ms(r.updated_at),
      cancelledAt: optMs(r.cancelled_at),
      cancelReason: r.cancel_reason === null ? null : String(r.cancel_reason),
      remindAt: optMs(r.remind_at),
      remindedAt: optMs(r.reminded_at),
      history: of(history, r.id).map((h) => ({
        fromStart: ms(h.from_start),
        toStart: ms(h.to_start),
        fromStaffId: String(h.from_staff_id),
        toStaffId: String(h.to_staff_id),
        reason: String(h.reason),
        at: ms(h.at),
      })),
      payments: of(payments, r.id).map((p) => ({
        transactionId: String(p.transaction_id),
        amount: Number(p.amount_minor),
        currency: String(p.currency).trim(),
        status: String(p.status),
        receivedAt: ms(p.received_at),
      })),
      verification: code
        ? { issuedAt: optMs(code.issued_at), attempts: Number(code.attempts), requestedAt: ms(code.requested_at) }
        : null,
      manageLinks: Number(of(links, r.id)[0]?.n ?? 0),
    };
  });
}

export async function exportClientData(sql: Sql, email: string): Promise<ClientData> {
  const [clientRow] = await sql.query(`${CLIENT_SELECT} WHERE lower(c.email) = lower($1)`, [email]);
  const bookings = await bookingFacts(sql, email);
  const ids = bookings.map((b) => b.id);
  const needles = [email.toLowerCase(), ...bookings.map((b) => b.reference.toLowerCase())];
  const jobs = await sql.query(
    `SELECT * FROM jobs WHERE payload->>'bookingId' = ANY($1::text[]) OR payload->'booking'->>'id' = ANY($1::text[])
       OR ${mentions('payload::text', 2)} ORDER BY id`,
    [ids, needles],
  );
  const eventIds = jobs.map((j) => (j.payload as { eventId?: unknown } | null)?.eventId).filter((e) => e);
  const [deliveries, outbox, replays, links, entries, offers] = await Promise.all([
    sql.query('SELECT * FROM webhook_deliveries WHERE event_id = ANY($1::text[]) ORDER BY id', [eventIds.map(String)]),
    sql.query(
      `SELECT * FROM dev_mailbox WHERE ${mentions('subject', 1)} OR ${mentions('text_body', 1)}
         OR EXISTS (SELECT 1 FROM unnest(recipients) r WHERE lower(r) = $2) ORDER BY id`,
      [needles, email.toLowerCase()],
    ),
    sql.query(`SELECT key, status, created_at FROM idempotency_keys WHERE ${mentions("coalesce(body::text, '')", 1)}`, [
      needles,
    ]),
    sql.query('SELECT * FROM my_bookings_links WHERE lower(email) = lower($1) ORDER BY created_at', [email]),
    sql.query(
      `SELECT *, to_char(date, 'YYYY-MM-DD') AS date_text FROM waitlist_entries
         WHERE lower(client_email) = lower($1) ORDER BY id`,
      [email],
    ),
    sql.query(
      `SELECT o.entry_id, o.start_at, o.end_at, o.status, o.expires_at FROM waitlist_offers o
         JOIN waitlist_entries e ON e.id = o.entry_id WHERE lower(e.client_email) = lower($1) ORDER BY o.id`,
      [email],
    ),
  ]);
  return {
    email,
    client: clientRow ? toClient(clientRow) : null,
    bookings,
    jobs: jobs.map((j) => ({
      id: String(j.id),
      kind: String(j.kind),
      payload: typeof j.payload === 'string' ? JSON.parse(j.payload) : j.payload,
      createdAt: ms(j.created_at),
      runAt: ms(j.run_at),
      doneAt: optMs(j.done_at),
      failedAt: optMs(j.failed_at),
    })),
    webhookDeliveries: deliveries.map((d) => ({
      webhookId: String(d.webhook_id),
      eventId: String(d.event_id),
      event: String(d.event),
      attempt: Number(d.attempt),
      statusCode: d.status_code === null ? null : Number(d.status_code),
      deliveredAt: ms(d.delivered_at),
    })),
    outbox: outbox.map((m) => ({
      id: String(m.id),
      to: m.recipients as string[],
      subject: String(m.subject),
      text: String(m.text_body),
      sentAt: ms(m.sent_at),
    })),
    idempotencyKeys: replays.map((r) => ({
      key: String(r.key),
      status: r.status === null ? null : Number(r.status),
      createdAt: ms(r.created_at),
    })),
    myBookingsLinks: links.map((l) => ({
      createdAt: ms(l.created_at),
      expiresAt: ms(l.expires_at),
      usedAt: optMs(l.used_at),
    })),
    waitlistEntries: entries.map((e) => ({
      id: String(e.id),
      serviceId: String(e.service_id),
      staffId: e.staff_id === null ? null : String(e.staff_id),
      date: String(e.date_text),
      from: e.from_minute === null ? null : Number(e.from_minute),
      to: e.to_minute === null ? null : Number(e.to_minute),
      seats: Number(e.seats),
      name: String(e.client_name),
      phone: e.client_phone === null ? null : String(e.client_phone),
      locale: String(e.locale),
      status: String(e.status),
      createdAt: ms(e.created_at),
      offers: offers
        .filter((o) => String(o.entry_id) === String(e.id))
        .map((o) => ({
          start: ms(o.start_at),
          end: ms(o.end_at),
          status: String(o.status),
          expiresAt: ms(o.expires_at),
        })),
    })),
  };
}

export async function eraseClientData(
  sql: Sql,
  email: string,
  rateLimitKeys: readonly string[],
  now: number,
): Promise<ErasedCounts> {
  // The client row first, under its lock, so a booking confirmed meanwhile cannot re-create it half-way.
  const [client] = await sql.query('SELECT id FROM clients WHERE lower(email) = lower($1) FOR UPDATE', [email]);
  const ids = (
    await sql.query(`SELECT b.id FROM bookings b WHERE ${PERSON_BOOKINGS} ORDER BY b.id FOR UPDATE`, [email])
  ).map((r) => String(r.id));
  const scrubbed = await scrubBookings(sql, ids, [email.toLowerCase()], now);
  if (client) await sql.query('DELETE FROM clients WHERE id = $1', [client.id]);
  const links = await sql.query('DELETE FROM my_bookings_links WHERE lower(email) = lower($1) RETURNING email', [
    email,
  ]);
  if (rateLimitKeys.length) await sql.query('DELETE FROM rate_limits WHERE key = ANY($1::text[])', [rateLimitKeys]);
  // Their waitlist entries go whole (their offers with them): an entry is nothing but the person's wish.
  await sql.query('DELETE FROM waitlist_entries WHERE lower(client_email) = lower($1)', [email]);
  return {
    client: client !== undefined,
    bookings: scrubbed.bookings,
    jobs: scrubbed.jobs,
    outbox: scrubbed.outbox,
    idempotencyKeys: scrubbed.idempotencyKeys,
    myBookingsLinks: links.length,
  };
}

/** The ClientDataStore port over SQL; `full` = reclaim space by rewriting tables (the embedded database). */
export function clientDataStore(sql: Sql, full: boolean): ClientDataStore {
  return {
    searchClients: (q, limit) => searchClients(sql, q, limit),
    getClient: (id) => getClient(sql, id),
    exportClientData: (email) => exportClientData(sql, email),
    eraseClientData: (email, keys, now) => eraseClientData(sql, email, keys, now),
    applyRetention: (rules, now) => applyRetention(sql, rules, now),
    cleanUp: (rules) => cleanUp(sql, rules),
    reclaimSpace: () => reclaimSpace(sql, full),
    hasBookings: (email) => links.hasBookings(sql, email),
    listBookingsByEmail: (email) => links.listBookingsByEmail(sql, email),
    createMyBookingsLink: (link) => links.createMyBookingsLink(sql, link),
    peekMyBookingsLink: (hash, now) => links.peekMyBookingsLink(sql, hash, now),
    useMyBookingsLink: (hash, now) => links.useMyBookingsLink(sql, hash, now),
  };
}
