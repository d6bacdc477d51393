import type { AccountsMessages } from './en.ts';

export const pt: AccountsMessages = {};
