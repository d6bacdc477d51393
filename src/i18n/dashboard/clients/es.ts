import type { ClientsMessages } from './en.ts';

export const es: ClientsMessages = {};
