/** The public-page accessibility sweep (access-sweep.ts) in Portuguese. */
import { expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locale.ts';
import { sweepPublicPages } from './access-sweep.ts';

sweepPublicPages(['pt']);

// The sweep files between them cover the one locale list: a language added there needs a file here.
it('the sweep files cover every language the pages speak', () => {
  expect([...LOCALES].sort()).toEqual(['de', 'en', 'es', 'fr', 'pt']);
});
