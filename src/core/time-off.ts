/**
 * Time off with times (SPEC §8.2): blocks of local date-time in the staff member's zone, read as
 * instants. Both bounds follow the rule of working-range bounds (time.ts boundToInstant): a
 * local time skipped by a spring-forward change reads as the instant of the change, a repeated
 * one as its first occurrence (SPEC §2.3). So a block never shrinks on a change day: a block
 * from 02:30 on a 02:00→03:00 night starts at the change, the first instant past 02:30.
 */
import { dayNumber } from './date.ts';
import { boundToInstant } from './time.ts';
import type { Interval, LocalDate, LocalDateTime, TimeBlock } from './types.ts';

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

/** `2027-06-16T13:00` → its date and minutes since local midnight; null for anything else. */
export function parseLocalDateTime(text: LocalDateTime): { date: LocalDate; minutes: number } | null {
  const m = LOCAL_DATE_TIME.exec(text);
  if (!m || dayNumber(m[1] as string) === null) return null;
  return { date: m[1] as string, minutes: Number(m[2]) * 60 + Number(m[3]) };
}

/** A local date-time as an instant in a zone (the rule in the header). Throws on malformed text. */
export function localDateTimeToInstant(text: LocalDateTime, zone: string): number {
  const parsed = parseLocalDateTime(text);
  if (!parsed) throw new RangeError(`not a local date-time: ${text}`);
  return boundToInstant(parsed.date, parsed.minutes, zone);
}

/**
 * The instants a block covers, [from, to); null when that is empty (an end not after the start,
 * or a block lying wholly inside a skipped hour). Edges check `to > from` on the text already.
 */
export function blockSpan(block: TimeBlock, zone: string): Interval | null {
  const start = localDateTimeToInstant(block.from, zone);
  const end = localDateTimeToInstant(block.to, zone);
  return end > start ? { start, end } : null;
}

/**
 * The spans of the blocks that can matter at or after `floor` (an instant), sorted by start. A
 * block whose text ends two days or more before the floor's UTC date-time is skipped without
 * conversion (no zone is 48 hours off UTC), so a long history of old blocks costs a comparison
 * each; the others are all kept, which is harmless.
 */
export function blockSpans(blocks: readonly TimeBlock[] | undefined, zone: string, floor: number): Interval[] {
  if (!blocks || blocks.length === 0) return [];
  const oldest = new Date(floor - 2 * 86_400_000).toISOString().slice(0, 16);
  const out: Interval[] = [];
  for (const block of blocks) {
    if (block.to < oldest) continue;
    const span = blockSpan(block, zone);
    if (span) out.push(span);
  }
  return out.sort((a, b) => a.start - b.start);
}
