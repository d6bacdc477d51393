import type { FormKitMessages } from './en.ts';

export const fr: FormKitMessages = {};
