/**
 * The dashboard's picture uploads (decision 032): the picture panel's forms post here (multipart,
 * CSRF checked by the page guard), the same use cases as the API save them, and the answer is a
 * redirect back to the page's picture panel saying what happened. A refusal stores nothing.
 */
import { type Context, Hono } from 'hono';
import { setServiceImage } from '../../app/images/set-service-image.ts';
import { setStaffPhoto } from '../../app/images/set-staff-photo.ts';
import type { Result } from '../../app/result.ts';
import type { AdminEnv } from '../admin/auth.ts';
import { catalogRefusalPage } from '../admin/refusal-page.tsx';
import type { AppDeps } from '../deps.ts';
import { imageDeps } from './image-deps.ts';
import { readUpload } from './read-upload.ts';

type Ctx = Context<AdminEnv>;

/** Where each outcome lands: the page, at its picture panel. */
const back = (c: Ctx, page: string, outcome: string) => c.redirect(`${page}?picture=${outcome}#picture`, 303);

async function answer(
  c: Ctx,
  deps: AppDeps,
  page: string,
  area: 'services' | 'staff',
  r: Result<unknown>,
  done: string,
) {
  if (r.ok) return back(c, page, done);
  if (r.code === 'VALIDATION_FAILED') return back(c, page, 'not-image');
  return catalogRefusalPage(c, deps, r, area);
}

/** Reads the file, or the outcome to redirect with when there is none fit to process. */
async function fileOf(c: Ctx, field: string): Promise<Uint8Array | string> {
  const upload = await readUpload(c, field);
  if (upload.ok) return upload.bytes;
  return upload.code === 'PAYLOAD_TOO_LARGE' ? 'too-large' : 'missing';
}

export function imagesPages(given: AppDeps): Hono<AdminEnv> {
  const deps = imageDeps(given);
  const app = new Hono<AdminEnv>();
  app.post('/services/:id/image', async (c) => {
    const page = `/admin/services/${encodeURIComponent(c.req.param('id'))}`;
    const file = await fileOf(c, 'image');
    if (typeof file === 'string') return back(c, page, file);
    return answer(
      c,
      deps,
      page,
      'services',
      await setServiceImage(deps, c.get('actor'), c.req.param('id'), file),
      'saved',
    );
  });
  app.post('/services/:id/image/delete', async (c) => {
    const page = `/admin/services/${encodeURIComponent(c.req.param('id'))}`;
    return answer(
      c,
      deps,
      page,
      'services',
      await setServiceImage(deps, c.get('actor'), c.req.param('id'), null),
      'removed',
    );
  });
  app.post('/staff/:id/photo', async (c) => {
    const page = `/admin/staff/${encodeURIComponent(c.req.param('id'))}`;
    const file = await fileOf(c, 'photo');
    if (typeof file === 'string') return back(c, page, file);
    return answer(c, deps, page, 'staff', await setStaffPhoto(deps, c.get('actor'), c.req.param('id'), file), 'saved');
  });
  app.post('/staff/:id/photo/delete', async (c) => {
    const page = `/admin/staff/${encodeURIComponent(c.req.param('id'))}`;
    return answer(
      c,
      deps,
      page,
      'staff',
      await setStaffPhoto(deps, c.get('actor'), c.req.param('id'), null),
      'removed',
    );
  });
  return app;
}
