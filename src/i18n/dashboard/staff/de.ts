import type { StaffMessages } from './en.ts';

export const de: StaffMessages = {};
