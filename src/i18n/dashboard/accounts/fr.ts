import type { AccountsMessages } from './en.ts';

export const fr: AccountsMessages = {};
