/**
 * The ImageProcessor over sharp (libvips). The format is read from the bytes (sharp's metadata
 * sniffs magic numbers); the name and Content-Type an upload claims are never trusted. Decoding
 * fails on any libvips warning (sharp's default `failOn`), so a truncated file is refused rather
 * than stored half grey. Re-encoding drops EXIF (GPS), XMP, IPTC and ICC: sharp writes no
 * metadata unless asked to.
 */
import { createHash } from 'node:crypto';
import { type ImageProcessor, MAX_IMAGE_SIDE } from '../app/images/image-processor.ts';

const ACCEPTED = new Set(['jpeg', 'png', 'webp']);

/**
 * Pixels a decoded upload may have: a 5 MB PNG of one colour can declare 30 000 × 30 000 pixels
 * (3.6 GB decoded); 40 megapixels covers any camera photo and bounds the memory one upload takes.
 */
const MAX_INPUT_PIXELS = 40_000_000;

let loaded: Promise<typeof import('sharp')> | null = null;

/** sharp (libvips, ~25 MB resident) loads with the first image, not at start-up (docs/PERFORMANCE.md, lazy imports). */
export function loadSharp(): Promise<typeof import('sharp')> {
  loaded ??= import('sharp');
  return loaded;
}

export function sharpProcessor(): ImageProcessor {
  return {
    async process(bytes) {
      const { default: sharp } = await loadSharp();
      const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'warning' as const };
      try {
        const meta = await sharp(input, options).metadata();
        if (!meta.format || !ACCEPTED.has(meta.format)) return null;
        const { data, info } = await sharp(input, options)
          .rotate() // EXIF orientation applied to the pixels, since the EXIF itself goes
          .resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: 'inside', withoutEnlargement: true })
          .webp({ quality: 80 })
          .toBuffer({ resolveWithObject: true });
        const out = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
        const id = createHash('sha256').update(out).digest('hex');
        return { id, contentType: 'image/webp', bytes: out, width: info.width, height: info.height };
      } catch {
        return null; // sharp's errors all mean "not an image we can read": unsupported, corrupt, too large
      }
    },
  };
}
