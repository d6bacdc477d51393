/** The staff page (admins): every member with their services, zone, status and dashboard account. */
import type { User } from '../../../app/dashboard/accounts/account-store.ts';
import type { AdminStaff } from '../../../app/dashboard/staff/staff-reads.ts';
import { Notice } from '../form-kit/fields.tsx';
import { ListTable } from '../list-table.tsx';

function accountOf(user: User | undefined): string {
  if (!user) return 'None';
  return user.hasPassword ? 'Yes' : 'Invited, no password yet';
}

export function StaffList(p: {
  staff: readonly AdminStaff[];
  users: readonly User[];
  businessZone: string;
  notice?: string | undefined;
}) {
  return (
    <>
      <h1>Staff</h1>
      <Notice text={p.notice} />
      <p class="actions list-actions">
        <a class="button primary" href="/admin/staff/new">
          Add a staff member
        </a>
      </p>
      <ListTable
        rows={p.staff}
        empty="No staff members yet: add the first one."
        caption="Open a member to change their profile, hours, days off and access"
        columns={['Name', 'Email', 'Services', 'Time zone', 'Status', 'Dashboard account']}
        row={({ member: m, services }) => (
          <tr>
            <th scope="row">
              <a href={`/admin/staff/${m.id}`}>{m.name}</a>
            </th>
            <td>{m.email}</td>
            <td>{services.length === 0 ? <span class="muted">None</span> : services.map((s) => s.name).join(', ')}</td>
            <td>{m.timezone ?? <span class="muted">{p.businessZone} (business)</span>}</td>
            <td>{m.active ? 'Active' : 'Inactive (hidden)'}</td>
            <td>{accountOf(p.users.find((u) => u.staffId === m.id))}</td>
          </tr>
        )}
      />
    </>
  );
}
