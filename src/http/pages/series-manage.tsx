/**
 * The manage page of an occurrence of a series (SPEC §9.2): every date of the series with its
 * status, and for each still active one a link to change that date (the reschedule page of that
 * occurrence) and a form to cancel that date or that date and every later one. One link serves
 * the series; the use cases refuse an occurrence of another series.
 */
import type { Context, Hono } from 'hono';
import { allowances, statusAt } from '../../app/allowances.ts';
import { cancelSeriesByClient } from '../../app/cancel-series.ts';
import { type Booking, type Business, OCCUPYING_STATUSES, type Service } from '../../app/model.ts';
import type { ErrorCode } from '../../app/result.ts';
import { span } from '../../i18n/format.ts';
import type { AppDeps } from '../deps.ts';
import type { PageContext } from './context.ts';
import { readForm } from './form.ts';

export function SeriesSection(p: {
  ctx: PageContext;
  token: string;
  occurrences: readonly Booking[];
  service: Service | null;
  business: Business;
}) {
  const { ctx } = p;
  // Each occurrence is moved on its own, by the usual rules and its own reschedule limit.
  const movable = (o: Booking) => allowances(o, p.service, p.business, ctx.now).reschedule.block === null;
  const { m } = ctx;
  if (p.occurrences.length === 0) return null;
  return (
    <section class="series" aria-labelledby="series-title">
      <h2 id="series-title">{m.manage.seriesTitle}</h2>
      <ol>
        {p.occurrences.map((o) => {
          const status = statusAt(o, ctx.now);
          const when = span(o.start, o.end, ctx.tz, m.intlLocale);
          return (
            <li>
              {when} — {m.manage.statuses[status]}
              {movable(o) ? (
                <>
                  {' '}
                  <a
                    href={`/manage/${p.token}/reschedule/${o.id}`}
                    class="button secondary"
                    aria-label={`${m.manage.seriesChangeOne}: ${when}`}
                  >
                    {m.manage.seriesChangeOne}
                  </a>
                </>
              ) : null}
              {OCCUPYING_STATUSES.includes(status) && o.start > ctx.now ? (
                <form method="post" action={`/manage/${p.token}/series-cancel`} class="inline">
                  <input type="hidden" name="bookingId" value={o.id} />
                  <button
                    type="submit"
                    name="scope"
                    value="one"
                    class="secondary"
                    aria-label={`${m.manage.seriesCancelOne}: ${when}`}
                  >
                    {m.manage.seriesCancelOne}
                  </button>{' '}
                  <button
                    type="submit"
                    name="scope"
                    value="rest"
                    class="danger"
                    aria-label={`${m.manage.seriesCancelRest}: ${when}`}
                  >
                    {m.manage.seriesCancelRest}
                  </button>
                </form>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** POST /manage/{token}/series-cancel {bookingId, scope}: as the API's cancel with a scope. */
export function seriesCancelRoute(
  app: Hono,
  deps: AppDeps,
  refused: (c: Context, message: string, code: ErrorCode) => Response | Promise<Response>,
): void {
  app.post('/:token/series-cancel', async (c) => {
    const field = await readForm(c);
    const token = c.req.param('token');
    const scope = field('scope') === 'rest' ? 'rest' : 'one';
    const bookingId = /^\d{1,18}$/.test(field('bookingId')) ? field('bookingId') : undefined;
    const r = await cancelSeriesByClient(deps, token, { scope, bookingId, reason: '' });
    // Occurrences "rest" had to leave booked (no online cancellation) are named on the page (decision 035).
    const kept = r.ok ? r.value.refused.length : 0;
    if (r.ok) return c.redirect(`/manage/${token}?cancelled=1${kept > 0 ? `&kept=${kept}` : ''}`, 303);
    return refused(c, r.message, r.code);
  });
}
