import type { BookingsMessages } from './en.ts';

export const es: BookingsMessages = {};
