/**
 * "Email me my bookings" (SPEC §11): `/my-bookings` asks for an email address and answers the same
 * whether or not it has bookings; the emailed link `/my-bookings/<token>` shows a button (a GET
 * uses nothing up, so mail scanners that follow links do not spend it) and the button's POST uses
 * the link up and lists the bookings, upcoming first, each with a fresh link to its manage page.
 */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { statusAt } from '../../app/allowances.ts';
import {
  checkMyBookingsLink,
  type ListedBooking,
  MY_BOOKINGS_LINK_MS,
  openMyBookings,
} from '../../app/clients/my-bookings.ts';
import { requestMyBookings } from '../../app/clients/request-my-bookings.ts';
import type { AppDeps } from '../deps.ts';
import { type PageContext, pageContext, serviceNameOf } from './context.ts';
import { readForm } from './form.ts';
import { Layout, page } from './layout.tsx';
import { Span, ZoneName } from './local-time.tsx';

const email = z.email().max(254);

export function myBookingsPages(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/', async (c) => askPage(c, await pageContext(c, deps)));

  app.post('/', async (c) => {
    const ctx = await pageContext(c, deps);
    const given = (await readForm(c))('email');
    if (!email.safeParse(given).success) return askPage(c, ctx, { value: given, error: ctx.m.myBookings.badEmail });
    await requestMyBookings(deps, { email: given, locale: ctx.locale });
    const { m } = ctx;
    return c.html(
      page(
        <Layout ctx={ctx} title={m.myBookings.sentTitle}>
          <h1>{m.myBookings.sentTitle}</h1>
          <p role="status">{m.myBookings.sent(given, MY_BOOKINGS_LINK_MS / 60_000)}</p>
          <p>
            <a href="/">{m.error.home}</a>
          </p>
        </Layout>,
      ),
    );
  });

  app.get('/:token', async (c) => {
    const ctx = await pageContext(c, deps);
    const r = await checkMyBookingsLink(deps, c.req.param('token'));
    if (!r.ok) return gonePage(c, ctx);
    const { m } = ctx;
    return c.html(
      page(
        <Layout ctx={ctx} title={m.myBookings.title}>
          <h1>{m.myBookings.title}</h1>
          <p>{m.myBookings.openIntro}</p>
          <form method="post">
            <p class="actions">
              <button type="submit" class="primary">
                {m.myBookings.open}
              </button>
            </p>
          </form>
        </Layout>,
      ),
    );
  });

  app.post('/:token', async (c) => {
    const ctx = await pageContext(c, deps);
    const r = await openMyBookings(deps, c.req.param('token'));
    if (!r.ok) return gonePage(c, ctx);
    const { m } = ctx;
    const { upcoming, others } = r.value;
    return c.html(
      page(
        <Layout ctx={ctx} title={m.myBookings.title}>
          <h1>{m.myBookings.title}</h1>
          <p role="status">{m.myBookings.usedUp}</p>
          {upcoming.length + others.length === 0 ? <p>{m.myBookings.none}</p> : null}
          <h2>{m.myBookings.upcoming}</h2>
          {upcoming.length > 0 ? <BookingList ctx={ctx} list={upcoming} /> : <p>{m.myBookings.noUpcoming}</p>}
          {others.length > 0 ? (
            <>
              <h2>{m.myBookings.others}</h2>
              <BookingList ctx={ctx} list={others} />
            </>
          ) : null}
        </Layout>,
      ),
    );
  });

  return app;
}

function askPage(c: Context, ctx: PageContext, problem?: { value: string; error: string }) {
  const { m } = ctx;
  return c.html(
    page(
      <Layout ctx={ctx} title={m.myBookings.title}>
        <h1>{m.myBookings.title}</h1>
        <p id="my-intro">{m.myBookings.intro}</p>
        <form method="post" action="/my-bookings" novalidate>
          {problem ? (
            <p class="alert" role="alert" tabindex={-1} data-focus-on-load>
              <a href="#f-email">{problem.error}</a>
            </p>
          ) : null}
          <p class="field">
            <label for="f-email">{m.myBookings.email}</label>
            <input
              id="f-email"
              name="email"
              type="email"
              autocomplete="email"
              required
              maxlength={254}
              value={problem?.value ?? ''}
              aria-invalid={problem ? 'true' : undefined}
              aria-describedby={problem ? 'my-intro e-email' : 'my-intro'}
            />
            {problem ? (
              <span class="error" id="e-email">
                {problem.error}
              </span>
            ) : null}
          </p>
          <p class="actions">
            <button type="submit" class="primary">
              {m.myBookings.submit}
            </button>
          </p>
        </form>
      </Layout>,
    ),
    problem ? 400 : 200,
  );
}

function gonePage(c: Context, ctx: PageContext) {
  const { m } = ctx;
  return c.html(
    page(
      <Layout ctx={ctx} title={m.myBookings.title}>
        <h1>{m.myBookings.title}</h1>
        <p>{m.myBookings.gone}</p>
        <p>
          <a href="/my-bookings">{m.myBookings.askAgain}</a>
        </p>
      </Layout>,
    ),
    404,
  );
}

function BookingList({ ctx, list }: { ctx: PageContext; list: readonly ListedBooking[] }) {
  const { m } = ctx;
  return (
    <ul class="my-bookings">
      {list.map(({ booking: b, token }) => (
        <li>
          <p>
            <strong>{serviceNameOf(ctx, b)}</strong>, {m.manage.staff} {b.staffName}
            <br />
            <Span ctx={ctx} start={b.start} end={b.end} /> (<ZoneName ctx={ctx} />)
            <br />
            {m.manage.status}: {m.manage.statuses[statusAt(b, ctx.now)]}
          </p>
          <p>
            <a href={`/manage/${token}`}>{m.myBookings.manage(b.reference)}</a>
          </p>
        </li>
      ))}
    </ul>
  );
}
