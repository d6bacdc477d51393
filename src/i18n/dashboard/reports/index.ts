import type { Locale } from '../../../core/languages.ts';
import { de } from './de.ts';
import { en, type ReportsMessages } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { pt } from './pt.ts';

export type { ReportsMessages };

export const reports: Readonly<Record<Locale, ReportsMessages>> = { en, fr, de, es, pt };
