import type { WebhooksMessages } from './en.ts';

export const fr: WebhooksMessages = {};
