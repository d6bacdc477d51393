/**
 * Dashboard API: a service's image and a staff member's photo (decision 032). PUT takes one file
 * as multipart/form-data (field `image` / `photo`, at most 5 MB, JPEG, PNG or WebP by content);
 * DELETE removes it. Both answer the service or member as GET does.
 */
import { Hono } from 'hono';
import { setServiceImage } from '../../app/images/set-service-image.ts';
import { setStaffPhoto } from '../../app/images/set-staff-photo.ts';
import type { AdminEnv } from '../admin/auth.ts';
import { presentAdminService } from '../admin/catalogue/present-service.ts';
import { presentAdminStaff } from '../admin/staff/present-staff.ts';
import type { AppDeps } from '../deps.ts';
import { sendError, sendRefusal } from '../errors.ts';
import { imageDeps } from './image-deps.ts';
import { readUpload } from './read-upload.ts';

export function imagesApi(given: AppDeps): Hono<AdminEnv> {
  const deps = imageDeps(given);
  const api = new Hono<AdminEnv>();
  api.put('/services/:id/image', async (c) => {
    const upload = await readUpload(c, 'image');
    if (!upload.ok) return sendError(c, upload.code, upload.message, upload.fields && { fields: upload.fields });
    const r = await setServiceImage(deps, c.get('actor'), c.req.param('id'), upload.bytes);
    return r.ok ? c.json(presentAdminService(r.value)) : sendRefusal(c, r);
  });
  api.delete('/services/:id/image', async (c) => {
    const r = await setServiceImage(deps, c.get('actor'), c.req.param('id'), null);
    return r.ok ? c.json(presentAdminService(r.value)) : sendRefusal(c, r);
  });
  api.put('/staff/:id/photo', async (c) => {
    const upload = await readUpload(c, 'photo');
    if (!upload.ok) return sendError(c, upload.code, upload.message, upload.fields && { fields: upload.fields });
    const r = await setStaffPhoto(deps, c.get('actor'), c.req.param('id'), upload.bytes);
    return r.ok ? c.json(presentAdminStaff(r.value)) : sendRefusal(c, r);
  });
  api.delete('/staff/:id/photo', async (c) => {
    const r = await setStaffPhoto(deps, c.get('actor'), c.req.param('id'), null);
    return r.ok ? c.json(presentAdminStaff(r.value)) : sendRefusal(c, r);
  });
  return api;
}
