/** The store's side of the dashboard's staff: members, their weekly hours and days off. */
import type { LocalDate, WeeklyHours } from '../../../core/index.ts';
import type { StaffMember } from '../../model.ts';
import type { CatalogWrite, Removal } from '../catalogue/service-store.ts';

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

export interface DayOffFields {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly note: string | null;
}

export interface StaffStore {
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
}
