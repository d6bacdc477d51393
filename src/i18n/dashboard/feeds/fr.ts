import type { FeedsMessages } from './en.ts';

export const fr: FeedsMessages = {};
