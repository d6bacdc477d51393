/**
 * The messages between the embedded database's worker thread (pglite-worker.ts) and the driver
 * the store uses (pglite-thread.ts), decision 045. Each request carries an id; the worker answers
 * each once. Statements of a transaction carry its number and are sent without waiting for BEGIN
 * or for each other (the worker runs them in order), so a transaction costs no extra waits.
 */

/** What the worker is started with (workerData). */
export interface WorkerStart {
  readonly dataDir?: string;
  /** A tar of a data directory to start from (backup restore, the tests' template). */
  readonly loadDataDir?: Uint8Array;
  /** PGlite's WebAssembly, if the main thread compiled it already (bin/pglite-preload.js). */
  readonly wasmModule?: WebAssembly.Module;
}

export type Request =
  | {
      readonly id: number;
      readonly op: 'query';
      readonly text: string;
      readonly params?: readonly unknown[];
      readonly tx?: number;
    }
  | { readonly id: number; readonly op: 'exec'; readonly text: string; readonly tx?: number }
  /** Opens transaction `tx`; answered only by its `end`. */
  | { readonly id: number; readonly op: 'begin'; readonly tx: number }
  /**
   * Ends transaction `tx`: COMMIT (answered once on the disk, or with the failure that rolled it
   * back) or ROLLBACK. Sent once the driver has every answer it waits for (pglite-thread.ts).
   */
  | { readonly id: number; readonly op: 'end'; readonly tx: number; readonly commit: boolean }
  | { readonly id: number; readonly op: 'snapshot' | 'close' };

export type Reply =
  | { readonly id: number; readonly ok: true; readonly value?: unknown }
  | { readonly id: number; readonly ok: false; readonly error: WireError };

/**
 * A driver error as plain data: its message and own fields (PostgreSQL's `code`, `constraint`,
 * `detail`…), which the store reads (sql.ts sqlState, constraintOf) and a structured clone of an
 * Error would drop.
 */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly fields: Record<string, string | number | boolean>;
}

export function toWire(error: unknown): WireError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(error)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[key] = value;
  }
  return { name: error.name, message: error.message, fields };
}

export function fromWire(wire: WireError): Error {
  const error = Object.assign(new Error(wire.message), wire.fields);
  error.name = wire.name;
  return error;
}
