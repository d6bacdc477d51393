import type { ResourcesMessages } from './en.ts';

export const de: ResourcesMessages = {};
