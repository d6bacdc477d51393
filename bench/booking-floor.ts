/**
 * What a booking cannot go below on the embedded database: one statement's round trip through
 * PGlite and one synced transaction, measured in this process on a data directory of its own
 * (fsync on, as `slotwise serve` runs it). A booking's request makes about seven statements and
 * one synced commit, and its emails about ten more (docs/PERFORMANCE.md), all through the one
 * PGlite connection, so these two figures bound the sequential booking rate from above.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/store/open-database.ts';
import { type Figure, median, p99, timeAsync } from './figures.ts';

const ROUND_TRIPS = 2000;
const COMMITS = 300;

export async function runBookingFloor(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'slotwise-bench-floor-'));
  const opened = await openDatabase({ kind: 'pglite', dataDir: dir });
  try {
    const db = opened.db;
    await db.exec('CREATE TABLE floor_probe (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz)');
    const trip = await timeAsync(() => db.query('SELECT $1::int AS n', [1]), { runs: ROUND_TRIPS, warmup: 50 });
    const commit = await timeAsync(
      () => db.transaction((tx) => tx.query('INSERT INTO floor_probe (at) VALUES ($1)', [new Date().toISOString()])),
      { runs: COMMITS, warmup: 50 },
    );
    const figure = (name: string, samples: number[], unit: 'µs' | 'ms', note: string): Figure => {
      const k = unit === 'ms' ? 1000 : 1;
      return {
        group: 'booking',
        name,
        unit,
        median: median(samples) / k,
        p99: p99(samples) / k,
        target: null,
        met: null,
        note,
      };
    };
    return [
      figure('  floor: one PGlite statement', trip, 'µs', `SELECT $1, ${ROUND_TRIPS} runs, in process`),
      figure('  floor: one synced transaction', commit, 'ms', `BEGIN, INSERT, COMMIT with fsync, ${COMMITS} runs`),
    ];
  } finally {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
