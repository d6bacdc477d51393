/**
 * The one way the job worker learns of new work: the store the use cases get calls `queued` once a
 * change that queued jobs has committed — whichever door it came in by (the API, the pages, the
 * dashboard, the payment callback). Jobs queued in a transaction are announced when it commits,
 * and not if it rolls back; jobs queued outside one are committed, and announced, at once.
 *
 * A Proxy forwards every other method as it is looked up, so a store handed in (a test's spy
 * included) keeps behaving as it does.
 */
import type { Store } from './ports.ts';

export function signalQueuedJobs(store: Store, queued: () => void): Store {
  return watched(store, null, queued);
}

/** `mark` is the outermost transaction's; null outside any. */
function watched(store: Store, mark: { queued: boolean } | null, queued: () => void): Store {
  const enqueueJobs: Store['enqueueJobs'] = async (jobs, now) => {
    await store.enqueueJobs(jobs, now);
    if (jobs.length === 0) return;
    if (mark) mark.queued = true;
    else queued();
  };
  const transaction: Store['transaction'] = async (fn) => {
    // A nested transaction (a savepoint) counts with the outer one, which alone commits; one that
    // rolls back after queuing costs at most a wake-up that finds nothing.
    if (mark) return store.transaction((tx) => fn(watched(tx, mark, queued)));
    const outer = { queued: false };
    const result = await store.transaction((tx) => fn(watched(tx, outer, queued)));
    if (outer.queued) queued();
    return result;
  };
  return new Proxy(store, {
    get(target, name, receiver) {
      if (name === 'enqueueJobs') return enqueueJobs;
      if (name === 'transaction') return transaction;
      return Reflect.get(target, name, receiver);
    },
  });
}
