/**
 * The door every new booking goes through, single or series: the per-email limit, then one
 * transaction that claims the Idempotency-Key, replays the stored answer for a repeat, refuses a
 * key reused with another request (IDEMPOTENCY_KEY_REUSED), or books and stores what a repeat
 * must get back (its manage token sealed under SLOTWISE_SECRET).
 */
import { inTransaction } from './in-transaction.ts';
import type { Clock, Store } from './ports.ts';
import { type LimitDeps, overLimit } from './rate-limits.ts';
import { type Result, refuse } from './result.ts';
import { sealToken, unsealToken } from './tokens.ts';

type OnceStore = LimitDeps['store'] & Pick<Store, 'claimIdempotencyKey' | 'saveIdempotentResponse' | 'transaction'>;

export interface BookOnceSteps<S, T> {
  /**
   * Books inside the transaction. Writes that nothing decided here waits for (the emails' jobs)
   * may be handed to `alongside` instead of awaited: they are left in flight with the stored
   * answer, and the driver sends COMMIT behind them — one round trip on a pipelining driver
   * (decision 040). The transaction commits only when all of them succeeded, else it fails.
   */
  readonly book: (store: S, now: number, alongside: (write: Promise<unknown>) => void) => Promise<Result<T>>;
  /** What a repeat of the same request is told, from the stored body and the unsealed token (null: unreadable). */
  readonly replay: (store: S, body: unknown, token: string | null) => Promise<Result<T>>;
  /** The body stored for a repeat. */
  readonly saved: (value: T) => unknown;
}

export async function bookOnce<S extends OnceStore, T extends { readonly token: string }>(
  deps: LimitDeps & { readonly store: S; readonly clock: Clock; readonly secret: string },
  input: {
    readonly client: { readonly email: string };
    readonly idempotency?: { readonly key: string; readonly requestHash: string } | undefined;
  },
  steps: BookOnceSteps<S, T>,
): Promise<Result<T>> {
  const now = deps.clock.now();
  const limited = await overLimit(deps, 'booking-email', input.client.email);
  if (limited) return limited;
  return inTransaction(deps.store, async (store) => {
    const key = input.idempotency;
    if (key) {
      const claim = await store.claimIdempotencyKey(key.key, key.requestHash, now);
      if (claim.state === 'mismatch') {
        return refuse('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request.');
      }
      if (claim.state === 'replay') {
        const token = claim.tokenSealed ? unsealToken(claim.tokenSealed, deps.secret) : null;
        return steps.replay(store, claim.body, token);
      }
    }
    const writes: Promise<unknown>[] = [];
    const result = await steps.book(store, now, (write) => {
      write.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
      writes.push(write);
    });
    if (key && result.ok) {
      writes.push(
        store.saveIdempotentResponse(
          key.key,
          201,
          steps.saved(result.value),
          sealToken(result.value.token, deps.secret),
        ),
      );
    }
    // Not awaited: the transaction waits for them before it commits (store/sql.ts inFlight).
    Promise.all(writes).catch(() => {});
    return result;
  });
}
