import type { SettingsMessages } from './en.ts';

export const pt: SettingsMessages = {};
