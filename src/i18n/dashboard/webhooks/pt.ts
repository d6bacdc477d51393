import type { WebhooksMessages } from './en.ts';

export const pt: WebhooksMessages = {};
