import type { FormKitMessages } from './en.ts';

/** French counts 0 and 1 as singular. */
const s = (n: number, one: string, many: string) => (n <= 1 ? one : many);

export const fr: FormKitMessages = {
  summaryTitle: 'Veuillez vérifier le formulaire',
  fieldProblem: (label, problem) => `${label} : ${problem}`,
  problems: {
    required: 'obligatoire',
    whole: 'doit être un nombre entier',
    wholeExample: 'doit être un nombre entier, par exemple 15',
    email: 'doit être une adresse e-mail, par exemple nom@example.com',
    webAddress: 'doit être une adresse web commençant par https://',
    option: 'choisissez l’une des options',
    atLeast: (n) => `doit valoir au moins ${n}`,
    atMost: (n) => `doit valoir au plus ${n}`,
    atLeastCharacters: (n) => `doit compter au moins ${n} ${s(n, 'caractère', 'caractères')}`,
    atMostCharacters: (n) => `doit compter au plus ${n} ${s(n, 'caractère', 'caractères')}`,
    atLeastItems: (n) => `doit compter au moins ${n} ${s(n, 'élément', 'éléments')}`,
    atMostItems: (n) => `doit compter au plus ${n} ${s(n, 'élément', 'éléments')}`,
  },
  otherLanguages: (label) => `${label} dans les autres langues`,
  otherLanguagesHint: (language) =>
    `Facultatif. Les visiteurs qui lisent les pages dans une langue laissée vide voient le texte en ${language}.`,
  labelIn: (label, language) => `${label} en ${language}`,
};
