import type { StaffMessages } from './en.ts';

export const fr: StaffMessages = {};
