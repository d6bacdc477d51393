import type { ReportsMessages } from './en.ts';

export const pt: ReportsMessages = {};
