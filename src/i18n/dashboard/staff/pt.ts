import type { StaffMessages } from './en.ts';

export const pt: StaffMessages = {};
