/**
 * Times the visitor's browser may rewrite into its own zone on a first visit (decision 028): each
 * carries its UTC instant(s) and how it is written; the zone's name is marked too. The server's
 * text is the answer without JavaScript, and the answer when a zone was chosen.
 */
import { clockTime, span as spanText, zoneName } from '../../i18n/format.ts';
import type { PageContext } from './context.ts';

const iso = (at: number) => new Date(at).toISOString();

/** "09:00" in the page's zone. */
export function Clock({ ctx, at }: { ctx: PageContext; at: number }) {
  return (
    <time datetime={iso(at)} data-f="clock">
      {clockTime(at, ctx.tz, ctx.m.intlLocale)}
    </time>
  );
}

/** "Monday 29 March 2027, 09:00–10:00" in the page's zone. */
export function Span({ ctx, start, end }: { ctx: PageContext; start: number; end: number }) {
  return (
    <time datetime={iso(start)} data-end={iso(end)} data-f="span">
      {spanText(start, end, ctx.tz, ctx.m.intlLocale)}
    </time>
  );
}

/** The page's zone as people read it. */
export function ZoneName({ ctx }: { ctx: PageContext }) {
  return <span data-zone>{zoneName(ctx.tz)}</span>;
}

/** A phrase with the zone's name inside it, the name marked (e.g. "Times are shown in …."). */
export function WithZone({ ctx, phrase }: { ctx: PageContext; phrase: (zone: string) => string }) {
  const mark = '\u0000';
  const [before = '', after = ''] = phrase(mark).split(mark);
  return (
    <>
      {before}
      <ZoneName ctx={ctx} />
      {after}
    </>
  );
}
