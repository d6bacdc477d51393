/** `/`: the services a client can book, each with its duration, price and a link to its calendar. */
import type { Context } from 'hono';
import { listServices } from '../../app/list-services.ts';
import { formatMoney } from '../../i18n/format.ts';
import type { AppDeps } from '../deps.ts';
import { type PageContext, pageContext } from './context.ts';
import { Layout, page, readableAccent } from './layout.tsx';
import { ServiceImage } from './pictures.tsx';

export async function servicesPage(c: Context, deps: AppDeps) {
  const ctx = await pageContext(c, deps);
  const { m } = ctx;
  const offers = (await listServices(deps, ctx.locale)).filter((o) => o.staff.length > 0);
  return c.html(
    page(
      <Layout ctx={ctx} title={m.services.title}>
        <h1>{m.services.title}</h1>
        <p>{offers.length > 0 ? m.services.intro : m.services.none}</p>
        <ul class="services">
          {offers.map((o) => {
            const s = o.service;
            const color = readableAccent(s.color);
            return (
              <li class="service" style={color ? `--accent:${color}` : undefined}>
                <ServiceImage service={s} />
                <h2>
                  <a href={`/book/${s.slug}`} aria-label={m.services.book(s.name)}>
                    {s.name}
                  </a>
                </h2>
                {s.description ? <p>{s.description}</p> : null}
                <p class="facts">
                  <span>{m.services.minutes(s.durationMinutes)}</span>
                  <span>{s.price === 0 ? m.services.free : formatMoney(s.price, o.currency, m.intlLocale)}</span>
                  {s.deposit > 0 && o.paymentOptions.includes('deposit') ? (
                    <span>{m.services.depositNote(formatMoney(s.deposit, o.currency, m.intlLocale))}</span>
                  ) : null}
                </p>
              </li>
            );
          })}
        </ul>
        <p>
          <a href="/my-bookings">{m.myBookings.link}</a>
        </p>
      </Layout>,
    ),
  );
}

/** A page that only says something (not found, too many requests), with a way back to the services. */
export function messagePage(c: Context, ctx: PageContext, title: string, message: string, status: 404 | 429) {
  return c.html(
    page(
      <Layout ctx={ctx} title={title}>
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          <a href="/">{ctx.m.error.home}</a>
        </p>
      </Layout>,
    ),
    status,
  );
}

export const notFoundPage = (c: Context, ctx: PageContext, message: string) =>
  messagePage(c, ctx, ctx.m.error.notFound, message, 404);
