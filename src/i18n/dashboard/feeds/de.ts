import type { FeedsMessages } from './en.ts';

export const de: FeedsMessages = {};
