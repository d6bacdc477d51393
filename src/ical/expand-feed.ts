/**
 * From the text of an iCalendar feed to the busy time it holds in a window (SPEC §8.3):
 * sorted, merged intervals of instants for timed events, and the dates of all-day events (the
 * core blocks them whole in the staff member's zone). Never throws for what a feed contains: a
 * file that is not iCalendar, too large or too costly gives an error value (the caller keeps its
 * last good copy). Works in slices of SLICE_MS between yields to the event loop, so a 2 MB feed
 * never holds request handling for long (decision 026, bench/ical.ts).
 */
import ICAL from 'ical.js';
import { addDays, type Interval, isTimeZone, type LocalDate, merge } from '../core/index.ts';
import { expandSeries, TICK } from './expand-series.ts';
import { MAX_FEED_BYTES, MAX_INSTANCES, MAX_STEPS, MAX_STEPS_PER_OCCURRENCE, SLICE_MS } from './limits.ts';
import { dateOfWall, type FeedEvent, readEvent } from './read-event.ts';
import { Slicer } from './slicer.ts';
import { splitFeed } from './split.ts';
import { StepBudget, StepLimit } from './step-guard.ts';
import { vtimezonesOf, Zones } from './zones.ts';

export interface ExpandOptions {
  /** The window of instants [from, to): typically now − 1 day to the end of the booking horizon. */
  readonly from: number;
  readonly to: number;
  /** IANA zone in which floating times (neither TZID nor Z) are read: the staff member's. */
  readonly floatingZone: string;
}

export interface ExpandedFeed {
  /** Busy time of timed events overlapping the window, sorted and merged. */
  readonly busy: Interval[];
  /** Dates of all-day busy events near the window (its UTC dates ± 1), sorted, unique. */
  readonly dates: LocalDate[];
  /** Busy occurrences found in the window, before merging (what MAX_INSTANCES counts). */
  readonly instances: number;
  /** What was read with a fallback or skipped (unknown zone, unreadable event), at most 20. */
  readonly warnings: string[];
}

export type FeedErrorCode = 'not_icalendar' | 'too_large' | 'too_many_instances' | 'too_complex';

export type FeedResult =
  | { readonly ok: true; readonly feed: ExpandedFeed }
  | { readonly ok: false; readonly code: FeedErrorCode; readonly message: string };

/** Events handed to one ical.js parse: a few milliseconds of work. */
const EVENTS_PER_PARSE = 100;
const MAX_WARNINGS = 20;

/**
 * Expands a feed in a window (see the header). Throws only for a caller's mistake in `options`
 * (a window ending before it starts, an unknown zone).
 */
export async function expandFeed(text: string, options: ExpandOptions): Promise<FeedResult> {
  if (!(options.from < options.to)) throw new RangeError('expandFeed: the window must end after it starts');
  if (!isTimeZone(options.floatingZone)) throw new RangeError(`expandFeed: unknown zone ${options.floatingZone}`);
  if (Buffer.byteLength(text, 'utf8') > MAX_FEED_BYTES) {
    return { ok: false, code: 'too_large', message: `the feed is larger than ${MAX_FEED_BYTES} bytes` };
  }
  try {
    return await expand(text, options);
  } catch (error) {
    if (error instanceof StepLimit) {
      const why = error.perOccurrence ? `${error.message} (over ${MAX_STEPS_PER_OCCURRENCE} steps)` : error.message;
      return { ok: false, code: 'too_complex', message: `${why}: the feed is refused` };
    }
    if (error instanceof TooMany) return { ok: false, code: 'too_many_instances', message: error.message };
    return { ok: false, code: 'not_icalendar', message: `the feed could not be read (${describe(error)})` };
  }
}

class TooMany extends Error {}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 200);
}

async function expand(text: string, options: ExpandOptions): Promise<FeedResult> {
  const slicer = new Slicer(SLICE_MS);
  const split = await splitFeed(text, slicer);
  if (!split.ok) return split;
  const warnings: string[] = [];
  const events = await parseEvents(split.feed.events, slicer, warnings);
  const budget = new StepBudget(MAX_STEPS, MAX_STEPS_PER_OCCURRENCE);
  const zones = new Zones(vtimezonesOf(split.feed.timezones), options.floatingZone, budget);
  const window = { from: options.from, to: options.to, zones, budget };
  const busy: Interval[] = [];
  const dates = new Set<LocalDate>();
  const lo = dateOfWall(options.from - 86_400_000);
  const hi = dateOfWall(options.to - 1 + 86_400_000);
  let instances = 0;
  for (const [masters, overrides] of seriesOf(events)) {
    try {
      for (const found of expandSeries(masters, overrides, window)) {
        if (slicer.due()) await slicer.pause();
        if (found === TICK) continue;
        if (++instances > MAX_INSTANCES) throw new TooMany(`more than ${MAX_INSTANCES} busy occurrences in the window`);
        if (found.kind === 'timed') busy.push({ start: found.start, end: found.end });
        else {
          for (let d = 0; d < found.days; d++) {
            const date = addDays(found.first, d);
            if (date >= lo && date <= hi) dates.add(date);
          }
        }
      }
    } catch (error) {
      if (error instanceof StepLimit || error instanceof TooMany) throw error;
      // A rule ical.js refuses (e.g. BYYEARDAY in a monthly rule): that series alone is skipped.
      warn(warnings, `a recurring event could not be expanded (${describe(error)})`);
    }
    if (slicer.due()) await slicer.pause();
  }
  for (const w of zones.warnings) warn(warnings, w);
  return {
    ok: true,
    feed: { busy: merge(busy), dates: [...dates].sort(), instances, warnings },
  };
}

function warn(warnings: string[], message: string): void {
  if (warnings.length < MAX_WARNINGS && !warnings.includes(message)) warnings.push(message);
}

/** ical.js parses the events in small groups; a group that fails is parsed event by event. */
async function parseEvents(blocks: readonly string[], slicer: Slicer, warnings: string[]): Promise<FeedEvent[]> {
  const out: FeedEvent[] = [];
  const read = (component: unknown) => {
    let event: FeedEvent | string;
    try {
      event = readEvent(component);
    } catch (error) {
      event = `an unreadable event (${describe(error)})`;
    }
    if (typeof event === 'string') warn(warnings, `skipped ${event}`);
    else out.push(event);
  };
  for (let i = 0; i < blocks.length; i += EVENTS_PER_PARSE) {
    const group = blocks.slice(i, i + EVENTS_PER_PARSE);
    const parsed = parse(group.join('\r\n'));
    if (parsed) for (const component of parsed) read(component);
    else {
      for (const block of group) {
        const one = parse(block);
        if (one) for (const component of one) read(component);
        else warn(warnings, 'skipped an event that is not valid iCalendar');
      }
    }
    if (slicer.due()) await slicer.pause();
  }
  return out;
}

/** The VEVENT components of some VEVENT blocks, or null when ical.js refuses the text. */
function parse(blocks: string): unknown[] | null {
  try {
    const jcal = ICAL.parse(`BEGIN:VCALENDAR\r\n${blocks}\r\nEND:VCALENDAR`) as unknown[];
    const components = (jcal[2] ?? []) as unknown[][];
    return components.filter((c) => c[0] === 'vevent');
  } catch {
    return null;
  }
}

/** Events grouped by UID: [masters, overrides]; an event without UID is a series of its own. */
function seriesOf(events: readonly FeedEvent[]): [FeedEvent[], FeedEvent[]][] {
  const byUid = new Map<string, [FeedEvent[], FeedEvent[]]>();
  const out: [FeedEvent[], FeedEvent[]][] = [];
  for (const e of events) {
    if (e.uid === null) {
      out.push(e.recurrenceId ? [[], [e]] : [[e], []]);
      continue;
    }
    let series = byUid.get(e.uid);
    if (!series) {
      series = [[], []];
      byUid.set(e.uid, series);
      out.push(series);
    }
    (e.recurrenceId ? series[1] : series[0]).push(e);
  }
  return out;
}
