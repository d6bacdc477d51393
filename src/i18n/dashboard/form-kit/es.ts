import type { FormKitMessages } from './en.ts';

export const es: FormKitMessages = {};
