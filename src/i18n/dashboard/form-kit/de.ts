import type { FormKitMessages } from './en.ts';

export const de: FormKitMessages = {
  summaryTitle: 'Bitte prüfen Sie das Formular',
  fieldProblem: (label, problem) => `${label}: ${problem}`,
  problems: {
    required: 'Pflichtangabe',
    whole: 'muss eine ganze Zahl sein',
    wholeExample: 'muss eine ganze Zahl sein, z. B. 15',
    email: 'muss eine E-Mail-Adresse sein, z. B. name@example.com',
    webAddress: 'muss eine Webadresse sein, die mit https:// beginnt',
    option: 'wählen Sie eine der Optionen',
    atLeast: (n) => `muss mindestens ${n} sein`,
    atMost: (n) => `darf höchstens ${n} sein`,
    atLeastCharacters: (n) => `muss mindestens ${n} Zeichen lang sein`,
    atMostCharacters: (n) => `darf höchstens ${n} Zeichen lang sein`,
    atLeastItems: (n) => `muss mindestens ${n} ${n === 1 ? 'Eintrag' : 'Einträge'} haben`,
    atMostItems: (n) => `darf höchstens ${n} ${n === 1 ? 'Eintrag' : 'Einträge'} haben`,
  },
  otherLanguages: (label) => `${label} in anderen Sprachen`,
  otherLanguagesHint: (language) =>
    `Optional. Wer die Seiten in einer leer gelassenen Sprache liest, sieht den Text auf ${language}.`,
  labelIn: (label, language) => `${label} auf ${language}`,
};
