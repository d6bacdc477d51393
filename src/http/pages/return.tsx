/**
 * `/return/<reference>`: where the payment gateway sends the client back (SPEC §10.4). The
 * reference is guessable, so the page names no person, service or time: only the outcome and
 * what happens next. The client's way on is the manage link emailed to them (app/payment-return.ts).
 */
import type { Context } from 'hono';
import { paymentReturn, type ReturnOutcome } from '../../app/payment-return.ts';
import type { AppDeps } from '../deps.ts';
import { type PageContext, pageContext } from './context.ts';
import { Layout, page } from './layout.tsx';
import { notFoundPage } from './services.tsx';

export async function returnPage(c: Context, deps: AppDeps) {
  const ctx = await pageContext(c, deps);
  const reference = c.req.param('reference') ?? '';
  const r = await paymentReturn(deps, reference);
  if (!r.ok) return notFoundPage(c, ctx, ctx.m.paymentReturn.notFound);
  // The outcome changes as the gateway's word arrives: never serve a stored copy.
  c.header('Cache-Control', 'no-store');
  const { m } = ctx;
  return c.html(
    page(
      <Layout ctx={ctx} title={m.paymentReturn.title(reference)}>
        <h1>{m.paymentReturn.title(reference)}</h1>
        <Outcome ctx={ctx} outcome={r.value} reference={reference} />
      </Layout>,
    ),
  );
}

function Outcome({ ctx, outcome, reference }: { ctx: PageContext; outcome: ReturnOutcome; reference: string }) {
  const t = ctx.m.paymentReturn;
  const lines: Record<ReturnOutcome, [string, string]> = {
    confirmed: [t.confirmed, t.confirmedNext],
    waiting: [t.waiting, t.waitingNext],
    failed: [t.failed, t.failedNext],
    unapplied: [t.unapplied, t.unappliedNext(ctx.business.name)],
    lapsed: [t.lapsed, t.linkSent],
    cancelled: [t.cancelled, t.linkSent],
  };
  const [headline, next] = lines[outcome];
  return (
    <>
      <p class="status" role="status" data-confirmed={outcome === 'confirmed' ? reference : undefined}>
        <strong>{headline}</strong>
      </p>
      <p>{next}</p>
      {outcome === 'waiting' ? (
        <p>
          <a class="button secondary" href={`/return/${encodeURIComponent(reference)}`}>
            {t.checkAgain}
          </a>
        </p>
      ) : null}
      {outcome === 'lapsed' || outcome === 'cancelled' ? (
        <p>
          <a href="/">{t.bookAgain}</a>
        </p>
      ) : null}
    </>
  );
}
