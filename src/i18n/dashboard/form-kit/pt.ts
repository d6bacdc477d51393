import type { FormKitMessages } from './en.ts';

export const pt: FormKitMessages = {};
