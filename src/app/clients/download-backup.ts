/**
 * An admin downloads a backup of the embedded database while the server runs (the same file as
 * `slotwise backup`). Staff: FORBIDDEN. With a PostgreSQL server there is nothing this process may
 * copy consistently on its own: BACKUP_NOT_AVAILABLE, pointing at pg_dump.
 */

import { type Actor, adminOnly } from '../dashboard/actor.ts';
import type { Backups } from '../ports.ts';
import { ok, type Result, refuse } from '../result.ts';

export async function downloadBackup(deps: { backups?: Backups | undefined }, actor: Actor): Promise<Result<Blob>> {
  const denied = adminOnly(actor, 'download a backup');
  if (denied) return denied;
  if (!deps.backups) {
    return refuse(
      'BACKUP_NOT_AVAILABLE',
      'This server keeps its data in a PostgreSQL server (DATABASE_URL): back it up with pg_dump, as docs/DEPLOY.md ("Backups") shows.',
      { use: 'pg_dump', docs: 'docs/DEPLOY.md#backups' },
    );
  }
  return ok(await deps.backups.snapshot());
}
