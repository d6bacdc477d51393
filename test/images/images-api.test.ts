/**
 * Service images and staff photos through the admin API (issue 21 point 5, decision 032): an
 * upload is judged by its content, resized and re-encoded without metadata, stored in the
 * database and served from /images/{sha256}.webp with year-long caching; anything refused (not an
 * image, truncated, over 5 MB) stores nothing.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Caller, type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { gif, jpegWithGps, multipart, png, webp } from '../support/images.ts';

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

/** Sends a file as `who` to an /api/v1/admin path (PUT multipart unless `init` says otherwise). */
function upload(
  who: Caller,
  path: string,
  field: string,
  bytes: Uint8Array,
  opts: Parameters<typeof multipart>[2] = {},
) {
  const init = multipart(field, bytes, opts);
  return d.call(`/api/v1/admin/${path}`, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${d.keys[who as 'admin']}` },
  });
}

const imageRows = async () => Number((await tdb.db.query('SELECT count(*) AS n FROM images'))[0]?.n);
const fetchImage = (url: string) => d.app.request(url);

describe('uploading a service image', () => {
  it('a PNG is stored re-encoded as WebP under its hash, served with immutable caching, and shown by the public API', async () => {
    const r = await upload('admin', `services/${portrait}/image`, 'image', await png(400, 300), {
      name: 'portrait.png',
      type: 'image/png',
    });
    expect(r.status).toBe(200);
    const url = r.body.imageUrl as string;
    expect(url).toMatch(/^\/images\/[0-9a-f]{64}\.webp$/);
    expect(r.body.image).toEqual({ url, width: 400, height: 300 });

    const served = await fetchImage(url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/webp');
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(`/images/${createHash('sha256').update(bytes).digest('hex')}.webp`).toBe(url);
    expect((await sharp(bytes).metadata()).format).toBe('webp');

    const pub = await d.call('/services/portrait');
    expect(pub.body.imageUrl).toBe(url);
    expect(await imageRows()).toBe(1);
  });

  it('a large JPEG is fitted within 1600 px; a WebP is accepted too', async () => {
    const big = await upload('admin', `services/${portrait}/image`, 'image', await jpegWithGps(3000, 2000));
    expect(big.status).toBe(200);
    expect(big.body.image).toMatchObject({ width: 1600, height: 1067 });
    const served = Buffer.from(await (await fetchImage(big.body.imageUrl)).arrayBuffer());
    expect(await sharp(served).metadata()).toMatchObject({ width: 1600, height: 1067 });
    const w = await upload('admin', `services/${portrait}/image`, 'image', await webp(200, 100));
    expect(w.status).toBe(200);
    expect(w.body.image).toMatchObject({ width: 200, height: 100 });
    expect(await imageRows()).toBe(1); // the replaced image went with it
  });

  it('EXIF (GPS position, camera, owner) is stripped: the served bytes carry no metadata at all', async () => {
    const original = await jpegWithGps();
    const meta = await sharp(original).metadata();
    expect(meta.exif?.length).toBeGreaterThan(0); // the upload does carry it
    expect(original.includes(Buffer.from('SecretCam'))).toBe(true);
    const r = await upload('admin', `services/${portrait}/image`, 'image', original, { name: 'gps.jpg' });
    expect(r.status).toBe(200);
    const served = Buffer.from(await (await fetchImage(r.body.imageUrl)).arrayBuffer());
    const out = await sharp(served).metadata();
    expect(out.exif).toBeUndefined();
    expect(out.xmp).toBeUndefined();
    expect(out.icc).toBeUndefined();
    expect(served.includes(Buffer.from('Exif'))).toBe(false);
    expect(served.includes(Buffer.from('SecretCam'))).toBe(false);
  });

  it('DELETE removes the image: the bytes are gone, the URL answers 404, the service shows no image', async () => {
    const r = await upload('admin', `services/${portrait}/image`, 'image', await png());
    const gone = await d.as('admin', 'DELETE', `services/${portrait}/image`);
    expect(gone.status).toBe(200);
    expect(gone.body).toMatchObject({ imageUrl: null, image: null });
    expect((await fetchImage(r.body.imageUrl)).status).toBe(404);
    expect(await imageRows()).toBe(0);
  });
});

describe('refused uploads store nothing', () => {
  const refused = async (bytes: Uint8Array, opts: Parameters<typeof multipart>[2] = {}) => {
    const r = await upload('admin', `services/${portrait}/image`, 'image', bytes, opts);
    expect(await imageRows()).toBe(0);
    expect((await tdb.store.findService(portrait))?.image).toBeNull();
    return r;
  };

  it('text renamed .jpg and sent as image/jpeg: 400 VALIDATION_FAILED naming the field', async () => {
    const r = await refused(new TextEncoder().encode('just some text, not a picture\n'), {
      name: 'photo.jpg',
      type: 'image/jpeg',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.details.fields).toEqual({ image: 'a JPEG, PNG or WebP image' });
  });

  it('a truncated JPEG (its header intact) is refused: 400', async () => {
    const whole = await jpegWithGps();
    const r = await refused(whole.subarray(0, Math.floor(whole.length / 2)), { name: 'cut.jpg', type: 'image/jpeg' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('a GIF, an SVG and an empty file are not accepted formats: 400', async () => {
    expect((await refused(await gif(), { name: 'a.png', type: 'image/png' })).status).toBe(400);
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    expect((await refused(svg, { name: 'a.svg', type: 'image/svg+xml' })).status).toBe(400);
    expect((await refused(new Uint8Array(0))).status).toBe(400);
  });

  it('a file over 5 MB: 413 PAYLOAD_TOO_LARGE; a body far over it is cut off while streaming: 413', async () => {
    const over = new Uint8Array(5 * 1024 * 1024 + 1);
    over.set(await png()); // starts like an image: the size alone refuses it
    const r = await refused(over);
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const huge = await refused(new Uint8Array(8 * 1024 * 1024));
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('a decompression bomb (a small PNG of 48 megapixels) is refused: 400', async () => {
    const bomb = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#ffffff' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect((await refused(bomb)).status).toBe(400);
  });

  it('exactly 5 MB is within the limit (then judged by content)', async () => {
    const r = await refused(new Uint8Array(5 * 1024 * 1024));
    expect(r.status).toBe(400);
  });

  it('JSON instead of multipart: 415; a multipart body without the field: 400 naming it', async () => {
    const json = await d.as('admin', 'PUT', `services/${portrait}/image`, { image: 'aGVsbG8=' });
    expect(json.status).toBe(415);
    expect(json.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const wrong = await upload('admin', `services/${portrait}/image`, 'picture', await png());
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.fields).toEqual({ image: 'required: a file' });
    expect(await imageRows()).toBe(0);
  });
});

describe('staff photos and bios', () => {
  it('Ana uploads and removes her own photo and writes her bio; both show in the public service', async () => {
    const ana = d.staffIds.ana;
    const r = await upload('ana', `staff/${ana}/photo`, 'photo', await png(300, 400));
    expect(r.status).toBe(200);
    expect(r.body.photo).toMatchObject({ width: 300, height: 400 });
    const bio = await d.as('ana', 'PATCH', `staff/${ana}`, { bio: 'Portraits in natural light.' });
    expect(bio.status).toBe(200);
    expect(bio.body.bio).toBe('Portraits in natural light.');
    const pub = await d.call('/services/portrait');
    expect(pub.body.staff.find((m: { id: string }) => m.id === ana)).toEqual({
      id: ana,
      name: expect.any(String),
      photoUrl: r.body.photoUrl,
      bio: 'Portraits in natural light.',
    });
    const gone = await d.as('ana', 'DELETE', `staff/${ana}/photo`);
    expect(gone.body).toMatchObject({ photoUrl: null, photo: null });
    expect(await imageRows()).toBe(0);
  });

  it('a bio over 2000 characters: 400 naming bio, nothing written', async () => {
    const r = await d.as('admin', 'PATCH', `staff/${d.staffIds.ana}`, { bio: 'x'.repeat(2001) });
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.error.details.fields)).toEqual(['bio']);
    expect((await tdb.store.listStaff()).find((m) => m.id === d.staffIds.ana)?.bio).toBe('');
  });

  it('a bio with a NUL character (found by the fuzzer: it was a 500): 400 naming bio', async () => {
    const r = await d.as('admin', 'POST', 'staff', { name: 'Fuzz', email: 'fuzz@studio.test', bio: '\u0000' });
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.error.details.fields)).toEqual(['bio']);
  });
});

describe('who may upload', () => {
  const cases: [Caller, string, string, number][] = [
    ['anonymous', 'services/:portrait/image', 'image', 401],
    ['ana', 'services/:portrait/image', 'image', 403],
    ['admin', 'services/:portrait/image', 'image', 200],
    ['admin', 'services/999999/image', 'image', 404],
    ['anonymous', 'staff/:ana/photo', 'photo', 401],
    ['ana', 'staff/:ana/photo', 'photo', 200],
    ['ana', 'staff/:ben/photo', 'photo', 404],
    ['admin', 'staff/:ben/photo', 'photo', 200],
  ];
  it.each(cases)('%s PUT %s (field %s) → %i, and DELETE alike', async (who, template, field, status) => {
    const path = template
      .replace(':portrait', portrait)
      .replace(':ana', d.staffIds.ana)
      .replace(':ben', d.staffIds.ben);
    const init = multipart(field, await png(20, 20));
    const headers: Record<string, string> = who === 'anonymous' ? {} : { authorization: `Bearer ${d.keys[who]}` };
    expect((await d.call(`/api/v1/admin/${path}`, { ...init, headers })).status).toBe(status);
    expect((await d.as(who, 'DELETE', path)).status).toBe(status);
  });
});

describe('serving', () => {
  it('an unknown hash, a bad name or another extension: 404, not cached', async () => {
    for (const name of [`${'0'.repeat(64)}.webp`, 'x.webp', `${'a'.repeat(64)}.png`, '..%2Fetc%2Fpasswd']) {
      const r = await fetchImage(`/images/${name}`);
      expect(r.status).toBe(404);
      expect(r.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('If-None-Match with the hash: 304', async () => {
    const r = await upload('admin', `services/${portrait}/image`, 'image', await png());
    const url = r.body.imageUrl as string;
    const etag = (await fetchImage(url)).headers.get('etag') as string;
    expect((await d.app.request(url, { headers: { 'if-none-match': etag } })).status).toBe(304);
  });
});
