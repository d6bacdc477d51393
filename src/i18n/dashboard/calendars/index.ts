import type { Locale } from '../../../core/languages.ts';
import { de } from './de.ts';
import { type CalendarsMessages, en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { pt } from './pt.ts';

export type { CalendarsMessages };

export const calendars: Readonly<Record<Locale, CalendarsMessages>> = { en, fr, de, es, pt };
