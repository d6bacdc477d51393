import type { Locale } from '../../../core/languages.ts';
import { de } from './de.ts';
import { en, type WaitlistMessages } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { pt } from './pt.ts';

export type { WaitlistMessages };

export const waitlist: Readonly<Record<Locale, WaitlistMessages>> = { en, fr, de, es, pt };
