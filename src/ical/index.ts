/**
 * The iCalendar adapter (SPEC §8.3): expands the text of a feed into busy time. The only module
 * that imports ical.js and windows-iana; pure apart from yielding to the event loop (no IO, no
 * clock but performance.now for time slicing). Fetching, storing and polling belong to callers.
 */
export {
  type ExpandedFeed,
  type ExpandOptions,
  expandFeed,
  type FeedErrorCode,
  type FeedResult,
} from './expand-feed.ts';
export { MAX_FEED_BYTES, MAX_INSTANCES, MAX_STEPS, MAX_STEPS_PER_OCCURRENCE } from './limits.ts';
export { ianaZoneOf } from './zones.ts';
