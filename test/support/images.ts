/**
 * Image files for upload tests, drawn by sharp from SVG (no binary fixtures): a JPEG with EXIF
 * GPS, PNG, WebP and GIF files, and a multipart body carrying one of them.
 */
import sharp from 'sharp';

export const gradient = (width: number, height: number, from = '#c0392b', to = '#f1c40f') =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
      <defs><linearGradient id="g"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
      <rect width="100%" height="100%" fill="url(#g)"/></svg>`,
  );

/** A JPEG carrying EXIF with a GPS position (Lisbon) and a camera make. */
export const jpegWithGps = (width = 800, height = 600) =>
  sharp(gradient(width, height))
    .jpeg()
    .withExif({
      IFD0: { Make: 'SecretCam', Copyright: 'owner@example.test' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '38/1 42/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '9/1 8/1 0/1' },
    })
    .toBuffer();

export const png = (width = 400, height = 300) => sharp(gradient(width, height)).png().toBuffer();
export const webp = (width = 400, height = 300) => sharp(gradient(width, height)).webp().toBuffer();
export const gif = (width = 40, height = 30) => sharp(gradient(width, height)).gif().toBuffer();

/** A multipart/form-data request init carrying `bytes` as the file `field`, with the name and type given. */
export function multipart(
  field: string,
  bytes: Uint8Array,
  opts: { name?: string; type?: string; extra?: Record<string, string>; headers?: Record<string, string> } = {},
): RequestInit {
  const form = new FormData();
  for (const [k, v] of Object.entries(opts.extra ?? {})) form.append(k, v);
  form.append(field, new Blob([bytes], { type: opts.type ?? 'application/octet-stream' }), opts.name ?? 'upload.bin');
  return { method: 'PUT', body: form, headers: opts.headers ?? {} };
}
