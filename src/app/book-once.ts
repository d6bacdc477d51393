/**
 * The door every new booking goes through, single or series: the per-email limit (and the
 * per-address one the HTTP layer hands over, in the same statement), then one
 * transaction that claims the Idempotency-Key, replays the stored answer for a repeat, refuses a
 * key reused with another request (IDEMPOTENCY_KEY_REUSED), or books and stores what a repeat
 * must get back (its manage token sealed under SLOTWISE_SECRET).
 */
import { inTransaction } from './in-transaction.ts';
import type { Clock, Store } from './ports.ts';
import { type HandedHit, type LimitsDeps, overLimits } from './rate-limits.ts';
import { type Result, refuse } from './result.ts';
import { sealToken, unsealToken } from './tokens.ts';

type OnceStore = LimitsDeps['store'] & Pick<Store, 'claimIdempotencyKey' | 'saveIdempotentResponse' | 'transaction'>;

export interface BookOnceSteps<S, T> {
  /**
   * Books inside the transaction. Writes that nothing decided here waits for (the emails' jobs)
   * may be handed to `alongside` instead of awaited: they are left in flight with the stored
   * answer, and the driver sends COMMIT behind them — one round trip on a pipelining driver
   * (decision 040). The transaction commits only when all of them succeeded, else it fails.
   *
   * `claimed` says whether the Idempotency-Key was claimed as new. Without `readsBeforeClaim` it
   * is always true: `book` runs once the claim is known. With it, `book` runs while the claim is
   * on its way (its reads go in the same round trip) and must await `claimed` before its row
   * and return anything when false (its result is then dropped and the transaction rolled back).
   */
  readonly book: (
    store: S,
    now: number,
    alongside: (write: Promise<unknown>) => void,
    claimed: Promise<boolean>,
    attempt: Attempt,
  ) => Promise<Result<T>>;
  /** `book` waits for `claimed` itself, so it may start with the claim (see `book`). */
  readonly readsBeforeClaim?: true;
  /** What a repeat of the same request is told, from the stored body and the unsealed token (null: unreadable). */
  readonly replay: (store: S, body: unknown, token: string | null) => Promise<Result<T>>;
  /** The body stored for a repeat. */
  readonly saved: (value: T) => unknown;
}

/**
 * Which try of the transaction this is. The first may write its row without waiting for the
 * answer (decision 043: the row, what names it and COMMIT in one round trip); when the database
 * refuses that row, `book` calls `refused` before the transaction fails, and it is redone once
 * with `optimistic` false (the row awaited, the next member tried, lapsed holds expired).
 */
export interface Attempt {
  readonly optimistic: boolean;
  refused(): void;
}

/** A replay ends its transaction with a rollback: what `book` asked early must not stay. */
class ReplayRollback<T> extends Error {
  constructor(readonly result: Result<T>) {
    super('idempotent replay');
  }
}

export async function bookOnce<S extends OnceStore, T extends { readonly token: string }>(
  deps: LimitsDeps & { readonly store: S; readonly clock: Clock; readonly secret: string },
  input: {
    readonly client: { readonly email: string };
    readonly idempotency?: { readonly key: string; readonly requestHash: string } | undefined;
    /** The HTTP layer's `booking-ip` hit, counted here with `booking-email` unless already counted. */
    readonly addressHit?: HandedHit | undefined;
  },
  steps: BookOnceSteps<S, T>,
): Promise<Result<T>> {
  const now = deps.clock.now();
  // Both hits in one statement (one round trip, one commit: decision 043), both counted, the
  // address's refusal told first. Awaited before the transaction: on the embedded database a
  // transaction must not wait for a statement outside it (decision 038's group commit answers
  // that statement only after the transaction's own commit).
  const address = input.addressHit?.take() ? [input.addressHit] : [];
  const limited = await overLimits(deps, [...address, { name: 'booking-email', value: input.client.email }]);
  if (limited) return limited;
  for (let tries = 0; ; tries++) {
    let refused = false;
    const attempt: Attempt = {
      optimistic: tries === 0,
      refused: () => {
        refused = true;
      },
    };
    try {
      return await once(deps, input, steps, now, attempt);
    } catch (error) {
      if (error instanceof ReplayRollback) return error.result as Result<T>;
      // The optimistic row was refused: nothing was kept (the transaction failed); once more, carefully.
      if (refused && attempt.optimistic) continue;
      throw error;
    }
  }
}

/** One try of the transaction: the key's claim, a replay or a refusal, or the booking and its stored answer. */
function once<S extends OnceStore, T extends { readonly token: string }>(
  deps: { readonly store: S; readonly secret: string },
  input: { readonly idempotency?: { readonly key: string; readonly requestHash: string } | undefined },
  steps: BookOnceSteps<S, T>,
  now: number,
  attempt: Attempt,
): Promise<Result<T>> {
  return inTransaction(deps.store, async (store) => {
    const key = input.idempotency;
    const claim = key ? store.claimIdempotencyKey(key.key, key.requestHash, now) : null;
    claim?.catch(() => {}); // awaited below, whichever way
    const claimed = claim ? claim.then((c) => c.state === 'new') : Promise.resolve(true);
    const writes: Promise<unknown>[] = [];
    const alongside = (write: Promise<unknown>) => {
      write.catch(() => {}); // the transaction waits for it; this only keeps an early failure handled
      writes.push(write);
    };
    // With the claim on its way, book's reads go in the same round trip (decision 040).
    const booking = steps.readsBeforeClaim ? steps.book(store, now, alongside, claimed, attempt) : null;
    booking?.catch(() => {});
    if (claim) {
      // Nothing of `book` may outlive the transaction: when it will not go on, it is awaited first.
      const c = await claim.catch(async (error: unknown) => {
        await booking?.catch(() => {});
        throw error;
      });
      if (c.state !== 'new') await booking?.catch(() => {});
      if (c.state === 'mismatch') {
        return refuse('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request.');
      }
      if (c.state === 'replay') {
        const token = c.tokenSealed ? unsealToken(c.tokenSealed, deps.secret) : null;
        throw new ReplayRollback(await steps.replay(store, c.body, token));
      }
    }
    const result = await (booking ?? steps.book(store, now, alongside, claimed, attempt));
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
