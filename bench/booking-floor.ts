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
import { type Figure, median, p99 } from './figures.ts';

const ROUND_TRIPS = 2000;
const COMMITS = 300;

async function timed(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.min(50, runs); i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - t) / 1e3);
  }
  return out;
}

export async function runBookingFloor(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'slotwise-bench-floor-'));
  const opened = await openDatabase({ kind: 'pglite', dataDir: dir });
  try {
    const db = opened.db;
    await db.exec('CREATE TABLE floor_probe (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz)');
    const trip = await timed(ROUND_TRIPS, () => db.query('SELECT $1::int AS n', [1]));
    const commit = await timed(COMMITS, () =>
      db.transaction((tx) => tx.query('INSERT INTO floor_probe (at) VALUES ($1)', [new Date().toISOString()])),
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
