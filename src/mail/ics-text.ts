/**
 * A calendar's text as ical-generator writes it, without its cost: its line folding (RFC 5545
 * §3.1, 75 octets a line) builds a TextEncoder for every character of the file, ~0.3 ms a file,
 * and a booking sends two (decision 046; fixed upstream in ical-generator 11, which needs Node 22).
 * The calendar's head (everything before its events) is the library's own output for an empty
 * calendar, remembered per set of options; the events are the library's unfolded text, folded here
 * by the same rule. ics-text.test.ts compares both with the library's output.
 */
import ical, { type ICalCalendar, type ICalCalendarData } from 'ical-generator';

const END = 'END:VCALENDAR';
const heads = new Map<string, string>();
const MAX_HEADS = 100; // a business has a few names and languages; the bound guards odd inputs

/** The calendar made from `data`, with `fill` adding its events, as text. */
export function calendarText(data: ICalCalendarData, fill: (calendar: ICalCalendar) => void): string {
  const calendar = ical(data);
  fill(calendar);
  return (
    headOf(data) +
    foldLines(
      calendar
        .events()
        .map((e) => e.toString())
        .join(''),
    ) +
    END
  );
}

function headOf(data: ICalCalendarData): string {
  const key = JSON.stringify(data);
  let head = heads.get(key);
  if (head === undefined) {
    const empty = ical(data).toString();
    if (!empty.endsWith(END)) throw new Error('ical-generator: unexpected calendar text');
    head = empty.slice(0, -END.length);
    if (heads.size >= MAX_HEADS) heads.clear();
    heads.set(key, head);
  }
  return head;
}

const encoder = new TextEncoder();

/** ical-generator's foldLines, octet for octet, with the octets of a character counted without encoding it. */
export function foldLines(input: string): string {
  return input
    .split('\r\n')
    .map((line) => {
      let result = '';
      let octets = 0;
      for (let i = 0; i < line.length; i++) {
        let ch = line.charAt(i);
        const code = line.charCodeAt(i);
        let size: number;
        if (code < 0x80) size = 1;
        else if (code < 0x800) size = 2;
        else if (code < 0xd800 || code > 0xdfff) size = 3;
        else {
          // A surrogate: taken with the next character, as the library does, and measured as it does.
          if (code <= 0xdbff) ch += line.charAt(++i);
          size = encoder.encode(ch).length;
        }
        octets += size;
        if (octets > 74) {
          result += '\r\n ';
          octets = size;
        }
        result += ch;
      }
      return result;
    })
    .join('\r\n');
}
