/**
 * The embedded database on a worker thread (decision 045): the same driver as pglite.ts — it runs
 * inside the worker (pglite-worker.ts), with its group commit and durable file system — behind the
 * same Database interface, so the store does not change. The main thread keeps HTTP, the use cases
 * and the views; PostgreSQL's WebAssembly runs on another core meanwhile.
 *
 * A transaction's BEGIN and statements are posted without waiting for one another (the worker runs
 * them in order); only the answers a caller awaits cost a round trip between the threads. The
 * worker holds the process open only while a request is unanswered, as the in-thread driver does.
 */
import { Worker } from 'node:worker_threads';
import { fromWire, type Reply, type Request, type WorkerStart } from './pglite-messages.ts';
import { type Database, type Row, type Sql, withSavepoints } from './sql.ts';

type Body = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

/**
 * The worker's young generation capped: its garbage is the short-lived messages and rows, and V8's
 * default lets each thread's grow to tens of MB under load. 8 MB kept the worker's resident memory
 * ~50 MB lower after the booking bench at the same CPU per booking (docs/PERFORMANCE.md).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

/**
 * The worker's module: the bundle's own (scripts/build.mjs builds it beside the app's) when this
 * code runs from the bundle, else the TypeScript source behind a loader (pglite-worker-boot.js).
 */
function startWorker(workerData: WorkerStart): Worker {
  const bundled = import.meta.url.endsWith('.bundle.mjs');
  const entry = bundled ? './pglite-worker.bundle.mjs' : './pglite-worker-boot.js';
  return new Worker(new URL(entry, import.meta.url), { workerData, resourceLimits: WORKER_LIMITS });
}

async function preloadedWasm(): Promise<WebAssembly.Module | undefined> {
  const started = (globalThis as Record<symbol, Promise<WebAssembly.Module> | undefined>)[
    Symbol.for('slotwise.pglite-wasm')
  ];
  return started?.catch(() => undefined);
}

/**
 * Statements a transaction's function left unawaited are the transaction's (sql.ts inFlight), and
 * so are those their continuations issue once answered (a use case's chain of writes, as
 * create-booking.ts followUp): all are answered before COMMIT is sent, and the first failure among
 * them fails the transaction. (The in-thread driver gets the chained ones in by the order of the
 * microtasks; here their answers cross threads, so the driver waits until no statement is left.)
 */
async function leftUnawaited(unanswered: ReadonlyMap<number, Promise<unknown>>): Promise<void> {
  if (unanswered.size === 0) return; // nothing pending: no continuation can issue another
  let failure: { error: unknown } | null = null;
  for (;;) {
    for (const outcome of await Promise.allSettled([...unanswered.values()])) {
      if (outcome.status === 'rejected') failure ??= { error: outcome.reason };
    }
    // A turn of the event loop: every continuation of those answers has run (and sent its statement).
    await new Promise((resolve) => setImmediate(resolve));
    if (unanswered.size === 0) break;
  }
  if (failure) throw failure.error;
}

/** Same arguments as pglite.ts openPglite. */
export async function openPgliteThread(dataDir?: string, opts: { loadDataDir?: Blob } = {}): Promise<Database> {
  const wasmModule = await preloadedWasm();
  const start: WorkerStart = {
    ...(dataDir === undefined ? {} : { dataDir }),
    ...(opts.loadDataDir ? { loadDataDir: new Uint8Array(await opts.loadDataDir.arrayBuffer()) } : {}),
    ...(wasmModule ? { wasmModule } : {}),
  };
  const worker = startWorker(start);
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  let nextId = 1;
  let broken: Error | null = null;

  const ready = new Promise<unknown>((resolve, reject) => waiting.set(0, { resolve, reject }));
  const settleAll = (error: Error) => {
    broken ??= error;
    for (const w of waiting.values()) w.reject(broken);
    waiting.clear();
  };
  worker.on('message', (reply: Reply) => {
    const w = waiting.get(reply.id);
    if (!w) return;
    waiting.delete(reply.id);
    if (waiting.size === 0) worker.unref();
    if (reply.ok) w.resolve(reply.value);
    else w.reject(fromWire(reply.error));
  });
  worker.on('error', (error) => settleAll(new Error('the database thread failed', { cause: error })));
  worker.on('exit', (code) => settleAll(new Error(`the database thread stopped (exit code ${code})`)));

  /** Sends without waiting for an answer (a transaction's BEGIN). */
  const post = (body: Body) => {
    if (broken) throw broken;
    worker.postMessage({ ...body, id: nextId++ });
  };
  const send = (body: Body): { id: number; answered: Promise<unknown> } => {
    const id = nextId++;
    if (broken) return { id, answered: Promise.reject(broken) };
    const answered = new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
    worker.ref();
    worker.postMessage({ ...body, id });
    return { id, answered };
  };
  const request = (body: Body) => send(body).answered;

  try {
    await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  worker.unref();
  let nextTx = 1;

  return {
    driver: 'pglite',
    query: <T extends Row>(text: string, params?: readonly unknown[]) =>
      request({ op: 'query', text, ...(params ? { params } : {}) }) as Promise<T[]>,
    exec: async (text: string) => {
      await request({ op: 'exec', text });
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      const tx = nextTx++;
      post({ op: 'begin', tx });
      const unanswered = new Map<number, Promise<unknown>>();
      const run = (body: Body) => {
        const { id, answered } = send(body);
        unanswered.set(id, answered);
        const seen = () => unanswered.delete(id);
        answered.then(seen, seen);
        return answered;
      };
      const sql = withSavepoints(
        (text, params) => run({ op: 'query', text, tx, ...(params ? { params } : {}) }) as Promise<Row[]>,
        async (text) => {
          await run({ op: 'exec', text, tx });
        },
      );
      let result: T;
      try {
        result = await fn(sql);
        await leftUnawaited(unanswered);
      } catch (error) {
        await request({ op: 'end', tx, commit: false }).catch(() => {});
        throw error;
      }
      await request({ op: 'end', tx, commit: true });
      return result;
    },
    async close() {
      if (broken) return;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      await request({ op: 'close' });
      worker.ref(); // the process waits for the thread's end (its files closed)
      await exited;
    },
    snapshot: async () => {
      const bytes = (await request({ op: 'snapshot' })) as Uint8Array;
      return new Blob([bytes], { type: 'application/x-gzip' });
    },
  };
}
