/** A dashboard account as the admin API shows it (never its password hash). */
import type { User } from '../../../app/dashboard/accounts/account-store.ts';

export function presentUser(u: User) {
  return { id: u.id, email: u.email, name: u.name, role: u.role, staff: u.staffId, hasPassword: u.hasPassword };
}
