/**
 * Every locale with a catalogue, exported under its lower-case language tag (`fr`, `de`; a region
 * needs a string name: `export { ptBR as 'pt-br' }`). Adding a locale is one line here.
 */
export { en } from './en.ts';
