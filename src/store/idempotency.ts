/**
 * Idempotency-Key storage for booking creation. A key is claimed inside the booking's
 * transaction, so two requests with one key serialise on its primary key; rows live 24 hours.
 */
import { KEEP } from '../app/keep-periods.ts';
import type { IdempotencyClaim } from '../app/ports.ts';
import { iso } from './rows.ts';
import type { Sql } from './sql.ts';

export async function claimIdempotencyKey(sql: Sql, key: string, hash: string, now: number): Promise<IdempotencyClaim> {
  // One round trip: the rows past their keep period go in the same statement, and this key's own
  // row, when it is one of them, is taken over as new.
  const inserted = await sql.query(
    `WITH stale AS (DELETE FROM idempotency_keys WHERE created_at < $4 AND key <> $1)
     INSERT INTO idempotency_keys AS k (key, request_hash, created_at) VALUES ($1, $2, $3)
     ON CONFLICT (key) DO UPDATE SET request_hash = $2, created_at = $3, status = NULL, body = NULL, token_sealed = NULL
     WHERE k.created_at < $4
     RETURNING key`,
    [key, hash, iso(now), iso(now - KEEP.idempotencyMs)],
  );
  if (inserted.length > 0) return { state: 'new' };
  const [row] = await sql.query(
    'SELECT request_hash, status, body, token_sealed FROM idempotency_keys WHERE key = $1',
    [key],
  );
  if (!row || row.request_hash !== hash) return { state: 'mismatch' };
  if (row.status === null) return { state: 'mismatch' };
  return {
    state: 'replay',
    status: Number(row.status),
    body: row.body,
    tokenSealed: row.token_sealed === null ? null : String(row.token_sealed),
  };
}

export async function saveIdempotentResponse(
  sql: Sql,
  key: string,
  status: number,
  body: unknown,
  tokenSealed: string | null,
): Promise<void> {
  await sql.query('UPDATE idempotency_keys SET status = $2, body = $3, token_sealed = $4 WHERE key = $1', [
    key,
    status,
    JSON.stringify(body),
    tokenSealed,
  ]);
}

export async function releaseIdempotencyKey(sql: Sql, key: string): Promise<void> {
  await sql.query('DELETE FROM idempotency_keys WHERE key = $1 AND status IS NULL', [key]);
}
