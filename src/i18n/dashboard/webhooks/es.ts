import type { WebhooksMessages } from './en.ts';

export const es: WebhooksMessages = {};
