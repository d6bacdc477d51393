import type { CalendarsMessages } from './en.ts';

export const es: CalendarsMessages = {};
