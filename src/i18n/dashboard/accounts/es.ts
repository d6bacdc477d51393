import type { AccountsMessages } from './en.ts';

export const es: AccountsMessages = {};
