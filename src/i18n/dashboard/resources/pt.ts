import type { ResourcesMessages } from './en.ts';

export const pt: ResourcesMessages = {};
