/**
 * Uploaded pictures on the public pages (issue 21 point 5): the service image on the list and in
 * the booking page's recap, staff photos and bios in the staff choice — each with alt text, its
 * stored width and height (the box is reserved before it loads) and loading="lazy".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { multipart, png } from '../support/images.ts';

let tdb: TestDatabase;
let d: Dashboard;
let serviceImage: string;
let anaPhoto: string;
beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
  d = await startDashboard(tdb);
  const portrait = (await tdb.store.findService('portrait'))?.id as string;
  const put = async (path: string, field: string, bytes: Uint8Array) => {
    const init = multipart(field, bytes);
    const r = await d.call(`/api/v1/admin/${path}`, { ...init, headers: { authorization: `Bearer ${d.keys.admin}` } });
    expect(r.status).toBe(200);
    return r.body;
  };
  serviceImage = (await put(`services/${portrait}/image`, 'image', await png(640, 480))).imageUrl;
  anaPhoto = (await put(`staff/${d.staffIds.ana}/photo`, 'photo', await png(200, 260))).photoUrl;
  expect((await d.as('admin', 'PATCH', `staff/${d.staffIds.ana}`, { bio: 'Light & <b>shadow</b>.' })).status).toBe(200);
});
afterAll(() => tdb.close());

const html = async (path: string) => (await d.app.request(path)).text();
/** Every <img …> tag of a page. */
const imgs = (page: string) => page.match(/<img [^>]*>/g) ?? [];

describe('pictures on the public pages', () => {
  it('the service list shows the image with alt text, its size and lazy loading', async () => {
    const [tag, ...others] = imgs(await html('/'));
    expect(others).toEqual([]);
    expect(tag).toContain(`src="${serviceImage}"`);
    expect(tag).toContain('alt="Portrait session"');
    expect(tag).toContain('width="640"');
    expect(tag).toContain('height="480"');
    expect(tag).toContain('loading="lazy"');
  });

  it("the booking page shows the service image in the recap and Ana's photo and bio (escaped) in the staff choice", async () => {
    const page = await html('/book/portrait');
    const tags = imgs(page);
    expect(tags).toHaveLength(2);
    expect(tags.every((t) => t.includes('loading="lazy"') && /width="\d+"/.test(t) && /height="\d+"/.test(t))).toBe(
      true,
    );
    const photo = tags.find((t) => t.includes(anaPhoto)) as string;
    expect(photo).toContain('alt="Ana"');
    expect(photo).toContain('width="200"');
    expect(page).toContain('Light &amp; &lt;b&gt;shadow&lt;/b&gt;.');
    expect(page).not.toContain('<b>shadow</b>');
  });

  it('without uploads no <img> is written (a typed imageUrl is the API’s, not the pages’)', async () => {
    const fresh = await openTestDatabase({ cache: true });
    const plain = await startDashboard(fresh);
    expect(imgs(await (await plain.app.request('/book/portrait')).text())).toEqual([]);
    await fresh.close();
  });
});
