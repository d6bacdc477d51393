/** The public surface of the scheduling core. */
export * from './availability.ts';
export * from './booking-rules.ts';
export * from './busy.ts';
export * from './busy-reach.ts';
export * from './calendar.ts';
export * from './date.ts';
export * from './interval.ts';
export * from './money.ts';
export * from './payment-options.ts';
export * from './reminders.ts';
export * from './settings.ts';
export * from './slots.ts';
export * from './staff-assignment.ts';
export * from './time.ts';
export * from './time-off.ts';
export * from './types.ts';
export * from './verification.ts';
