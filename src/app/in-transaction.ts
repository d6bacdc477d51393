/**
 * Running a use case's writes in one store transaction. The transaction's store is the same
 * narrow port as the one the use case declared (`Pick<Store, …>`): in the transaction it may use
 * only the methods its signature names.
 */
import type { Store } from './ports.ts';
import type { Refusal, Result } from './result.ts';

/** Runs `fn` in one transaction: it commits when `fn` returns, and rolls back when it throws. */
export function atomically<S extends Pick<Store, 'transaction'>, T>(store: S, fn: (tx: S) => Promise<T>): Promise<T> {
  // The transaction hands over the whole store; the caller sees it through the port it declared.
  return store.transaction((tx) => fn(tx as unknown as S));
}

class RefusalRollback extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.code);
  }
}

/** Runs a use case in one transaction that commits on Ok and rolls back on a Refusal (SPEC §6: nothing half-written). */
export async function inTransaction<S extends Pick<Store, 'transaction'>, T>(
  store: S,
  fn: (tx: S) => Promise<Result<T>>,
): Promise<Result<T>> {
  try {
    return await atomically(store, async (tx) => {
      const result = await fn(tx);
      if (!result.ok) throw new RefusalRollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RefusalRollback) return error.refusal;
    throw error;
  }
}
