/**
 * A staff member's photo uploaded or removed (decision 032): by an admin, or by the member on
 * their own record (it is part of their profile, like their name and bio). Another member's
 * record answers NOT_FOUND, as everywhere in the dashboard.
 */

import type { Actor } from '../dashboard/actor.ts';
import { type AdminStaff, ownedMember, toAdminStaff } from '../dashboard/staff/staff-reads.ts';
import type { Store } from '../ports.ts';
import { ok, type Result, refuse } from '../result.ts';
import type { ImageProcessor } from './image-processor.ts';
import { notAnImage } from './set-service-image.ts';

export async function setStaffPhoto(
  deps: { store: Pick<Store, 'listStaff' | 'listServices' | 'setStaffPhoto'>; images: ImageProcessor },
  actor: Actor,
  staffId: string,
  bytes: Uint8Array | null,
): Promise<Result<AdminStaff>> {
  const member = await ownedMember(deps.store, actor, staffId);
  if (!member.ok) return member;
  const image = bytes === null ? null : await deps.images.process(bytes);
  if (bytes !== null && image === null) return notAnImage('photo');
  const written = await deps.store.setStaffPhoto(member.value.id, image);
  if (!written) return refuse('NOT_FOUND', `No staff member ${staffId}.`);
  const [shown] = await toAdminStaff(deps.store, [written]);
  return ok(shown as AdminStaff);
}
