import type { Locale } from '../../../core/languages.ts';
import { de } from './de.ts';
import { type AccountsMessages, en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { pt } from './pt.ts';

export type { AccountsMessages };

export const accounts: Readonly<Record<Locale, AccountsMessages>> = { en, fr, de, es, pt };
