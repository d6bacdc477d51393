import type { CatalogueMessages } from './en.ts';

export const fr: CatalogueMessages = {};
