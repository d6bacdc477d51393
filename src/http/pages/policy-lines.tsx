/**
 * The cancellation policy as a client reads it (SPEC §10.2: "the details and manage pages show
 * the rule that applies"): each tier still ahead of `now` as "Until Mon 29 Mar, 10:00: free
 * cancellation.", the business's cancel notice included (cancel-terms.ts reads both as one list),
 * in the viewer's zone and language.
 */
import { effectiveTiers, type RefundKind, tierDeadlines } from '../../core/index.ts';
import { formatMoney, shortMoment } from '../../i18n/format.ts';
import type { PageContext } from './context.ts';

export interface PolicyFacts {
  readonly policy: Parameters<typeof effectiveTiers>[0];
  readonly start: number;
  /** Minor units: the deposit that a `deposit_kept` tier keeps. */
  readonly deposit: number;
  readonly currency: string;
}

export function policyLines(ctx: PageContext, f: PolicyFacts): string[] {
  const { m } = ctx;
  const what = (kind: RefundKind) => {
    switch (kind) {
      case 'full':
        return m.policy.full;
      case 'deposit_kept':
        return m.policy.depositKept(formatMoney(f.deposit, f.currency, m.intlLocale));
      case 'none':
        return m.policy.none;
      case 'none_online':
        return m.policy.noneOnline;
      default: {
        const never: never = kind;
        throw new Error(`unknown refund kind ${String(never)}`);
      }
    }
  };
  return tierDeadlines(effectiveTiers(f.policy, ctx.business.cancelNoticeHours), f.start)
    .filter((t) => t.until > ctx.now || t.until === f.start)
    .map((t) =>
      t.until === f.start
        ? m.policy.untilStart(what(t.refund))
        : m.policy.until(shortMoment(t.until, ctx.tz, m.intlLocale), what(t.refund)),
    );
}

/** The policy under its heading; nothing once the booking has started. */
export function PolicyNote(p: { ctx: PageContext; facts: PolicyFacts }) {
  if (p.facts.start <= p.ctx.now) return null;
  const lines = policyLines(p.ctx, p.facts);
  return (
    <section class="policy" aria-labelledby="policy-title">
      <h2 id="policy-title">{p.ctx.m.policy.title}</h2>
      <ul>
        {lines.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
    </section>
  );
}
