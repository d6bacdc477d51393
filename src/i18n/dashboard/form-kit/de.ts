import type { FormKitMessages } from './en.ts';

export const de: FormKitMessages = {};
