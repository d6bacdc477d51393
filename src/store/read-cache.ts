/**
 * An in-process cache of what availability reads on every request: the catalogue (business,
 * services, staff with hours and days off), each staff member's time-occupying bookings and the
 * last good copies of their external calendars, and what bookings hold on each resource.
 *
 * Correctness rests on one rule: every write goes through the store, which invalidates what it
 * touches (catalogue writes drop the catalogue; a booking write drops its staff member's rows).
 * That holds in embedded mode, where one process owns the database (data-dir lock). In server
 * mode other processes write too: there only the catalogue is cached, dropped on every change any
 * process commits (database triggers notify, catalog-listener.ts hears), and busy time is always
 * read from the database.
 *
 * Loads are versioned: a load that started before an invalidation is not stored, so a reader
 * racing a writer can never put pre-write data back. Hold expiry needs no invalidation: rows keep
 * hold_until and are filtered against `now` at read time. Values are shared: callers must treat
 * them as read-only (the app's types are readonly).
 */

import type { SeatRow } from '../app/ports.ts';
import {
  busyFloor,
  type ExternalBusy,
  firstEndingAfter,
  type Interval,
  type LocalDate,
  MAX_SPAN_SETTING_MINUTES,
} from '../core/index.ts';
import { type MergedRows, mergeRows, type OccupyingRow, spansWithin, withRows } from './merged-busy.ts';

/** Kept where the merged lists are made (merged-busy.ts); its readers import it from here. */
export type { OccupyingRow };

import { type CachedSeat, seatsWithin } from './session-seats.ts';

/** A member's calendars' busy time as loaded: intervals merged and sorted, dates sorted. */
export interface ExternalRows {
  readonly intervals: readonly Interval[];
  readonly dates: readonly LocalDate[];
}

/**
 * The earliest raw external interval any question asked at `now` reads (core externalWindowFor:
 * the busy floor less one largest gap), and the earliest all-day date (its UTC date less one).
 */
export function externalFloor(now: number): { floor: number; fromDate: LocalDate } {
  const floor = busyFloor(now) - MAX_SPAN_SETTING_MINUTES * 60_000;
  return { floor, fromDate: new Date(floor - 86_400_000).toISOString().slice(0, 10) };
}

export interface ReadCacheOptions {
  /**
   * Whether busy time is cached too. Server mode (several processes writing bookings) caches only
   * the catalogue, whose changes reach every process through LISTEN/NOTIFY (catalog-listener.ts).
   */
  readonly busy?: boolean;
  /** Whether catalogue reads are kept from the start (server mode: only once it listens). */
  readonly catalogLive?: boolean;
}

export class ReadCache {
  private readonly cachesBusy: boolean;
  /** False while changes by others could go unseen (the listener is not connected): nothing is kept. */
  private catalogLive: boolean;
  private catalogVersion = 0;
  private readonly catalog = new Map<string, unknown>();
  /** Bumped by clear(); part of every staff member's version. */
  private epoch = 0;
  private readonly staffVersion = new Map<string, number>();
  /** Bumped when a member's bookings start changing: loads in flight then are not stored (not part of view tokens). */
  private readonly staffTouches = new Map<string, number>();
  private readonly busy = new Map<string, CachedRows>();
  private readonly external = new Map<string, { floor: number; fromDate: LocalDate; rows: ExternalRows }>();
  /** A group service's seats per member (`service|member`), valid while `version` is current. */
  private readonly seats = new Map<string, { version: string; floor: number; rows: readonly CachedSeat[] }>();
  /** Bumped by every change to what bookings hold on resources; part of views' tokens. */
  private resourceVersion = 0;
  private readonly resourceRows = new Map<string, CachedRows>();
  /**
   * Whether a live waitlist offer may exist (SPEC §9.3, decision 034): false once the database
   * said none, so views read no holds; null (not known) after any offer is written or closed.
   */
  private liveOffers: boolean | null = null;
  private offersVersion = 0;

  constructor(opts: ReadCacheOptions = {}) {
    this.cachesBusy = opts.busy ?? true;
    this.catalogLive = opts.catalogLive ?? true;
  }

  /** A catalogue read, loaded once until the catalogue changes. */
  async catalogRead<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.catalog.has(key)) return this.catalog.get(key) as T;
    const version = this.catalogVersion;
    const value = await load();
    // A miss is not kept: keys come from requests (a service's slug), and a stream of made-up
    // slugs would otherwise grow the cache without bound until the next catalogue change.
    if (value !== null && version === this.catalogVersion && this.catalogLive) this.catalog.set(key, value);
    return value;
  }

  /**
   * Server mode: whether this process hears every catalogue change. Turning it off or on drops
   * what is kept (changes may have been missed while not listening).
   */
  setCatalogLive(live: boolean): void {
    this.catalogLive = live;
    this.invalidateCatalog();
  }

  invalidateCatalog(): void {
    this.catalogVersion++;
    this.catalog.clear();
    // Keys name services: a removed one's seats would stay (versions keep every kept copy right).
    this.seats.clear();
  }

  /** What views of this member depend on: changes with every committed change of their rows. */
  private versionOf(staffId: string): string {
    return `${this.epoch}.${this.staffVersion.get(staffId) ?? 0}`;
  }

  /** What a load of this member's rows depends on: also changes when a write starts. */
  private loadVersionOf(staffId: string): string {
    return `${this.versionOf(staffId)}.${this.staffTouches.get(staffId) ?? 0}`;
  }

  /**
   * Occupied spans per member overlapping `window` that occupy time at `now`, from cached rows;
   * `load(ids, floor)` fetches, for the members not cached, every time-occupying row ending after
   * `floor`, sorted by start. Null when the window reaches before what the cache holds (the
   * caller then asks the database). `merged`: each member's spans merged (merged-busy.ts), taken
   * whole from a list kept with the rows, shared and read-only.
   */
  async busyFor(
    staffIds: readonly string[],
    window: Interval,
    now: number,
    load: (ids: string[], floor: number) => Promise<Map<string, OccupyingRow[]>>,
    merged = false,
  ): Promise<Map<string, readonly Interval[]> | null> {
    if (!this.cachesBusy) return null;
    const missing = staffIds.filter((id) => !this.busy.has(id));
    if (missing.length > 0) {
      const versions = missing.map((id) => this.loadVersionOf(id));
      // Rows are kept from the floor of every question asked from now on (core/busy-reach.ts):
      // the app asks no earlier, so a warm cache answers every view, today's included.
      const floor = busyFloor(now);
      const loaded = await load(missing, floor);
      missing.forEach((id, i) => {
        if (versions[i] === this.loadVersionOf(id)) this.busy.set(id, cachedRows(floor, loaded.get(id) ?? []));
      });
      if (missing.some((id) => !this.busy.has(id))) return null; // raced a write: read the database
    }
    const out = new Map<string, readonly Interval[]>();
    for (const id of staffIds) {
      const entry = this.busy.get(id);
      if (!entry || window.start < entry.floor) return null;
      out.set(id, merged ? spansWithin(mergedAt(entry, now), window) : overlapping(entry.rows, window, now));
    }
    return out;
  }

  /**
   * The members' external busy time in `window` and their all-day dates in `dates`, from cached
   * copies; `load(ids, floor, fromDate)` fetches, for the members not cached, every interval
   * ending after `floor` and every date from `fromDate`. Null when the question reaches before
   * what the cache holds (the caller then asks the database).
   */
  async externalFor(
    staffIds: readonly string[],
    window: Interval,
    dates: { readonly from: LocalDate; readonly to: LocalDate },
    now: number,
    load: (ids: string[], floor: number, fromDate: LocalDate) => Promise<Map<string, ExternalRows>>,
  ): Promise<Map<string, ExternalBusy> | null> {
    if (!this.cachesBusy) return null;
    const missing = staffIds.filter((id) => !this.external.has(id));
    if (missing.length > 0) {
      const versions = missing.map((id) => this.loadVersionOf(id));
      const { floor, fromDate } = externalFloor(now);
      const loaded = await load(missing, floor, fromDate);
      missing.forEach((id, i) => {
        if (versions[i] === this.loadVersionOf(id)) {
          this.external.set(id, { floor, fromDate, rows: loaded.get(id) ?? { intervals: [], dates: [] } });
        }
      });
      if (missing.some((id) => !this.external.has(id))) return null;
    }
    const out = new Map<string, ExternalBusy>();
    for (const id of staffIds) {
      const entry = this.external.get(id);
      if (!entry || window.start < entry.floor || dates.from < entry.fromDate) return null;
      const { intervals, dates: all } = entry.rows;
      // A member without calendars (most, in a large "any"): one shared answer, nothing built.
      if (intervals.length === 0 && all.length === 0) {
        out.set(id, NO_EXTERNAL);
        continue;
      }
      // Merged intervals: their ends are sorted like their starts, so the window is one slice (the
      // cached list itself when it lies wholly inside, nothing copied).
      const first = firstEndingAfter(intervals, window.start);
      let end = first;
      while (end < intervals.length && (intervals[end] as Interval).start < window.end) end++;
      const within = first === 0 && end === intervals.length ? intervals : intervals.slice(first, end);
      out.set(id, {
        intervals: within,
        dates: all.length === 0 ? all : all.filter((d) => d >= dates.from && d <= dates.to),
      });
    }
    return out;
  }

  /**
   * A group service's seats per member overlapping `window` and occupying time at `now`, as
   * listSessionSeats; `load(ids, floor)` fetches, for the members not cached (or whose bookings
   * or held resources changed since), every seat of the service ending after `floor`. Null when
   * the window reaches before what the cache holds, or a load raced a write.
   */
  async seatsFor(
    serviceId: string,
    staffIds: readonly string[],
    window: Interval,
    now: number,
    load: (ids: string[], floor: number) => Promise<Map<string, CachedSeat[]>>,
  ): Promise<Map<string, SeatRow[]> | null> {
    if (!this.cachesBusy) return null;
    // A member's seats are bookings: any change of their rows (touchStaff, addRow, invalidateStaff,
    // clear) or of what bookings hold on resources (a session's hold) makes the kept copy stale.
    const versionOf = (id: string) => `${this.loadVersionOf(id)}|${this.resourceVersion}`;
    const key = (id: string) => `${serviceId}|${id}`;
    const missing = staffIds.filter((id) => this.seats.get(key(id))?.version !== versionOf(id));
    if (missing.length > 0) {
      const versions = missing.map(versionOf);
      const floor = busyFloor(now);
      const loaded = await load(missing, floor);
      missing.forEach((id, i) => {
        if (versions[i] === versionOf(id)) {
          this.seats.set(key(id), { version: versions[i] as string, floor, rows: loaded.get(id) ?? [] });
        }
      });
    }
    const out = new Map<string, SeatRow[]>();
    for (const id of staffIds) {
      const entry = this.seats.get(key(id));
      if (!entry || entry.version !== versionOf(id) || window.start < entry.floor) return null;
      out.set(id, seatsWithin(entry.rows, window, now));
    }
    return out;
  }

  /** A member's calendars changed (a fetch recorded, a calendar added, changed or removed). */
  invalidateExternal(staffId: string): void {
    this.bumpStaff(staffId);
    this.external.delete(staffId);
  }

  /**
   * Spans held on each resource overlapping `window` by rows occupying time at `now`, from cached
   * rows; `load(ids, floor)` fetches the holds ending after `floor` for resources not cached. Null
   * when the window reaches before what the cache holds.
   */
  async resourceHoldsFor(
    resourceIds: readonly string[],
    window: Interval,
    now: number,
    load: (ids: string[], floor: number) => Promise<Map<string, OccupyingRow[]>>,
  ): Promise<Map<string, Interval[]> | null> {
    if (!this.cachesBusy) return null;
    const missing = resourceIds.filter((id) => !this.resourceRows.has(id));
    if (missing.length > 0) {
      const version = this.resourceVersion;
      const floor = busyFloor(now);
      const loaded = await load(missing, floor);
      if (version !== this.resourceVersion) return null; // raced a write: read the database
      for (const id of missing) this.resourceRows.set(id, cachedRows(floor, loaded.get(id) ?? []));
    }
    const out = new Map<string, Interval[]>();
    for (const id of resourceIds) {
      const entry = this.resourceRows.get(id);
      if (!entry || window.start < entry.floor) return null;
      out.set(id, overlapping(entry.rows, window, now));
    }
    return out;
  }

  /**
   * What bookings hold on resources changed (a booking with resources written, or any booking's
   * status or hold changed): every resource's rows are read again, and views carry a new token.
   */
  invalidateResources(): void {
    this.resourceVersion++;
    this.resourceRows.clear();
  }

  /**
   * A token that changes whenever the catalogue, these members' bookings or calendars, or what is
   * held on these resources change, and the instant (exclusive) until which results computed now
   * stay right: the next whole minute (slot starts, notices and midnights fall on whole minutes)
   * or the next hold expiry among the rows. Null when some rows are not cached (the caller then
   * does not cache either).
   */
  viewToken(
    staffIds: readonly string[],
    now: number,
    resourceIds: readonly string[] = [],
  ): { token: string; validUntil: number } | null {
    if (!this.cachesBusy) return null;
    // Boundaries fall on whole minutes T: a slot is kept while now <= T (its notice), a date
    // turns at T. A result is therefore current strictly before the next whole minute, and one
    // computed exactly on a whole minute only at that very millisecond.
    let validUntil = now % 60_000 === 0 ? now + 1 : Math.ceil(now / 60_000) * 60_000;
    // With no members, the token is the catalogue's alone, and every longer token starts with it.
    const parts = [`c${this.catalogVersion}`];
    for (const id of staffIds) {
      const entry = this.busy.get(id);
      if (!entry) return null;
      parts.push(this.versionOf(id));
      validUntil = Math.min(validUntil, nextHoldEnd(entry, now));
    }
    if (resourceIds.length > 0) {
      parts.push(`r${this.resourceVersion}`);
      for (const id of resourceIds) {
        const entry = this.resourceRows.get(id);
        if (!entry) return null;
        validUntil = Math.min(validUntil, nextHoldEnd(entry, now));
      }
    }
    return { token: parts.join('|'), validUntil };
  }

  /**
   * A member's bookings are being changed: loads in flight are not stored. Views keep their token:
   * the cached rows stay the committed state until the change commits (addRow, invalidateStaff),
   * so views of them stay right and cached while the write is in flight — a write no longer costs
   * every view of the member a recomputation at its start as well as at its commit.
   */
  touchStaff(staffId: string): void {
    this.staffTouches.set(staffId, (this.staffTouches.get(staffId) ?? 0) + 1);
  }

  private bumpStaff(staffId: string): void {
    this.touchStaff(staffId);
    this.staffVersion.set(staffId, (this.staffVersion.get(staffId) ?? 0) + 1);
  }

  /**
   * A committed new booking, added to its member's cached rows instead of reloading them all (a
   * reload reads every future booking of the member: milliseconds per write in a busy calendar).
   * Cached rows it overlaps can only be lapsed holds the insert expired: they are dropped, which
   * keeps the rows non-overlapping and sorted.
   */
  addRow(staffId: string, row: OccupyingRow): void {
    this.addRows(staffId, [row]);
  }

  /**
   * Several committed new bookings of one member at once (a series' occurrences, which never
   * overlap one another), as addRow each but with one copy of the member's rows, not one per row.
   */
  addRows(staffId: string, added: readonly OccupyingRow[]): void {
    this.bumpStaff(staffId);
    const entry = this.busy.get(staffId);
    if (!entry) return;
    const fresh = added.filter((row) => row.end > entry.floor);
    if (fresh.length === 0) return;
    if (fresh.length === 1) {
      this.busy.set(staffId, withRow(entry, fresh[0] as OccupyingRow));
      return;
    }
    const kept = entry.rows.filter((r) => !fresh.some((row) => r.start < row.end && row.start < r.end));
    // Stable: a new row goes after a kept one with the same start, as addRow always placed it.
    const rows = [...kept, ...fresh].sort((a, b) => a.start - b.start);
    // A new array: readers may still hold the old one, which they treat as read-only.
    const next = cachedRows(entry.floor, rows);
    // The merged list goes on with the new spans (merged-busy.ts withRows), unless a dropped row
    // took busy time away from it: then it is merged afresh at the next question.
    if (entry.merged !== null && kept.length === entry.rows.length) next.merged = withRows(entry.merged, fresh);
    this.busy.set(staffId, next);
  }

  invalidateStaff(staffId: string): void {
    this.bumpStaff(staffId);
    this.busy.delete(staffId);
  }

  /** True when no live waitlist offer exists (known since the last offer change): no hold to read. */
  noLiveOffers(): boolean {
    return this.cachesBusy && this.liveOffers === false;
  }

  /**
   * The offers' version, to hand back to noteLiveOffers with what a read found; undefined when this
   * cache keeps no busy time (server mode), which then never asks whether offers are live.
   */
  offersSeen(): number | undefined {
    return this.cachesBusy ? this.offersVersion : undefined;
  }

  /** Records whether live offers exist, unless an offer changed since `version` (the read is stale then). */
  noteLiveOffers(any: boolean, version: number): void {
    if (version === this.offersVersion) this.liveOffers = any;
  }

  /** An offer is being written or closed: whether any is live is no longer known. */
  offersChanged(): void {
    this.offersVersion++;
    this.liveOffers = null;
  }

  /** Drops everything (after a write that bypassed the store, e.g. in tests). */
  clear(): void {
    this.offersChanged();
    this.invalidateCatalog();
    this.epoch++;
    this.busy.clear();
    this.external.clear();
    this.invalidateResources();
  }
}

const NO_EXTERNAL: ExternalBusy = Object.freeze({ intervals: Object.freeze([]), dates: Object.freeze([]) });

/**
 * A member's (or resource's) cached rows with their holds' ends sorted: a view's token asks for
 * the next hold end on every request, and scanning every row for it (10,000 in the heavy set's
 * "any") was the largest single cost of a cached month view.
 */
interface CachedRows {
  readonly floor: number;
  readonly rows: OccupyingRow[];
  readonly holdEnds: readonly number[];
  /** The rows merged as of the last `now` asked (merged-busy.ts), made on first use. */
  merged: MergedRows | null;
}

function cachedRows(floor: number, rows: OccupyingRow[]): CachedRows {
  const holdEnds: number[] = [];
  for (const r of rows) if (r.holdUntil !== null) holdEnds.push(r.holdUntil);
  return { floor, rows, holdEnds: holdEnds.sort((a, b) => a - b), merged: null };
}

/**
 * The entry with one committed new row, as addRows' general way makes it (the rows it overlaps
 * dropped, placed after kept rows with the same start) without visiting every row: a member's
 * rows never overlap (see `overlapping`), so their ends are sorted like their starts and the rows
 * it overlaps are one run found by binary search. Every booking pays this; arrays are copied by
 * builtins (one call runs too rarely for V8 to optimise a loop over a member's rows).
 */
function withRow(entry: CachedRows, row: OccupyingRow): CachedRows {
  const { rows } = entry;
  const first = firstEndingAfter(rows, row.start);
  let last = first;
  while (last < rows.length && (rows[last] as OccupyingRow).start < row.end) last++;
  let at = last;
  while (at < rows.length && (rows[at] as OccupyingRow).start <= row.start) at++;
  const next = rows.slice(0, first).concat(rows.slice(last, at), [row], rows.slice(at));
  // A dropped row may have held: its hold end goes with it (rare: rebuilt from the rows).
  if (first !== last) return cachedRows(entry.floor, next);
  const holdEnds = row.holdUntil === null ? entry.holdEnds : withSorted(entry.holdEnds, row.holdUntil);
  return { floor: entry.floor, rows: next, holdEnds, merged: entry.merged && withRows(entry.merged, [row]) };
}

/** A sorted list with one more number, as a new array. */
function withSorted(list: readonly number[], n: number): number[] {
  let at = 0;
  while (at < list.length && (list[at] as number) <= n) at++;
  return list.slice(0, at).concat([n], list.slice(at));
}

/** The entry's rows merged at `now`: the kept list while no hold end lies between (merged-busy.ts). */
function mergedAt(entry: CachedRows, now: number): MergedRows {
  let m = entry.merged;
  if (m === null || now < m.from || now >= m.until) {
    m = mergeRows(entry.rows, entry.holdEnds, now);
    entry.merged = m;
  }
  return m;
}

/** The first hold end after `now` (Infinity when none). */
function nextHoldEnd(entry: CachedRows, now: number): number {
  for (const end of entry.holdEnds) if (end > now) return end;
  return Number.POSITIVE_INFINITY;
}

/**
 * Rows overlapping the window and occupying time at `now`. Time-occupying rows of one member never
 * overlap (the exclusion constraint), so their ends are sorted like their starts: binary search.
 */
function overlapping(rows: readonly OccupyingRow[], window: Interval, now: number): Interval[] {
  const out: Interval[] = [];
  for (let i = firstEndingAfter(rows, window.start); i < rows.length; i++) {
    const r = rows[i] as OccupyingRow;
    if (r.start >= window.end) break;
    if (r.holdUntil === null || r.holdUntil > now) out.push({ start: r.start, end: r.end });
  }
  return out;
}
