import type { CatalogueMessages } from './en.ts';

export const es: CatalogueMessages = {};
