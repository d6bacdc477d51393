/**
 * The first pass over a feed's text, before ical.js sees it: checks that it is an iCalendar
 * stream, unfolds lines, and cuts it into the VTIMEZONE blocks and the VEVENT blocks. An event
 * keeps only the properties expansion reads (KEPT) and loses its alarms, so descriptions and
 * attachments — most of a real export's bytes — are never parsed, and ical.js gets small chunks
 * that can be parsed between yields to the event loop.
 */
import { MAX_LINE_CHARS } from './limits.ts';
import type { Slicer } from './slicer.ts';

const KEPT = new Set([
  'UID',
  'DTSTART',
  'DTEND',
  'DURATION',
  'RRULE',
  'RDATE',
  'EXDATE',
  'RECURRENCE-ID',
  'STATUS',
  'TRANSP',
]);

export interface SplitFeed {
  /** Each VTIMEZONE whole, as text. */
  readonly timezones: string[];
  /** Each VEVENT with only the KEPT properties, as text (BEGIN:VEVENT … END:VEVENT). */
  readonly events: string[];
}

export type SplitResult =
  | { readonly ok: true; readonly feed: SplitFeed }
  | { readonly ok: false; readonly code: 'not_icalendar' | 'too_complex'; readonly message: string };

const notCalendar = (message: string): SplitResult => ({ ok: false, code: 'not_icalendar', message });

/** The property name of an unfolded line: what comes before the first ';' or ':', upper-cased. */
function nameOf(line: string): string {
  const colon = line.indexOf(':');
  const semi = line.indexOf(';');
  const end = semi >= 0 && (colon < 0 || semi < colon) ? semi : colon;
  return (end < 0 ? line : line.slice(0, end)).toUpperCase();
}

export async function splitFeed(text: string, slicer: Slicer): Promise<SplitResult> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let i = 0;
  while (i < lines.length && (lines[i] as string).trim() === '') i++;
  if ((lines[i] ?? '').trim().toUpperCase() !== 'BEGIN:VCALENDAR') {
    return notCalendar('the file does not start with BEGIN:VCALENDAR');
  }
  const timezones: string[] = [];
  const events: string[] = [];
  const stack: string[] = [];
  let buffer: string[] | null = null;
  let calendars = 0;
  let read = 0;
  while (i < lines.length) {
    // Unfold: a line starting with a space or a tab continues the previous one (RFC 5545 §3.1).
    let line = lines[i++] as string;
    while (i < lines.length && /^[ \t]/.test(lines[i] as string)) line += (lines[i++] as string).slice(1);
    if (line.length > MAX_LINE_CHARS) {
      return { ok: false, code: 'too_complex', message: `a line longer than ${MAX_LINE_CHARS} characters` };
    }
    if (line.trim() === '') continue;
    const name = nameOf(line);
    if (name === 'BEGIN') {
      const component = line.slice(6).trim().toUpperCase();
      if (stack.length === 0 && component !== 'VCALENDAR') return notCalendar(`BEGIN:${component} outside a calendar`);
      stack.push(component);
      if (stack.length === 2 && (component === 'VEVENT' || component === 'VTIMEZONE')) buffer = [];
      else if (buffer && stack[1] === 'VTIMEZONE') buffer.push(line);
    } else if (name === 'END') {
      const component = line.slice(4).trim().toUpperCase();
      if (stack[stack.length - 1] !== component) return notCalendar(`END:${component} does not close ${stack.at(-1)}`);
      if (stack.length === 2 && buffer) {
        const block = `BEGIN:${component}\r\n${buffer.join('\r\n')}${buffer.length > 0 ? '\r\n' : ''}END:${component}`;
        (component === 'VEVENT' ? events : timezones).push(block);
        buffer = null;
      } else if (buffer && stack[1] === 'VTIMEZONE') {
        buffer.push(line);
      }
      stack.pop();
      if (stack.length === 0) calendars++;
    } else if (stack.length === 0) {
      // Text after the calendar's end (some servers append a newline or a footer): ignored.
    } else if (buffer && stack[1] === 'VTIMEZONE') {
      buffer.push(line);
    } else if (buffer && stack.length === 2 && KEPT.has(name)) {
      buffer.push(line);
    }
    if (++read % 1024 === 0 && slicer.due()) await slicer.pause();
  }
  if (stack.length > 0 || calendars === 0) return notCalendar('the file ends inside a component (truncated?)');
  return { ok: true, feed: { timezones, events } };
}
