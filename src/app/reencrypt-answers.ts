/**
 * `slotwise reencrypt` (decision 029): after SLOTWISE_SECRET changed, seals every sensitive answer
 * sealed under the old secret again under the current one. A value that already opens with the
 * current secret is left alone (so the command can be run twice, or after an interruption); one
 * that opens with neither is counted and left as it is. Each value is replaced only if it is still
 * the one read (compare and set), in pages by id: no long transaction, nothing lost to a write
 * made meanwhile.
 */
import type { Store } from './ports.ts';
import { openAnswers, sealAnswers } from './sensitive-answers.ts';

const PAGE = 500;

export interface ReencryptCounts {
  /** Sealed again under the current secret. */
  readonly moved: number;
  /** Already under the current secret. */
  readonly current: number;
  /** Opened with neither secret: left as they are. */
  readonly unreadable: number;
}

export async function reencryptAnswers(
  deps: { store: Pick<Store, 'listSealedAnswers' | 'replaceSealedAnswers'> },
  oldSecret: string,
  secret: string,
): Promise<ReencryptCounts> {
  let moved = 0;
  let current = 0;
  let unreadable = 0;
  let after: string | null = null;
  for (;;) {
    const page = await deps.store.listSealedAnswers(after, PAGE);
    if (page.length === 0) break;
    for (const row of page) {
      if (openAnswers(row.sealed, secret, row.reference) !== null) {
        current++;
        continue;
      }
      const answers = openAnswers(row.sealed, oldSecret, row.reference);
      const sealed = answers === null ? null : sealAnswers(answers, secret, row.reference);
      if (sealed === null) {
        unreadable++;
        continue;
      }
      if (await deps.store.replaceSealedAnswers(row.id, row.sealed, sealed)) moved++;
      else unreadable++;
    }
    after = page[page.length - 1]?.id ?? null;
  }
  return { moved, current, unreadable };
}
