/**
 * The store's side of the dashboard's catalogue: services, staff, weekly hours, days off and the
 * business settings. Every write changes what availability is computed from, so the store drops
 * its cached catalogue around each one (an edit shows on the public calendar at once).
 */
import type { LocalDate, WeeklyHours } from '../../../core/index.ts';
import type { Business, Service, StaffMember } from '../../model.ts';

/** The business as the dashboard edits it: every setting, the sender of its emails included. */
export type BusinessSettings = Business;

export type ServiceFields = Omit<Service, 'id'>;

/** A staff member's own columns (their services, hours and days off are written separately). */
export type StaffFields = Omit<StaffMember, 'id' | 'serviceIds' | 'hours' | 'daysOff'>;

/** A day off with its id, as the dashboard lists and edits it. */
export interface StoredDayOff {
  readonly id: string;
  readonly staffId: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly note: string | null;
}

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

export interface AdminCatalogStore {
  /** Inserts a service and links the staff offering it. */
  createService(fields: ServiceFields, staffIds: readonly string[]): Promise<CatalogWrite<Service>>;
  /** Changes the given fields; `staffIds` (when given) replaces who offers it. Null: no such service. */
  updateService(
    id: string,
    fields: Partial<ServiceFields>,
    staffIds: readonly string[] | undefined,
  ): Promise<CatalogWrite<Service> | null>;
  /** Deletes a service no booking refers to; one with bookings is deactivated instead. */
  removeService(id: string): Promise<Removal<Service> | null>;

  /** Inserts a staff member offering these services. */
  createStaff(fields: StaffFields, serviceIds: readonly string[]): Promise<CatalogWrite<StaffMember>>;
  updateStaff(
    id: string,
    fields: Partial<StaffFields>,
    serviceIds: readonly string[] | undefined,
  ): Promise<CatalogWrite<StaffMember> | null>;
  /**
   * Deletes a member no booking (or booking history) refers to, with their account and keys; one
   * with bookings is deactivated instead, and their sessions and API keys are revoked at `now`.
   */
  removeStaff(id: string, now: number): Promise<Removal<StaffMember> | null>;
  /** Replaces a member's whole week; false when there is no such member. */
  replaceWorkingHours(staffId: string, hours: WeeklyHours): Promise<boolean>;

  /** A member's days off, earliest first. */
  listDaysOff(staffId: string): Promise<StoredDayOff[]>;
  getDayOff(id: string): Promise<StoredDayOff | null>;
  addDayOff(staffId: string, dayOff: DayOffFields): Promise<StoredDayOff>;
  updateDayOff(id: string, dayOff: DayOffFields): Promise<StoredDayOff | null>;
  removeDayOff(id: string): Promise<StoredDayOff | null>;

  getSettings(): Promise<BusinessSettings>;
  /** Writes the given settings and returns them all as they now are (under the row's lock). */
  updateSettings(patch: Partial<BusinessSettings>): Promise<BusinessSettings>;
}

export interface DayOffFields {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly note: string | null;
}
