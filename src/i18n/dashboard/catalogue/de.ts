import type { CatalogueMessages } from './en.ts';

export const de: CatalogueMessages = {};
