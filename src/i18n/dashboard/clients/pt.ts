import type { ClientsMessages } from './en.ts';

export const pt: ClientsMessages = {};
