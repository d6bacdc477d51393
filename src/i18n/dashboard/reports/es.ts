import type { ReportsMessages } from './en.ts';

export const es: ReportsMessages = {};
