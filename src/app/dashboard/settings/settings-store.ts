/** The store's side of the business settings as the dashboard edits them. */
import type { Business } from '../../model.ts';

/** The business as the dashboard edits it: every setting, the sender of its emails included. */
export type BusinessSettings = Business;

export interface SettingsStore {
  getSettings(): Promise<BusinessSettings>;
  /** Writes the given settings and returns them all as they now are (under the row's lock). */
  updateSettings(patch: Partial<BusinessSettings>): Promise<BusinessSettings>;
}
