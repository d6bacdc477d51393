import type { SettingsMessages } from './en.ts';

export const es: SettingsMessages = {};
