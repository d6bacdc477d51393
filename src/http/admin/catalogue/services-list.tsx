/** The services page: every service (inactive ones too) with its length, price and who offers it. */
import type { AdminService } from '../../../app/dashboard/catalogue/service-reads.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { formatMoney } from '../../../i18n/format.ts';
import { Notice } from '../form-kit/fields.tsx';
import { ListTable } from '../list-table.tsx';

/** 90 → "1 h 30 min". */
export function duration(minutes: number, t: DashboardMessages): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? t.catalogue.hours(h) : '', m || !h ? t.catalogue.minutes(m) : ''].filter(Boolean).join(' ');
}

function price(a: AdminService, t: DashboardMessages): string {
  const s = a.service;
  if (s.price === 0) return t.catalogue.free;
  const lc = t.common.intlLocale;
  const full = formatMoney(s.price, a.currency, lc);
  return s.deposit > 0 ? t.catalogue.withDeposit(full, formatMoney(s.deposit, a.currency, lc)) : full;
}

export function ServicesList(p: {
  services: readonly AdminService[];
  notice?: string | undefined;
  t: DashboardMessages;
}) {
  const { services, notice, t } = p;
  const k = t.catalogue;
  const cols = t.catalogue.columns;
  return (
    <>
      <h1>{k.title}</h1>
      <Notice text={notice} />
      <p class="actions list-actions">
        <a class="button primary" href="/admin/services/new">
          {k.add}
        </a>
      </p>
      <ListTable
        rows={services}
        empty={k.none}
        caption={k.caption}
        columns={[cols.name, cols.duration, cols.price, cols.status, cols.offeredBy]}
        row={(a) => (
          <tr>
            <th scope="row">
              <span
                class="swatch"
                style={a.service.color ? `background:${a.service.color}` : undefined}
                aria-hidden="true"
              />
              <a href={`/admin/services/${a.service.id}`}>{a.service.name}</a>
              <br />
              <span class="muted">/book/{a.service.slug}</span>
            </th>
            <td>{duration(a.service.durationMinutes, t)}</td>
            <td>{price(a, t)}</td>
            <td>{a.service.active ? k.active : k.inactive}</td>
            <td>
              {a.staff.length === 0 ? <span class="muted">{k.nobody}</span> : a.staff.map((m) => m.name).join(', ')}
            </td>
          </tr>
        )}
      />
    </>
  );
}
