import type { Locale } from '../../../core/languages.ts';
import { de } from './de.ts';
import { type CommonMessages, en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { pt } from './pt.ts';

export type { CommonMessages };

export const common: Readonly<Record<Locale, CommonMessages>> = { en, fr, de, es, pt };
