/**
 * Cooperative time slicing: long synchronous work checks `due()` now and then and, when its
 * slice has run SLICE_MS, awaits `pause()`, which lets the event loop serve requests before
 * going on (decision 026: measured against a worker thread, bench/ical.ts).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

export class Slicer {
  private started = performance.now();

  constructor(private readonly sliceMs: number) {}

  /** Whether the current slice has used its time. */
  due(): boolean {
    return performance.now() - this.started >= this.sliceMs;
  }

  /** Yields to the event loop (after I/O callbacks, like setImmediate) and starts a new slice. */
  async pause(): Promise<void> {
    await nextTurn();
    this.started = performance.now();
  }
}
