/** The services page: every service (inactive ones too) with its length, price and who offers it. */
import type { AdminService } from '../../../app/dashboard/catalogue/service-reads.ts';
import { formatMoney } from '../../../i18n/format.ts';
import { Notice } from '../form-kit/fields.tsx';
import { ListTable } from '../list-table.tsx';

/** 90 → "1 h 30 min". */
export function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} h` : '', m || !h ? `${m} min` : ''].filter(Boolean).join(' ');
}

function price(a: AdminService): string {
  const s = a.service;
  if (s.price === 0) return 'Free';
  const full = formatMoney(s.price, a.currency, 'en-GB');
  return s.deposit > 0 ? `${full} (deposit ${formatMoney(s.deposit, a.currency, 'en-GB')})` : full;
}

export function ServicesList({ services, notice }: { services: readonly AdminService[]; notice?: string | undefined }) {
  return (
    <>
      <h1>Services</h1>
      <Notice text={notice} />
      <p class="actions list-actions">
        <a class="button primary" href="/admin/services/new">
          Add a service
        </a>
      </p>
      <ListTable
        rows={services}
        empty="No services yet: add the first one."
        caption="Services, as clients see them on the booking pages when active"
        columns={['Name', 'Duration', 'Price', 'Status', 'Offered by']}
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
            <td>{duration(a.service.durationMinutes)}</td>
            <td>{price(a)}</td>
            <td>{a.service.active ? 'Active' : 'Inactive (hidden)'}</td>
            <td>
              {a.staff.length === 0 ? <span class="muted">Nobody yet</span> : a.staff.map((m) => m.name).join(', ')}
            </td>
          </tr>
        )}
      />
    </>
  );
}
