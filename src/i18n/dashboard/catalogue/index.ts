import type { Locale } from '../../../core/languages.ts';
import { de } from './de.ts';
import { type CatalogueMessages, en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { pt } from './pt.ts';

export type { CatalogueMessages };

export const catalogue: Readonly<Record<Locale, CatalogueMessages>> = { en, fr, de, es, pt };
