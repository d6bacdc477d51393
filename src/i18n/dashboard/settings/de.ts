import type { SettingsMessages } from './en.ts';

export const de: SettingsMessages = {};
