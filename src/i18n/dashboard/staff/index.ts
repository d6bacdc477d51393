import type { Locale } from '../../../core/languages.ts';
import { de } from './de.ts';
import { en, type StaffMessages } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { pt } from './pt.ts';

export type { StaffMessages };

export const staff: Readonly<Record<Locale, StaffMessages>> = { en, fr, de, es, pt };
