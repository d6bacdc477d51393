/** A stored image by its id (the SHA-256 in its URL), for anyone: images are public (decision 032). */
import type { Store } from '../ports.ts';
import type { StoredImage } from './image-store.ts';

export function getImage(deps: { store: Pick<Store, 'getImage'> }, id: string): Promise<StoredImage | null> {
  return deps.store.getImage(id);
}
