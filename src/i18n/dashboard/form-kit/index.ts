import type { Locale } from '../../../core/languages.ts';
import { de } from './de.ts';
import { en, type FormKitMessages } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { pt } from './pt.ts';

export type { FormKitMessages };

export const formKit: Readonly<Record<Locale, FormKitMessages>> = { en, fr, de, es, pt };
