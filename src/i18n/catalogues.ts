/**
 * Every locale with a catalogue, exported under its lower-case language tag (`fr`, `de`; a region
 * needs a string name: `export { ptBR as 'pt-br' }`). Adding a locale is one line here.
 */
export { de } from './de.ts';
export { en } from './en.ts';
export { es } from './es.ts';
export { fr } from './fr.ts';
