import type { FormKitMessages } from './en.ts';

const s = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const es: FormKitMessages = {
  summaryTitle: 'Revise el formulario',
  fieldProblem: (label, problem) => `${label}: ${problem}`,
  problems: {
    required: 'obligatorio',
    whole: 'debe ser un número entero',
    wholeExample: 'debe ser un número entero, por ejemplo 15',
    email: 'debe ser una dirección de correo electrónico, por ejemplo nombre@example.com',
    webAddress: 'debe ser una dirección web que empiece por https://',
    option: 'elija una de las opciones',
    atLeast: (n) => `debe ser al menos ${n}`,
    atMost: (n) => `debe ser como máximo ${n}`,
    atLeastCharacters: (n) => `debe tener al menos ${n} ${s(n, 'carácter', 'caracteres')}`,
    atMostCharacters: (n) => `debe tener como máximo ${n} ${s(n, 'carácter', 'caracteres')}`,
    atLeastItems: (n) => `debe tener al menos ${n} ${s(n, 'elemento', 'elementos')}`,
    atMostItems: (n) => `debe tener como máximo ${n} ${s(n, 'elemento', 'elementos')}`,
  },
  otherLanguages: (label) => `${label} en otros idiomas`,
  otherLanguagesHint: (language) =>
    `Opcional. Quien lea las páginas en un idioma que quede vacío verá el texto en ${language}.`,
  labelIn: (label, language) => `${label} en ${language}`,
};
