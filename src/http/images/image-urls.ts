/**
 * Where an image is served (decision 032): a path on the product's own origin, named by the
 * SHA-256 of its bytes, so the URL changes whenever the bytes do and may be cached for ever.
 */
import type { ImageRef, Service, StaffMember } from '../../app/model.ts';

export const imagePath = (image: ImageRef): string => `/images/${image.id}.webp`;

/** The image to show for a service: the uploaded one, else the address typed in, else none. */
export const serviceImageUrl = (s: Service): string | null => (s.image ? imagePath(s.image) : s.imageUrl);

export const staffPhotoUrl = (m: StaffMember): string | null => (m.photo ? imagePath(m.photo) : null);

/** An uploaded image as the dashboard's JSON shows it. */
export const presentImage = (image: ImageRef | null | undefined) =>
  image ? { url: imagePath(image), width: image.width, height: image.height } : null;
