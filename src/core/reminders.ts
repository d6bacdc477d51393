/**
 * When a booking's reminder is due (SPEC §4): reminderHours before the start, only when the
 * client asked, and only when that moment is still ahead — a booking made later than it gets none.
 */

export interface ReminderFacts {
  readonly start: number;
  readonly wantsReminder: boolean;
  readonly reminderHours: number;
  readonly now: number;
}

/** The instant the reminder is due, or null when none is to be sent. */
export function remindAt(f: ReminderFacts): number | null {
  if (!f.wantsReminder) return null;
  const at = f.start - f.reminderHours * 3_600_000;
  return at > f.now ? at : null;
}
