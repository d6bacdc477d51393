/**
 * Service images and staff photos on the public pages (decision 032). Width and height are the
 * stored image's, so the browser reserves the box before the bytes arrive (no layout shift);
 * `loading="lazy"` keeps them off the page's first load, so it stays under 100 KB before images.
 */
import type { OfferedBy } from '../../app/list-services.ts';
import type { Service } from '../../app/model.ts';
import { imagePath } from '../images/image-urls.ts';

/** The uploaded image of a service, described by the service's name; nothing without one. */
export function ServiceImage(p: { service: Service; class?: string }) {
  const image = p.service.image;
  if (!image) return null;
  return (
    <img
      class={p.class ?? 'service-img'}
      src={imagePath(image)}
      alt={p.service.name}
      width={image.width}
      height={image.height}
      loading="lazy"
      decoding="async"
    />
  );
}

/** A member's photo (named by their name) and bio, beside their name in the staff choice. */
export function StaffPicture(p: { member: OfferedBy | undefined }) {
  const photo = p.member?.photo;
  return photo ? (
    <img
      class="staff-photo"
      src={imagePath(photo)}
      alt={p.member?.name ?? ''}
      width={photo.width}
      height={photo.height}
      loading="lazy"
      decoding="async"
    />
  ) : null;
}

export function StaffBio(p: { member: OfferedBy | undefined }) {
  return p.member?.bio ? <span class="staff-bio">{p.member.bio}</span> : null;
}
