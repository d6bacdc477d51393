import type { CalendarsMessages } from './en.ts';

export const fr: CalendarsMessages = {};
