/**
 * Files the fuzzer uploads to the picture routes (decision 032): real images of each accepted
 * format (one with EXIF GPS), and what must be refused — text, a truncated JPEG, a GIF, an SVG,
 * nothing at all. Drawn by sharp once, when the fuzz files load.
 */
import { gif, jpegWithGps, png, webp } from '../support/images.ts';

const jpeg = await jpegWithGps(320, 240);

export const UPLOAD_FILES: Readonly<Record<string, Uint8Array>> = {
  png: await png(64, 48),
  jpeg,
  webp: await webp(48, 64),
  gif: await gif(),
  text: new TextEncoder().encode('not an image at all\n'),
  svg: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  truncated: jpeg.subarray(0, Math.floor(jpeg.length / 2)),
  empty: new Uint8Array(0),
};
