import type { WebhooksMessages } from './en.ts';

export const de: WebhooksMessages = {};
