import type { ReportsMessages } from './en.ts';

export const fr: ReportsMessages = {};
