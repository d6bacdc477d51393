/**
 * The waitlist's pages (SPEC §9.3): the offer link `/waitlist/offer/{token}` shows the held start
 * with Accept and Decline (plain forms: no script); Accept books through the usual door and goes
 * on as any booking (the code to prove the email, the payment, or the booking's page). The leave
 * link `/waitlist/leave/{token}` asks first, so a link scanner following it leaves nothing. A GET
 * changes nothing on either.
 */
import { type Context, Hono } from 'hono';
import { acceptOffer } from '../../app/waitlist/accept-offer.ts';
import { declineOffer } from '../../app/waitlist/decline-offer.ts';
import { leaveWaitlist } from '../../app/waitlist/leave-waitlist.ts';
import { viewOffer } from '../../app/waitlist/view-offer.ts';
import { fullMoment } from '../../i18n/format.ts';
import { TOKEN } from '../api/waitlist.ts';
import type { AppDeps } from '../deps.ts';
import { type PageContext, pageContext } from './context.ts';
import { Layout, page } from './layout.tsx';
import { Span, ZoneName } from './local-time.tsx';

export function waitlistPages(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/offer/:token', async (c) => {
    const ctx = await pageContext(c, deps);
    const token = c.req.param('token');
    const r = TOKEN.test(token) ? await viewOffer(deps, token, ctx.locale) : null;
    if (!r?.ok) return message(c, ctx, ctx.m.waitlist.offerTitle, ctx.m.waitlist.gone, r ? 410 : 404);
    const { offer, serviceName, staffName } = r.value;
    const { m } = ctx;
    return c.html(
      page(
        <Layout ctx={ctx} title={m.waitlist.offerTitle}>
          <h1>{m.waitlist.offerTitle}</h1>
          <p>{m.waitlist.offerIntro}</p>
          <p>
            <strong>{serviceName}</strong>, {m.manage.staff} {staffName}
            <br />
            <Span ctx={ctx} start={offer.start} end={offer.end} /> (<ZoneName ctx={ctx} />)
          </p>
          <p>
            {m.waitlist.heldUntil} {fullMoment(offer.expiresAt, ctx.tz, m.intlLocale)}
          </p>
          <form method="post" action={`/waitlist/offer/${token}/accept`}>
            <p class="actions">
              <button type="submit" class="primary">
                {m.waitlist.accept}
              </button>
            </p>
          </form>
          <form method="post" action={`/waitlist/offer/${token}/decline`}>
            <p class="actions">
              <button type="submit">{m.waitlist.decline}</button>
            </p>
          </form>
        </Layout>,
      ),
    );
  });

  app.post('/offer/:token/accept', async (c) => {
    const token = c.req.param('token');
    const r = TOKEN.test(token) ? await acceptOffer(deps, token) : null;
    if (r?.ok) {
      const { next, token: manage } = r.value;
      if (next.action === 'pay') return c.redirect(next.url, 303);
      return c.redirect(`/manage/${manage}${next.action === 'done' ? '?done=1' : ''}`, 303);
    }
    const ctx = await pageContext(c, deps);
    const text = r?.code === 'SLOT_UNAVAILABLE' ? ctx.m.book.taken : ctx.m.waitlist.gone;
    return message(c, ctx, ctx.m.waitlist.offerTitle, text, r ? 410 : 404);
  });

  app.post('/offer/:token/decline', async (c) => {
    const ctx = await pageContext(c, deps);
    const token = c.req.param('token');
    const r = TOKEN.test(token) ? await declineOffer(deps, token) : null;
    const { m } = ctx;
    if (r?.ok) return message(c, ctx, m.waitlist.offerTitle, m.waitlist.declined, 200);
    return message(c, ctx, m.waitlist.offerTitle, m.waitlist.gone, r ? 410 : 404);
  });

  app.get('/leave/:token', async (c) => {
    const ctx = await pageContext(c, deps);
    const { m } = ctx;
    if (!TOKEN.test(c.req.param('token'))) return message(c, ctx, m.waitlist.leaveTitle, m.waitlist.unknown, 404);
    return c.html(
      page(
        <Layout ctx={ctx} title={m.waitlist.leaveTitle}>
          <h1>{m.waitlist.leaveTitle}</h1>
          <p>{m.waitlist.leaveIntro}</p>
          <form method="post">
            <p class="actions">
              <button type="submit" class="primary">
                {m.waitlist.leave}
              </button>
            </p>
          </form>
        </Layout>,
      ),
    );
  });

  app.post('/leave/:token', async (c) => {
    const ctx = await pageContext(c, deps);
    const token = c.req.param('token');
    const r = TOKEN.test(token) ? await leaveWaitlist(deps, token) : null;
    const { m } = ctx;
    if (r?.ok) return message(c, ctx, m.waitlist.leaveTitle, m.waitlist.left, 200);
    return message(c, ctx, m.waitlist.leaveTitle, m.waitlist.unknown, 404);
  });

  return app;
}

function message(c: Context, ctx: PageContext, title: string, text: string, status: 200 | 404 | 410) {
  return c.html(
    page(
      <Layout ctx={ctx} title={title}>
        <h1>{title}</h1>
        <p role="status">{text}</p>
        <p>
          <a href="/">{ctx.m.error.home}</a>
        </p>
      </Layout>,
    ),
    status,
  );
}
