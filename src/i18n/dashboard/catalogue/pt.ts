import type { CatalogueMessages } from './en.ts';

export const pt: CatalogueMessages = {};
