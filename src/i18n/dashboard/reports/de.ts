import type { ReportsMessages } from './en.ts';

export const de: ReportsMessages = {};
