import type { Locale } from '../../../core/languages.ts';
import { de } from './de.ts';
import { en, type WebhooksMessages } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { pt } from './pt.ts';

export type { WebhooksMessages };

export const webhooks: Readonly<Record<Locale, WebhooksMessages>> = { en, fr, de, es, pt };
