/** English wording of the dashboard's form kit (src/http/admin/form-kit): the reference shape. */
export const en = {
  /** The error summary's heading when a form gives none of its own. */
  summaryTitle: 'Please check the form',
  /**
   * The problems form-kit/form-body.ts writes in plain words (and the use cases' "required"),
   * read after the field's label: "Duration: must be at least 1".
   */
  /** A line of the error summary: "Duration: must be at least 1". */
  fieldProblem: (label: string, problem: string) => `${label}: ${problem}`,
  problems: {
    required: 'required',
    whole: 'must be a whole number',
    wholeExample: 'must be a whole number, such as 15',
    email: 'must be an email address, such as name@example.com',
    webAddress: 'must be a web address starting with https://',
    option: 'choose one of the options',
    atLeast: (n: number) => `must be at least ${n}`,
    atMost: (n: number) => `must be at most ${n}`,
    atLeastCharacters: (n: number) => `must be at least ${n} characters`,
    atMostCharacters: (n: number) => `must be at most ${n} characters`,
    atLeastItems: (n: number) => `must be at least ${n} items`,
    atMostItems: (n: number) => `must be at most ${n} items`,
  },
  /** Per-language content (form-kit/translations.tsx); `language` is named in itself ("Português"). */
  otherLanguages: (label: string) => `${label} in other languages`,
  otherLanguagesHint: (language: string) =>
    `Optional. Visitors reading the pages in a language left empty see the ${language} text.`,
  labelIn: (label: string, language: string) => `${label} in ${language}`,
};

/** The shape every locale's form-kit catalogue has: the English one's. */
export type FormKitMessages = typeof en;
