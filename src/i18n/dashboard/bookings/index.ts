import type { Locale } from '../../../core/languages.ts';
import { de } from './de.ts';
import { type BookingsMessages, en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { pt } from './pt.ts';

export type { BookingsMessages };

export const bookings: Readonly<Record<Locale, BookingsMessages>> = { en, fr, de, es, pt };
