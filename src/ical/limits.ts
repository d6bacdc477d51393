/**
 * What a feed may cost (decision 026). A hostile or broken feed is refused with an error value
 * instead of eating memory or CPU; the numbers leave a real calendar far below them.
 */

/** A feed larger than this is refused before parsing (SPEC §8.3: over 5 MB). */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;

/**
 * Busy occurrences kept in the window, all events together. 20,000 is 220 a day over a 90-day
 * horizon, 55 a day over a year: no person's calendar comes near; a rule that repeats every
 * minute does, and is refused whole rather than cut (a cut feed would hide busy time).
 */
export const MAX_INSTANCES = 20_000;

/**
 * Recurrence steps (ical.js iterator loop turns, step-guard.ts) for the whole feed, including
 * those spent before the window (rules with COUNT cannot be skipped ahead) and the VTIMEZONE
 * rules: about 1.5 s of work at the measured 5-7 µs a step.
 */
export const MAX_STEPS = 250_000;

/**
 * Steps one occurrence may take to find (one `next()` of ical.js): a daily rule that matches
 * once in four years (29 February) needs 1,461; an impossible rule (30 February) never ends in
 * ical.js, and is stopped here after 10-15 ms of work.
 */
export const MAX_STEPS_PER_OCCURRENCE = 2_000;

/**
 * One unfolded property line. A real RDATE list or RRULE is a few hundred characters; a
 * megabyte-long one would be parsed in one go and hold the event loop.
 */
export const MAX_LINE_CHARS = 64 * 1024;

/** Work done between two yields to the event loop (expand-feed.ts). */
export const SLICE_MS = 5;
