import type { BookingsMessages } from './en.ts';

export const fr: BookingsMessages = {};
