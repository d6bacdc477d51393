/**
 * The dashboard's picture panels (decision 032): a multipart form on a service's edit page and on
 * a staff member's page, the CSRF token still required, refusals storing nothing and saying why,
 * a member uploading their own photo and writing their own bio, but no one else's.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { jpegWithGps, png } from '../support/images.ts';
import { type Browser, signedIn } from '../support/sessions.ts';

let tdb: TestDatabase;
let d: Dashboard;
let portrait: string;
beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(() => tdb.close());
afterEach(() => expect(d.errors).toEqual([]));
beforeEach(async () => {
  d = await startDashboard(tdb);
  portrait = (await tdb.store.findService('portrait'))?.id as string;
});

const imageRows = async () => Number((await tdb.db.query('SELECT count(*) AS n FROM images'))[0]?.n);

describe("a service's picture panel", () => {
  let admin: Browser;
  beforeEach(async () => {
    admin = await signedIn(tdb, d, 'admin');
  });

  it('shows a multipart form with a labelled file input; an upload lands back on the panel with the preview', async () => {
    const page = await admin.page(`/admin/services/${portrait}`);
    expect(page.html).toContain(`action="/admin/services/${portrait}/image" enctype="multipart/form-data"`);
    expect(page.html).toMatch(/<label for="f-image">Image file<\/label>/);
    expect(page.html).toContain('accept="image/jpeg,image/png,image/webp"');
    const r = await admin.upload(`/admin/services/${portrait}/image`, 'image', await jpegWithGps(900, 600));
    expect(r.status).toBe(303);
    expect(r.location).toBe(`/admin/services/${portrait}?picture=saved#picture`);
    const after = await admin.page(r.location as string);
    expect(after.html).toContain('The picture is saved');
    const image = (await tdb.store.findService(portrait))?.image;
    expect(image).toMatchObject({ width: 900, height: 600 });
    expect(after.html).toContain(`src="/images/${image?.id}.webp" alt="Image of Portrait session"`);
    const removed = await admin.form(`/admin/services/${portrait}/image/delete`, {});
    expect(removed.location).toBe(`/admin/services/${portrait}?picture=removed#picture`);
    expect(await imageRows()).toBe(0);
  });

  it('without its CSRF token the upload is refused (403) and nothing is stored', async () => {
    const r = await admin.upload(`/admin/services/${portrait}/image`, 'image', await png(), { csrf: false });
    expect(r.status).toBe(403);
    expect(await imageRows()).toBe(0);
  });

  it('a text file named .jpg comes back as "not an image", storing nothing', async () => {
    const r = await admin.upload(`/admin/services/${portrait}/image`, 'image', new TextEncoder().encode('hello'));
    expect(r.location).toBe(`/admin/services/${portrait}?picture=not-image#picture`);
    expect((await admin.page(r.location as string)).html).toContain('That file is not a JPEG, PNG or WebP image');
    expect(await imageRows()).toBe(0);
  });

  it('a file over 5 MB comes back as "too large"; a body far over it is cut off (413); nothing is stored', async () => {
    const over = await admin.upload(`/admin/services/${portrait}/image`, 'image', new Uint8Array(5 * 1024 * 1024 + 1));
    expect(over.location).toBe(`/admin/services/${portrait}?picture=too-large#picture`);
    const huge = await admin.upload(`/admin/services/${portrait}/image`, 'image', new Uint8Array(7 * 1024 * 1024));
    expect(huge.status).toBe(413);
    expect(await imageRows()).toBe(0);
  });
});

describe("a staff member's photo and bio", () => {
  it('Ana uploads her own photo and writes her bio on her page; Ben’s photo and the services are not hers', async () => {
    const ana = await signedIn(tdb, d, 'ana');
    const own = await ana.upload(`/admin/staff/${d.staffIds.ana}/photo`, 'photo', await png(240, 320));
    expect(own.location).toBe(`/admin/staff/${d.staffIds.ana}?picture=saved#picture`);
    expect((await ana.page(own.location as string)).html).toContain('alt="Photo of Ana"');
    const bio = await ana.form(`/admin/staff/${d.staffIds.ana}`, {
      name: 'Ana',
      email: 'ana@studio.test',
      timezone: '',
      bio: 'Portraits in natural light.',
    });
    expect(bio.status).toBe(303);
    expect((await tdb.store.listStaff()).find((m) => m.id === d.staffIds.ana)?.bio).toBe('Portraits in natural light.');

    expect((await ana.upload(`/admin/staff/${d.staffIds.ben}/photo`, 'photo', await png())).status).toBe(404);
    expect((await ana.upload(`/admin/services/${portrait}/image`, 'image', await png())).status).toBe(403);
    expect(await imageRows()).toBe(1);
  });
});
