import type { FeedsMessages } from './en.ts';

export const pt: FeedsMessages = {};
