import type { Locale } from '../../../core/languages.ts';
import { de } from './de.ts';
import { en, type FeedsMessages } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { pt } from './pt.ts';

export type { FeedsMessages };

export const feeds: Readonly<Record<Locale, FeedsMessages>> = { en, fr, de, es, pt };
