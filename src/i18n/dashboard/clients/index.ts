import type { Locale } from '../../../core/languages.ts';
import { de } from './de.ts';
import { type ClientsMessages, en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { pt } from './pt.ts';

export type { ClientsMessages };

export const clients: Readonly<Record<Locale, ClientsMessages>> = { en, fr, de, es, pt };
