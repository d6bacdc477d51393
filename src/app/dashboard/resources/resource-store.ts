/**
 * The store's side of shared resources (SPEC §8.4): the rooms and machines a business has, each
 * with a key (how the set-up file names it) and a name. Which services require them is written
 * with the service (ServiceStore); what bookings hold on them, with the booking.
 */
import type { CatalogWrite } from '../catalogue/service-store.ts';

export interface Resource {
  readonly id: string;
  readonly key: string;
  readonly name: string;
}

export interface ResourceFields {
  readonly key: string;
  readonly name: string;
}

export interface ResourceStore {
  /** Every resource, by name. */
  listResources(): Promise<Resource[]>;
  /** `key` conflict: another resource has that key. */
  createResource(fields: ResourceFields): Promise<CatalogWrite<Resource>>;
  updateResource(id: string, fields: Partial<ResourceFields>): Promise<CatalogWrite<Resource> | null>;
  /**
   * Deletes a resource: services no longer require it and the holds bookings had on it go with it
   * (a room that is gone cannot be double-booked).
   */
  removeResource(id: string): Promise<Resource | null>;
}
