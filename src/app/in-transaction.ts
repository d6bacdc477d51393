/**
 * Runs a use case in one store transaction that commits on Ok and rolls back on a Refusal, so a
 * refused request leaves nothing half-written (SPEC §6).
 */
import type { Store } from './ports.ts';
import type { Refusal, Result } from './result.ts';

class RefusalRollback extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.code);
  }
}

export async function inTransaction<T>(store: Store, fn: (tx: Store) => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await store.transaction(async (tx) => {
      const result = await fn(tx);
      if (!result.ok) throw new RefusalRollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RefusalRollback) return error.refusal;
    throw error;
  }
}
