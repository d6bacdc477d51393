import type { SettingsMessages } from './en.ts';

export const fr: SettingsMessages = {};
