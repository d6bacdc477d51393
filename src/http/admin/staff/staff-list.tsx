/** The staff page (admins): every member with their services, zone, status and dashboard account. */
import type { User } from '../../../app/dashboard/accounts/account-store.ts';
import type { AdminStaff } from '../../../app/dashboard/staff/staff-reads.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { Notice } from '../form-kit/fields.tsx';
import { ListTable } from '../list-table.tsx';

function accountOf(t: DashboardMessages, user: User | undefined): string {
  const w = t.staff.list;
  if (!user) return w.none;
  return user.hasPassword ? w.hasAccount : w.invited;
}

export function StaffList(p: {
  t: DashboardMessages;
  staff: readonly AdminStaff[];
  users: readonly User[];
  businessZone: string;
  notice?: string | undefined;
}) {
  const { t } = p;
  const w = t.staff.list;
  const l = t.staff.profile.labels;
  return (
    <>
      <h1>{w.title}</h1>
      <Notice text={p.notice} />
      <p class="actions list-actions">
        <a class="button primary" href="/admin/staff/new">
          {w.add}
        </a>
      </p>
      <ListTable
        rows={p.staff}
        empty={w.empty}
        caption={w.caption}
        columns={[l.name, l.email, w.services, l.timezone, w.status, t.staff.account.title]}
        row={({ member: m, services }) => (
          <tr>
            <th scope="row">
              <a href={`/admin/staff/${m.id}`}>{m.name}</a>
            </th>
            <td>{m.email}</td>
            <td>
              {services.length === 0 ? <span class="muted">{w.none}</span> : services.map((s) => s.name).join(', ')}
            </td>
            <td>{m.timezone ?? <span class="muted">{w.businessZone(p.businessZone)}</span>}</td>
            <td>{m.active ? w.active : w.inactive}</td>
            <td>
              {accountOf(
                t,
                p.users.find((u) => u.staffId === m.id),
              )}
            </td>
          </tr>
        )}
      />
    </>
  );
}
