import type { CalendarsMessages } from './en.ts';

export const de: CalendarsMessages = {};
