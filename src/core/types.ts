/**
 * Plain data of the scheduling core. No table rows, no classes: adapters map to these at the edge.
 * Instants are epoch milliseconds (UTC); wall-clock values are strings in a named IANA zone.
 */

/** A calendar date, `YYYY-MM-DD`, without a zone. */
export type LocalDate = string;

/** Minutes since local midnight of a wall-clock time (09:30 → 570). 1440 means the end of the day. */
export type WallMinutes = number;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A half-open wall-clock range [start, end) within one day, in minutes. */
export interface WallRange {
  readonly start: WallMinutes;
  readonly end: WallMinutes;
}

/** Working hours per weekday; a missing or empty weekday is not worked. */
export type WeeklyHours = Readonly<Partial<Record<Weekday, readonly WallRange[]>>>;

/** An inclusive range of dates off work, in the staff member's zone. */
export interface DayOff {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly note?: string | null;
}

/** A half-open range of instants [start, end), epoch milliseconds. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/** A local date-time `YYYY-MM-DDTHH:MM`, without zone or offset (read in the staff member's zone). */
export type LocalDateTime = string;

/**
 * Date-specific hours (SPEC §8.1): for a date, the wall-clock ranges that replace that date's
 * weekly hours; an empty list means the date is not worked. Ranges of one date do not overlap.
 */
export type DateHours = Readonly<Record<LocalDate, readonly WallRange[]>>;

/**
 * Time off with times (SPEC §8.2): [from, to) in the staff member's zone, any length. A local
 * time that does not exist (spring forward) reads as the instant of the change, a repeated one
 * as its first occurrence: the rule of range bounds (time.ts boundToInstant, decision 026).
 */
export interface TimeBlock {
  readonly from: LocalDateTime;
  readonly to: LocalDateTime;
  readonly note?: string | null;
}

/**
 * A member's busy time from external calendars (SPEC §8.3), as stored after expansion: timed
 * events as instants, all-day events as dates that the core blocks whole in the member's zone.
 */
export interface ExternalBusy {
  /** Sorted by start (any overlap allowed). */
  readonly intervals: readonly Interval[];
  readonly dates: readonly LocalDate[];
}

/** Scheduling settings after resolving staff overrides against the business (see settings.ts). */
export interface Policy {
  readonly slotStepMinutes: number;
  readonly gapMinutes: number;
  readonly minNoticeMinutes: number;
  readonly horizonDays: number;
}

/** What the core needs to know about a staff member to compute their availability. */
export interface StaffSchedule {
  readonly id: string;
  readonly timezone: string;
  readonly hours: WeeklyHours;
  readonly daysOff: readonly DayOff[];
  readonly policy: Policy;
  /** Dates whose hours replace the weekly ones (§8.1); absent = none. A day off still wins. */
  readonly dateHours?: DateHours;
  /** Time off with times (§8.2); absent = none. Counts like a booking (gap included). */
  readonly blocks?: readonly TimeBlock[];
}

/** The timing of a service: how long it lasts and the time kept free around it. */
export interface ServiceTiming {
  readonly durationMinutes: number;
  readonly bufferBeforeMinutes: number;
  readonly bufferAfterMinutes: number;
}

/** A bookable start, with the staff members who can take it. */
export interface Slot {
  readonly start: number;
  readonly end: number;
  readonly staff: readonly string[];
  /**
   * Group sessions only (SPEC §9.1, a service with capacity > 1): the most seats one booking can
   * still take at this start, over the members listed (each member's session is separate).
   */
  readonly seatsLeft?: number;
}

/**
 * A group session (SPEC §9.1) of one member as the slot engine reads it: the occupying bookings
 * of a capacity service at one start (sessions.ts splitSessions). It keeps its member's time,
 * and its resources, once, whatever the number of seats.
 */
export interface Session {
  /** The start of its bookings. */
  readonly start: number;
  /** The member's time it keeps (slots.ts occupiedSpan), as stored. */
  readonly span: Interval;
  /** What it holds on the service's resources (busy.ts heldSpan); null or absent: none. */
  readonly resourceSpan?: Interval | null;
  /** Seats of its occupying bookings (sessions.ts seatsTaken). */
  readonly seatsTaken: number;
}

/**
 * The group sessions of the one service being asked about (SPEC §9.1). A session of that service
 * at a candidate's own start is not busy for another seat while a seat is left; for any other
 * start, and for any other service, it is busy like a booking (sessions.ts header).
 */
export interface SessionsInput {
  /** Seats a session of the service sells (the service's `capacity`, > 1). */
  readonly capacity: number;
  /**
   * Per member id, that member's sessions of this service, sorted by start (splitSessions). Their
   * spans are NOT in the member's `busy`, and their resource spans NOT in `resources`.
   */
  readonly byMember: ReadonlyMap<string, readonly Session[]>;
}

/**
 * A start held for a live waitlist offer (SPEC §9.3): one member, one start, for the offered
 * service. It keeps the span a booking of that service would keep (slots.ts occupiedSpan with the
 * member's gap), whole: hidden from the day view and refused to everyone else, seats included.
 */
export interface HeldStart {
  readonly start: number;
  readonly span: Interval;
}

export type DayStatus = 'past' | 'closed' | 'full' | 'available';

export interface DaySummary {
  readonly date: LocalDate;
  readonly status: DayStatus;
  readonly slots: number;
}
