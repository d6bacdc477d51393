// The embedded database's worker thread when Slotwise runs from its TypeScript sources
// (pglite-thread.ts): registers tsx's loader in this thread, as bin/slotwise.js does on the main
// one, then loads the worker. Plain JavaScript: it runs before any loader. (Node 20 does not apply
// a worker's `--import` hooks to its entry module, hence this file.)
import { register } from 'tsx/esm/api';

register();
await import('./pglite-worker.ts');
