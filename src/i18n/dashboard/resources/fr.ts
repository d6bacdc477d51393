import type { ResourcesMessages } from './en.ts';

export const fr: ResourcesMessages = {};
