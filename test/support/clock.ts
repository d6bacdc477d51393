/** A clock tests set and move by hand. */
import type { Clock } from '../../src/app/ports.ts';

export interface TestClock extends Clock {
  set(iso: string): void;
  advance(minutes: number): void;
}

export function testClock(iso: string): TestClock {
  let now = Date.parse(iso);
  if (Number.isNaN(now)) throw new Error(`bad time ${iso}`);
  return {
    now: () => now,
    set(next) {
      now = Date.parse(next);
    },
    advance(minutes) {
      now += minutes * 60_000;
    },
  };
}
