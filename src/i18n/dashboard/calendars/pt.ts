import type { CalendarsMessages } from './en.ts';

export const pt: CalendarsMessages = {};
