/**
 * A step budget inside ical.js's recurrence iterator. ical.js loops without bound on a rule that
 * never matches (`FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30` hangs its `next()` for ever), in events and
 * in VTIMEZONE rules alike, and a synchronous loop cannot be interrupted from outside. Every turn
 * of that loop calls `check_contracting_rules` once, so the guard wraps that method: while a
 * budget is active, a turn past its limit throws StepLimit out of ical.js, and the feed is
 * refused. Outside `StepBudget.run` the wrapper only forwards.
 *
 * If an ical.js upgrade renames the method, importing this module throws at once (and the test
 * with the impossible rule would hang): the guard never silently stops guarding.
 */
import ICAL from 'ical.js';

export class StepLimit extends Error {
  constructor(readonly perOccurrence: boolean) {
    super(perOccurrence ? 'a recurrence rule never or too rarely matches' : 'too many recurrence steps');
  }
}

let active: StepBudget | null = null;

const proto = ICAL.RecurIterator.prototype as unknown as Record<string, unknown>;
const original = proto.check_contracting_rules;
if (typeof original !== 'function') {
  throw new Error('ical.js has no RecurIterator.check_contracting_rules: update src/ical/step-guard.ts');
}
proto.check_contracting_rules = function guarded(this: unknown): unknown {
  if (active !== null) active.step();
  return (original as () => unknown).call(this);
};

/** Steps of recurrence work for one feed: `total` in all, `perCall` within one `run`. */
export class StepBudget {
  used = 0;
  private stopAt = 0;

  constructor(
    readonly total: number,
    readonly perCall: number,
  ) {}

  step(): void {
    this.used++;
    if (this.used > this.stopAt) throw new StepLimit(this.used <= this.total);
  }

  /** Runs `fn` (synchronous ical.js work) allowing it at most `perCall` (or `allowance`) more steps. */
  run<T>(fn: () => T, allowance = this.perCall): T {
    const previous = active;
    const previousStop = this.stopAt;
    active = this;
    this.stopAt = Math.min(this.total, this.used + allowance);
    try {
      return fn();
    } finally {
      active = previous;
      this.stopAt = previousStop;
    }
  }
}
