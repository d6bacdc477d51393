/**
 * The store's side of the dashboard's services. Every catalogue write (services here, staff in
 * staff/staff-store.ts, settings in settings/settings-store.ts) changes what availability is
 * computed from, so the store drops its cached catalogue around each one (an edit shows on the
 * public calendar at once).
 */
import type { Service } from '../../model.ts';

/** A service's own columns (the staff offering it and the resources it requires are links, written apart). */
export type ServiceFields = Omit<Service, 'id' | 'resourceIds' | 'image'>;

/**
 * A write the database refused: `slug`/`key` taken by another row, or (only when a concurrent
 * edit slipped in between the use case's check and the write) a deposit above the price.
 */
export type CatalogWrite<T> = { ok: true; value: T } | { ok: false; conflict: 'slug' | 'key' | 'deposit' };

/** What removing a service or staff member did: with bookings it is deactivated, keeping history. */
export interface Removal<T> {
  readonly outcome: 'deleted' | 'deactivated';
  /** The row as it was deleted, or as it is now deactivated. */
  readonly value: T;
}

export interface ServiceStore {
  /** Inserts a service and links the staff offering it and the resources it requires (ids, SPEC §8.4). */
  createService(
    fields: ServiceFields,
    staffIds: readonly string[],
    resourceIds?: readonly string[],
  ): Promise<CatalogWrite<Service>>;
  /**
   * Changes the given fields; `staffIds` (when given) replaces who offers it, `resourceIds` (when
   * given) what it requires. Null: no such service.
   */
  updateService(
    id: string,
    fields: Partial<ServiceFields>,
    staffIds: readonly string[] | undefined,
    resourceIds?: readonly string[],
  ): Promise<CatalogWrite<Service> | null>;
  /** Deletes a service no booking refers to; one with bookings is deactivated instead. */
  removeService(id: string): Promise<Removal<Service> | null>;
}
