/** Service images and staff photos (decision 032), as documented routes. */
import { z } from 'zod';
import { adminServiceShape, adminStaffShape } from '../openapi/admin-shapes.ts';
import { adminRoutes, ok, type RouteDoc } from '../openapi/route-doc.ts';

const images = adminRoutes('Images (dashboard)');

const file = (what: string) =>
  z.string().meta({
    format: 'binary',
    description: `${what}: JPEG, PNG or WebP (judged by its content, not its name), at most 5 MB; stored resized to 1600 px at most, as WebP without metadata`,
  });

const MULTIPART = 'multipart/form-data';

export const IMAGE_ROUTES: readonly RouteDoc[] = [
  images('put', '/services/:id/image', "Upload the service's image (admins)", {
    body: z.object({ image: file('the image') }),
    bodyType: MULTIPART,
    description: 'A file that is not an image answers 400 VALIDATION_FAILED (field `image`); over 5 MB, 413.',
    responses: ok('the service', adminServiceShape),
  }),
  images('delete', '/services/:id/image', "Remove the service's uploaded image (admins)", {
    responses: ok('the service', adminServiceShape),
  }),
  images('put', '/staff/:id/photo', "Upload a member's photo (staff: their own)", {
    body: z.object({ photo: file('the photo') }),
    bodyType: MULTIPART,
    description: 'A file that is not an image answers 400 VALIDATION_FAILED (field `photo`); over 5 MB, 413.',
    responses: ok('the member', adminStaffShape),
  }),
  images('delete', '/staff/:id/photo', "Remove a member's photo (staff: their own)", {
    responses: ok('the member', adminStaffShape),
  }),
];
