/**
 * The sweep (decision 036): a member's free starts are their plan's candidate starts (plans.ts)
 * walked once in order against the sorted lists that can refuse them, one pointer per list. A
 * candidate's spans only move forward as its start does, so each pointer only moves forward: a
 * month costs candidates + busy intervals, with no binary search, conversion or allocation per
 * candidate. The rules are those of slots.ts freeStarts (SPEC §2 rules 1-5, §8, §9.1), which
 * oracle-slots.ts keeps as they were for the property test.
 */
import { firstEndingAfter } from './interval.ts';
import type { MonthPlan } from './plans.ts';
import type { SpanIndex } from './sessions.ts';
import type { Interval, Session } from './types.ts';

/** What can refuse one member's candidates, built once per question (calendar.ts). */
export interface SweepRules {
  /** The member's busy time, merged (busy.ts memberBusy). */
  readonly busy: readonly Interval[];
  /** The resources' holds, merged (busy.ts resourceHolds). */
  readonly held: readonly Interval[];
  /** Milliseconds: buffer before, duration, buffer after + gap (member), buffer after (resources). */
  readonly before: number;
  readonly duration: number;
  readonly after: number;
  readonly holdAfter: number;
  /** The first start allowed by the notice. */
  readonly earliest: number;
  /** A capacity service: the member's sessions of it, sorted (sessions.ts); null otherwise. */
  readonly sessions: readonly Session[] | null;
  readonly capacity: number;
  /** Every member's sessions' resource spans (sessions.ts sessionResourceIndex). */
  readonly sessionResources: SpanIndex | null;
}

/** A growable list of starts, reused between questions so a sweep allocates nothing. */
export class Starts {
  data = new Float64Array(1024);
  length = 0;

  push(start: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = start;
  }
}

/** The pointers of one sweep; they survive from one plan to the next (a month boundary). */
export class Cursor {
  busy = 0;
  held = 0;
  session = 0;
  resStarts = 0;
  resEnds = 0;
  last = Number.NEGATIVE_INFINITY;

  /**
   * Pointers placed for a sweep whose candidates all start at or after `from`: past what ends
   * by from − bufferBefore, which no such candidate can touch. One binary search per list, so a
   * day view does not walk the month's busy time from its first interval.
   */
  constructor(rules: SweepRules, from: number) {
    const floor = Math.max(from, rules.earliest) - rules.before;
    this.busy = firstEndingAfter(rules.busy, floor);
    this.held = firstEndingAfter(rules.held, floor);
    if (rules.sessions !== null) this.session = firstSessionEndingAfter(rules.sessions, floor);
  }
}

/**
 * Appends to `out` the free starts in [from, to) among the plan's candidates of its dates
 * firstIndex..lastIndex (already cut to the dates rule 1 leaves open), ascending.
 */
export function sweep(
  plan: MonthPlan,
  firstIndex: number,
  lastIndex: number,
  rules: SweepRules,
  from: number,
  to: number,
  cursor: Cursor,
  out: Starts,
): void {
  const { starts, dayStart } = plan;
  const { busy, held, before, duration, after, holdAfter, sessions, sessionResources } = rules;
  const min = Math.max(from, rules.earliest);
  const end = dayStart[lastIndex + 1] as number;
  // The two pointers every question uses live in locals for the loop (written back after).
  let j = cursor.busy;
  let k = cursor.held;
  let last = cursor.last;
  for (let c = dayStart[firstIndex] as number; c < end; c++) {
    const s = starts[c] as number;
    if (s < min || s >= to) continue;
    // Candidates ascend (a plan sorts each date, dates follow each other); should a zone's rules
    // ever break that, start the pointers again rather than miss an interval.
    if (s < last) {
      resetCursor(cursor);
      j = 0;
      k = 0;
    }
    last = s;
    const f = s - before;
    const t = s + duration + after;
    while (j < busy.length && (busy[j] as Interval).end <= f) j++;
    if (j < busy.length && (busy[j] as Interval).start < t) continue;
    let own: Session | null = null;
    if (sessions !== null) {
      const verdict = sessionAt(sessions, rules.capacity, s, f, t, cursor);
      if (verdict === false) continue;
      own = verdict;
    }
    const holdTo = s + duration + holdAfter;
    if (held.length > 0) {
      while (k < held.length && (held[k] as Interval).end <= f) k++;
      if (k < held.length && (held[k] as Interval).start < holdTo) continue;
    }
    if (sessionResources !== null && !resourcesFree(sessionResources, own, f, holdTo, cursor)) continue;
    out.push(s);
  }
  cursor.busy = j;
  cursor.held = k;
  cursor.last = last;
}

/** The index of the first session whose span ends after `t` (their spans never overlap). */
function firstSessionEndingAfter(sessions: readonly Session[], t: number): number {
  let lo = 0;
  let hi = sessions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sessions[mid] as Session).span.end <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Candidates out of order: every pointer back to the start (always correct, never expected). */
function resetCursor(cursor: Cursor): void {
  cursor.busy = 0;
  cursor.held = 0;
  cursor.session = 0;
  cursor.resStarts = 0;
  cursor.resEnds = 0;
}

/** sessions.ts sessionVerdict with a pointer in place of its binary search. */
function sessionAt(
  sessions: readonly Session[],
  capacity: number,
  start: number,
  from: number,
  to: number,
  cursor: Cursor,
): Session | null | false {
  let i = cursor.session;
  while (i < sessions.length && (sessions[i] as Session).span.end <= from) i++;
  cursor.session = i;
  const first = sessions[i];
  if (first === undefined || first.span.start >= to) return null;
  if (first.start !== start || capacity - first.seatsTaken <= 0) return false;
  const next = sessions[i + 1];
  return next === undefined || next.span.start >= to ? first : false;
}

/** sessions.ts sessionResourcesFree with pointers in place of its two binary searches. */
function resourcesFree(index: SpanIndex, own: Session | null, from: number, to: number, cursor: Cursor): boolean {
  let a = cursor.resStarts;
  while (a < index.starts.length && (index.starts[a] as number) < to) a++;
  cursor.resStarts = a;
  let b = cursor.resEnds;
  while (b < index.ends.length && (index.ends[b] as number) <= from) b++;
  cursor.resEnds = b;
  const span = own?.resourceSpan;
  const shared = span && span.start < to && from < span.end && span.end > span.start ? 1 : 0;
  return a - b === shared;
}
