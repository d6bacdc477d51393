import type { BookingsMessages } from './en.ts';

export const de: BookingsMessages = {};
