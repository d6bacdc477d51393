/**
 * The store's side of the dashboard's staff: members, their weekly hours, days off, date-specific
 * hours and blocks (time off with times).
 */
import type { DateHours, LocalDate, LocalDateTime, WallRange, WeeklyHours } from '../../../core/index.ts';
import type { StaffMember } from '../../model.ts';
import type { CatalogWrite, Removal } from '../catalogue/service-store.ts';

/** A staff member's own columns (their services, hours, days off, date hours and blocks are written separately). */
export type StaffFields = Omit<
  StaffMember,
  'id' | 'serviceIds' | 'hours' | 'daysOff' | 'dateHours' | 'blocks' | 'photo'
>;

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

/** A block of time off with its id (SPEC §8.2): local date-times `YYYY-MM-DDTHH:MM` in the member's zone. */
export interface StoredBlock {
  readonly id: string;
  readonly staffId: string;
  readonly from: LocalDateTime;
  readonly to: LocalDateTime;
  readonly note: string | null;
}

export interface BlockFields {
  readonly from: LocalDateTime;
  readonly to: LocalDateTime;
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

  /** Replaces all of a member's date-specific hours (SPEC §8.1); false when there is no such member. */
  replaceDateHours(staffId: string, dateHours: DateHours): Promise<boolean>;
  /**
   * Gives one date its own hours (`[]`: not worked), or with null gives it back its weekly hours;
   * false when there is no such member.
   */
  setDateHours(staffId: string, date: LocalDate, ranges: readonly WallRange[] | null): Promise<boolean>;

  /** A member's blocks, earliest first. */
  listBlocks(staffId: string): Promise<StoredBlock[]>;
  getBlock(id: string): Promise<StoredBlock | null>;
  /** Null when there is no such member. */
  addBlock(staffId: string, block: BlockFields): Promise<StoredBlock | null>;
  updateBlock(id: string, block: BlockFields): Promise<StoredBlock | null>;
  removeBlock(id: string): Promise<StoredBlock | null>;
}
