/**
 * The store's side of images (decision 032): re-encoded bytes kept in the database under their
 * SHA-256, service images and staff photos pointing at them.
 */
import type { Service, StaffMember } from '../model.ts';

/** A re-encoded image ready to store (what ImageProcessor made of an upload). */
export interface NewImage {
  /** SHA-256 of `bytes`, hex. */
  readonly id: string;
  readonly contentType: 'image/webp';
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export interface StoredImage {
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

export interface ImageStore {
  /**
   * Stores `image` (null: none) as the service's image, in one transaction, and deletes an image
   * nothing refers to any more. Null: no such service.
   */
  setServiceImage(serviceId: string, image: NewImage | null): Promise<Service | null>;
  /** The same for a staff member's photo. */
  setStaffPhoto(staffId: string, image: NewImage | null): Promise<StaffMember | null>;
  /** An image by its id (hash); null when none is stored under it. */
  getImage(id: string): Promise<StoredImage | null>;
}
