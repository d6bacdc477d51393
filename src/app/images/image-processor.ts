/**
 * Turns uploaded bytes into an image fit to store and serve (decision 032): sharp in production
 * (src/images/sharp-processor.ts), behind a port so use cases stay free of native code.
 */
import type { NewImage } from './image-store.ts';

/** The largest upload accepted, in bytes (issue 21: 5 MB). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** The longest side of a stored image, in pixels. */
export const MAX_IMAGE_SIDE = 1600;

export interface ImageProcessor {
  /**
   * The upload decoded by its content (JPEG, PNG or WebP, whatever its name or declared type),
   * auto-rotated, fitted within MAX_IMAGE_SIDE and re-encoded as WebP without any metadata.
   * Null for anything else: another format, text, a truncated or corrupt file, too many pixels.
   */
  process(bytes: Uint8Array): Promise<NewImage | null>;
}
