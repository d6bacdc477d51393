/**
 * Pictures for the demo studio (decision 032): drawn at start from SVG by sharp — gradients for
 * the services, abstract portraits for the photographers — and stored through the same use cases
 * as an upload (checked, resized, re-encoded). No image file is shipped or downloaded.
 */

import type { Actor } from '../app/dashboard/actor.ts';
import type { ImageProcessor } from '../app/images/image-processor.ts';
import { setServiceImage } from '../app/images/set-service-image.ts';
import { setStaffPhoto } from '../app/images/set-staff-photo.ts';
import type { Store } from '../app/ports.ts';
import { loadSharp } from '../images/sharp-processor.ts';

const ADMIN: Actor = { role: 'admin', userId: null, keyId: null };

/** A wide banner: the service's colour fading to a warm light, with soft circles of light. */
function banner(color: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="450">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${color}"/><stop offset="1" stop-color="#f3e3c3"/></linearGradient></defs>
    <rect width="800" height="450" fill="url(#g)"/>
    <circle cx="620" cy="120" r="90" fill="#fff" fill-opacity="0.25"/>
    <circle cx="180" cy="330" r="140" fill="#fff" fill-opacity="0.12"/></svg>`;
}

/** A square portrait: a head and shoulders in the member's colour on a light ground. */
function portrait(color: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="320">
    <rect width="320" height="320" fill="#efe9df"/>
    <circle cx="160" cy="130" r="62" fill="${color}"/>
    <ellipse cx="160" cy="330" rx="120" ry="110" fill="${color}" fill-opacity="0.85"/></svg>`;
}

const STAFF_COLORS: Readonly<Record<string, string>> = { ana: '#b4532a', tomas: '#2f5d8a', mei: '#3d8b5a' };

const png = async (svg: string) => {
  const { default: sharp } = await loadSharp();
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
};

/** Gives each demo service and photographer a picture; returns how many were stored. */
export async function addDemoPictures(deps: { store: Store; images: ImageProcessor }): Promise<number> {
  let stored = 0;
  for (const s of await deps.store.listServices()) {
    // The colour the demo gives each service (demo-studio.ts), a #rrggbb the SVG can take as is.
    const color = s.color && /^#[0-9a-f]{6}$/i.test(s.color) ? s.color : null;
    if (color && (await setServiceImage(deps, ADMIN, s.id, await png(banner(color)))).ok) stored++;
  }
  for (const m of await deps.store.listStaff()) {
    const color = m.key ? STAFF_COLORS[m.key] : undefined;
    if (color && (await setStaffPhoto(deps, ADMIN, m.id, await png(portrait(color)))).ok) stored++;
  }
  return stored;
}
