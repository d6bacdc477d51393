/** The service recap beside the calendar: name, chosen date (and time), price, duration. */
import type { ServiceOffer } from '../../app/list-services.ts';
import { formatMoney, longDate } from '../../i18n/format.ts';
import type { PageContext } from './context.ts';
import { Clock } from './local-time.tsx';
import { ServiceImage } from './pictures.tsx';

export function Recap(p: { ctx: PageContext; offer: ServiceOffer; date: string; start?: number | null }) {
  const { m } = p.ctx;
  const s = p.offer.service;
  return (
    <aside class="recap" aria-labelledby="recap-title">
      <h2 id="recap-title">{m.book.recap}</h2>
      <ServiceImage service={s} class="recap-img" />
      <dl>
        <dt>{m.book.service}</dt>
        <dd>{s.name}</dd>
        <dt>{m.book.date}</dt>
        <dd>{longDate(p.date, m.intlLocale)}</dd>
        {p.start ? (
          <>
            <dt>{m.book.time}</dt>
            <dd>
              <Clock ctx={p.ctx} at={p.start} />
            </dd>
          </>
        ) : null}
        <dt>{m.book.price}</dt>
        <dd>{s.price === 0 ? m.services.free : formatMoney(s.price, p.offer.currency, m.intlLocale)}</dd>
        <dt>{m.book.duration}</dt>
        <dd>{m.services.minutes(s.durationMinutes)}</dd>
      </dl>
    </aside>
  );
}
