import type { ResourcesMessages } from './en.ts';

export const es: ResourcesMessages = {};
