import type { FeedsMessages } from './en.ts';

export const es: FeedsMessages = {};
