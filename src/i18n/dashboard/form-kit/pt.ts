import type { FormKitMessages } from './en.ts';

const s = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const pt: FormKitMessages = {
  summaryTitle: 'Verifique o formulário',
  fieldProblem: (label, problem) => `${label}: ${problem}`,
  problems: {
    required: 'obrigatório',
    whole: 'deve ser um número inteiro',
    wholeExample: 'deve ser um número inteiro, por exemplo 15',
    email: 'deve ser um endereço de e-mail, por exemplo nome@example.com',
    webAddress: 'deve ser um endereço web começado por https://',
    option: 'escolha uma das opções',
    atLeast: (n) => `deve ser pelo menos ${n}`,
    atMost: (n) => `deve ser no máximo ${n}`,
    atLeastCharacters: (n) => `deve ter pelo menos ${n} ${s(n, 'carácter', 'caracteres')}`,
    atMostCharacters: (n) => `deve ter no máximo ${n} ${s(n, 'carácter', 'caracteres')}`,
    atLeastItems: (n) => `deve ter pelo menos ${n} ${s(n, 'elemento', 'elementos')}`,
    atMostItems: (n) => `deve ter no máximo ${n} ${s(n, 'elemento', 'elementos')}`,
  },
  otherLanguages: (label) => `${label} noutros idiomas`,
  otherLanguagesHint: (language) =>
    `Opcional. Quem ler as páginas num idioma deixado em branco vê o texto em ${language}.`,
  labelIn: (label, language) => `${label} em ${language}`,
};
