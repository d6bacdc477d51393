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
    /** The other Zod issue codes, by code and parameters (form-kit/issue-words.ts). */
    moreThan: (n: number) => `must be more than ${n}`,
    lessThan: (n: number) => `must be less than ${n}`,
    multipleOf: (n: number) => `must be a multiple of ${n}`,
    number: 'must be a number',
    text: 'must be text',
    yesNo: 'must be yes or no',
    list: 'must be a list',
    notValid: 'is not valid',
    form: 'is not in the expected form',
    unknownField: 'unknown field',
  },
  /**
   * The schemas' own field messages and the use cases' (details.fields), by their English words:
   * the API says them in English, the dashboard in its language. Keys are the exact messages;
   * form-kit/words.test.ts finds every literal message in src and checks it is here.
   */
  said: {
    'a real date YYYY-MM-DD': 'a real date YYYY-MM-DD',
    'a real date YYYY-MM-DD between 1900 and 2999': 'a real date YYYY-MM-DD between 1900 and 2999',
    'a year between 1900 and 2999': 'a year between 1900 and 2999',
    'a month YYYY-MM': 'a month YYYY-MM',
    'a time HH:MM': 'a time HH:MM',
    'a time HH:MM between 00:00 and 24:00': 'a time HH:MM between 00:00 and 24:00',
    'a local date-time YYYY-MM-DDTHH:MM, 1900–2999': 'a local date-time YYYY-MM-DDTHH:MM, 1900–2999',
    'an ISO 8601 time with offset, e.g. 2027-03-29T09:00:00+02:00':
      'an ISO 8601 time with offset, e.g. 2027-03-29T09:00:00+02:00',
    'not an IANA time zone (e.g. Europe/Paris)': 'not an IANA time zone (e.g. Europe/Paris)',
    'not an ISO 4217 currency code (e.g. EUR)': 'not an ISO 4217 currency code (e.g. EUR)',
    'an ISO 4217 code': 'an ISO 4217 code',
    'a non-negative decimal amount such as "120.00"': 'a non-negative decimal amount such as "120.00"',
    'a decimal amount such as "30.00"': 'a decimal amount such as "30.00"',
    'a colour such as "#3366ff"': 'a colour such as "#3366ff"',
    'use lowercase letters, digits and single hyphens': 'use lowercase letters, digits and single hyphens',
    'letters, digits, "_" or "-"': 'letters, digits, "_" or "-"',
    'must not contain NUL characters': 'must not contain NUL characters',
    'must be valid Unicode text': 'must be valid Unicode text',
    'a staff id or "any"': 'a staff id or "any"',
    'a cursor from a previous page': 'a cursor from a previous page',
    'not a cursor from a previous page': 'not a cursor from a previous page',
    'six digits': 'six digits',
    'at least one event': 'at least one event',
    'at least 10 characters': 'at least 10 characters',
    'at least 16 characters': 'at least 16 characters',
    'duplicate key': 'duplicate key',
    'must not exceed the price': 'must not exceed the price',
    'must not be before "from"': 'must not be before "from"',
    'must be after "from"': 'must be after "from"',
    'must be on or after from': 'must be on or after from',
    'the start must be before the end': 'the start must be before the end',
    'ranges overlap': 'ranges overlap',
    'an object {questionKey: value}': 'an object {questionKey: value}',
    'does not offer it': 'does not offer it',
    'not allowed for this service': 'not allowed for this service',
    'not offered by anyone': 'not offered by anyone',
    'required with refund': 'required with refund',
    'required when paymentUrl is set': 'required when paymentUrl is set',
    'required for a staff key': 'required for a staff key',
    'already has an account with a password': 'already has an account with a password',
    'already used by another account': 'already used by another account',
    'is not a language the dashboard speaks': 'is not a language the dashboard speaks',
  },
  /** Field messages with a value in them, matched by their English shape (form-kit/words.ts). */
  saidWith: {
    anId: 'an id (digits only)',
    numberFrom: (min: string, max: string) => `a number from ${min} to ${max}`,
    atMostDays: (n: string) => `at most ${n} days`,
    atMostDates: (n: string) => `at most ${n} dates`,
    noStaffMember: (id: string) => `no staff member ${id}`,
    noService: (id: string) => `no service ${id}`,
    noResource: (id: string) => `no resource ${id}`,
    noActiveService: (ref: string) => `no active service "${ref}"`,
    staffDoesNotOffer: (staff: string, service: string) => `staff "${staff}" does not offer "${service}"`,
    tooManyDecimals: (currency: string) => `too many decimals for ${currency}`,
    storedDecimals: (currency: string) => `the stored amounts have too many decimals for ${currency}: give them again`,
    notAbovePrice: (price: string) => `must not exceed the price (${price})`,
    notBelowDeposit: (deposit: string) => `must not be less than the deposit (${deposit})`,
    notBeforeFrom: (from: string) => `must not be before "from" (${from})`,
    usedByService: (value: string) => `"${value}" is already used by another service`,
    usedByStaff: (value: string) => `"${value}" is already used by another staff member`,
    usedByResource: (value: string) => `"${value}" is already used by another resource`,
    /** `status`: the booking status's label ("Cancelled"). */
    notForStatus: (status: string) => `not for a booking with the status “${status}”`,
    publicAddress: (host: string) => `a public internet address (${host} is not one)`,
    questionType: (key: string) =>
      `"${key}" was a question of another type: retire it and add a new one to ask another way`,
    ownCurrency: (name: string) => `change the amounts of "${name}" first, or give it its own currency`,
  },
  /** Per-language content (form-kit/translations.tsx); `language` is named in itself ("Português"). */
  otherLanguages: (label: string) => `${label} in other languages`,
  otherLanguagesHint: (language: string) =>
    `Optional. Visitors reading the pages in a language left empty see the ${language} text.`,
  labelIn: (label: string, language: string) => `${label} in ${language}`,
};

/** The shape every locale's form-kit catalogue has: the English one's. */
export type FormKitMessages = typeof en;
