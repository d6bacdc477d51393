import type { ClientsMessages } from './en.ts';

export const de: ClientsMessages = {};
