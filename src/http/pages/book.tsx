/** `/book/<service-slug>`: the recap, the staff list, the month calendar and the day's free times. */
import type { Context } from 'hono';
import { getService, type ServiceOffer } from '../../app/list-services.ts';
import type { AppDeps } from '../deps.ts';
import { type PageContext, pageContext } from './context.ts';
import { Layout, page } from './layout.tsx';
import { loadPicker, type PickerQuery } from './picker.ts';
import { PickerView } from './picker-view.tsx';
import { Recap } from './recap.tsx';
import { notFoundPage } from './services.tsx';
import { JoinForm } from './waitlist-join.tsx';

export interface SentBack {
  readonly notice: string;
  readonly query: PickerQuery;
  readonly tz: string;
}

/** Renders the booking page; `back` when the client is sent back to it (a time taken meanwhile: 409). */
export async function bookPage(c: Context, deps: AppDeps, back?: SentBack) {
  const ctx = await pageContext(c, deps, back ? { tz: back.tz } : {});
  const slug = c.req.param('slug') ?? '';
  const offer = await getService(deps, slug, ctx.locale);
  if (!offer.ok || offer.value.staff.length === 0) {
    // An embed naming no service (a typo in data-service) shows the service list, not a dead end.
    if (c.req.query('embed') !== undefined) return c.redirect(`/${new URL(c.req.url).search}`, 303);
    return notFoundPage(c, ctx, ctx.m.book.unknownService);
  }
  const query = back?.query ?? { staff: c.req.query('staff'), date: c.req.query('date'), month: c.req.query('month') };
  return c.html(await render(deps, ctx, offer.value, query, back?.notice), back ? 409 : 200);
}

async function render(
  deps: AppDeps,
  ctx: PageContext,
  offer: ServiceOffer,
  query: PickerQuery,
  notice: string | undefined,
) {
  const { m } = ctx;
  const data = await loadPicker(deps, ctx, offer, query);
  const base = `/book/${offer.service.slug}`;
  return page(
    <Layout ctx={ctx} title={m.book.title(offer.service.name)} accent={offer.service.color}>
      <p class="crumbs">
        <a href="/">{m.book.back}</a>
      </p>
      <h1>{m.book.title(offer.service.name)}</h1>
      <div class="book">
        <Recap ctx={ctx} offer={offer} date={data.date} />
        <div class="book-main">
          <PickerView
            ctx={ctx}
            offer={offer}
            data={data}
            basePath={base}
            action={`${base}/details`}
            method="get"
            submitLabel={m.book.next}
            staffChoice={true}
            anyOption={true}
            notice={notice}
          />
          {data.days.find((d) => d.date === data.date)?.status === 'full' ? (
            <JoinForm
              ctx={ctx}
              offer={offer}
              values={{ staff: data.staff, date: data.date, from: '', to: '', seats: '', name: '', email: '' }}
            />
          ) : null}
        </div>
      </div>
    </Layout>,
  );
}
