import type { ClientsMessages } from './en.ts';

export const fr: ClientsMessages = {};
