/**
 * The embedded database's worker thread (decision 045): PGlite, its durable file system and WAL
 * sync (decisions 017, 039) and the group commit (038) run here, exactly as pglite.ts runs them
 * on a main thread, and answer the driver's messages (pglite-messages.ts). So PostgreSQL's
 * WebAssembly runs on a second core while the main thread serves HTTP and the use cases.
 */
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { openPglite } from './pglite.ts';
import { type Reply, type Request, toWire, type WorkerStart } from './pglite-messages.ts';
import type { Database, Sql } from './sql.ts';

type TxMessage = Extract<Request, { op: 'query' | 'exec' | 'end' }>;

/** Thrown inside a transaction the main thread rolled back (its function threw there). */
const ROLLED_BACK = Symbol('rolled back');

/**
 * One transaction: its messages in the order sent, taken by the transaction once it holds the
 * connection. If it ends early (BEGIN failed), what is left and what still comes is answered with
 * that failure, so no caller waits forever.
 */
class Transaction {
  private readonly queued: TxMessage[] = [];
  private waiting: ((m: TxMessage) => void) | null = null;
  private failed: { error: unknown } | null = null;
  done: Promise<void> = Promise.resolve();

  constructor(private readonly refuse: (m: TxMessage, error: unknown) => void) {}

  push(m: TxMessage) {
    if (this.failed) return this.refuse(m, this.failed.error);
    const take = this.waiting;
    if (take) {
      this.waiting = null;
      take(m);
    } else this.queued.push(m);
  }
  next(): Promise<TxMessage> {
    const m = this.queued.shift();
    if (m) return Promise.resolve(m);
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }
  fail(error: unknown) {
    this.failed = { error };
    for (const m of this.queued.splice(0)) this.refuse(m, error);
  }
}

function serve(db: Database, port: MessagePort) {
  const open = new Map<number, Transaction>();
  const reply = (message: Reply) => port.postMessage(message);
  const answer = (id: number, work: Promise<unknown>) =>
    work.then(
      (value) => reply({ id, ok: true, value }),
      (error) => reply({ id, ok: false, error: toWire(error) }),
    );
  const run = (sql: Sql, m: Extract<Request, { op: 'query' | 'exec' }>): Promise<unknown> =>
    m.op === 'query' ? sql.query(m.text, m.params) : sql.exec(m.text);

  function begin(txId: number) {
    // An end is answered by the transaction's outcome (below), a statement by the failure.
    const t = new Transaction((m, error) => {
      if (m.op !== 'end') reply({ id: m.id, ok: false, error: toWire(error) });
    });
    open.set(txId, t);
    t.done = db
      .transaction(async (tx) => {
        for (;;) {
          const m = await t.next();
          if (m.op === 'end') {
            if (!m.commit) throw ROLLED_BACK;
            return;
          }
          // Not awaited: the statements queue on the connection in order (the driver sends the
          // end once it has every answer it waits for).
          void answer(m.id, run(tx, m));
        }
      })
      .catch((error) => {
        if (error === ROLLED_BACK) return;
        t.fail(error);
        throw error;
      });
    t.done.catch(() => {}); // answered through its end
  }

  port.on('message', (m: Request) => {
    switch (m.op) {
      case 'query':
      case 'exec':
        if (m.tx === undefined) void answer(m.id, run(db, m));
        else if (open.has(m.tx)) open.get(m.tx)?.push(m);
        else reply({ id: m.id, ok: false, error: toWire(new Error(`no open transaction ${m.tx}`)) });
        return;
      case 'begin':
        begin(m.tx);
        return;
      case 'end': {
        const t = open.get(m.tx);
        if (!t) return reply({ id: m.id, ok: false, error: toWire(new Error(`no open transaction ${m.tx}`)) });
        open.delete(m.tx); // nothing more comes for it
        t.push(m);
        // The transaction's outcome answers its end: committed (and on the disk) or its first failure.
        void answer(m.id, t.done);
        return;
      }
      case 'snapshot':
        void answer(
          m.id,
          (async () => {
            const blob = await db.snapshot?.();
            if (!blob) throw new Error('this database has no snapshot');
            return new Uint8Array(await blob.arrayBuffer());
          })(),
        );
        return;
      case 'close':
        void answer(m.id, db.close()).then(() => port.close());
        return;
    }
  });
}

const port = parentPort;
if (!port) throw new Error('pglite-worker.ts runs as a worker thread (pglite-thread.ts starts it)');
const start = workerData as WorkerStart;
if (start.wasmModule) {
  // openPglite takes a compiled module from here (pglite.ts preloadedWasm).
  (globalThis as Record<symbol, unknown>)[Symbol.for('slotwise.pglite-wasm')] = Promise.resolve(start.wasmModule);
}
try {
  const db = await openPglite(
    start.dataDir,
    start.loadDataDir ? { loadDataDir: new Blob([start.loadDataDir], { type: 'application/x-tar' }) } : {},
  );
  serve(db, port);
  port.postMessage({ id: 0, ok: true } satisfies Reply);
} catch (error) {
  port.postMessage({ id: 0, ok: false, error: toWire(error) } satisfies Reply);
  port.close();
}
