import type { Locale } from '../../../core/languages.ts';
import { de } from './de.ts';
import { en, type ResourcesMessages } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { pt } from './pt.ts';

export type { ResourcesMessages };

export const resources: Readonly<Record<Locale, ResourcesMessages>> = { en, fr, de, es, pt };
