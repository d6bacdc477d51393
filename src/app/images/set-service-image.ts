/**
 * An admin uploads or removes a service's image (decision 032). The bytes are checked by their
 * content and re-encoded before anything is written: a refused upload stores nothing.
 */

import { type Actor, adminOnly } from '../dashboard/actor.ts';
import { type AdminService, toAdminServices } from '../dashboard/catalogue/service-reads.ts';
import type { Store } from '../ports.ts';
import { invalid, ok, type Result, refuse } from '../result.ts';
import type { ImageProcessor } from './image-processor.ts';

/** The refusal for bytes that are not a JPEG, PNG or WebP image, naming the form field. */
export const notAnImage = (field: string) =>
  invalid(`The ${field} is not a JPEG, PNG or WebP image (or it is damaged).`, {
    [field]: 'a JPEG, PNG or WebP image',
  });

export async function setServiceImage(
  deps: {
    store: Pick<Store, 'findService' | 'setServiceImage' | 'getBusiness' | 'listResources' | 'listStaff'>;
    images: ImageProcessor;
  },
  actor: Actor,
  idOrSlug: string,
  bytes: Uint8Array | null,
): Promise<Result<AdminService>> {
  const denied = adminOnly(actor, 'change services');
  if (denied) return denied;
  const stored = await deps.store.findService(idOrSlug);
  if (!stored) return refuse('NOT_FOUND', `No service ${idOrSlug}.`);
  const image = bytes === null ? null : await deps.images.process(bytes);
  if (bytes !== null && image === null) return notAnImage('image');
  const written = await deps.store.setServiceImage(stored.id, image);
  if (!written) return refuse('NOT_FOUND', `No service ${idOrSlug}.`);
  const [shown] = await toAdminServices(deps.store, [written]);
  return ok(shown as AdminService);
}
