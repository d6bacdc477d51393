import type { Locale } from '../../../core/languages.ts';
import { de } from './de.ts';
import { en, type SettingsMessages } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { pt } from './pt.ts';

export type { SettingsMessages };

export const settings: Readonly<Record<Locale, SettingsMessages>> = { en, fr, de, es, pt };
