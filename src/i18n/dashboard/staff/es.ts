import type { StaffMessages } from './en.ts';

export const es: StaffMessages = {};
