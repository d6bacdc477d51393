import type { BookingsMessages } from './en.ts';

export const pt: BookingsMessages = {};
