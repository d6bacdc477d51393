import type { AccountsMessages } from './en.ts';

export const de: AccountsMessages = {};
