import { describe, expect, it } from 'vitest';
import { answersFromForm, validateAnswers } from './answers.ts';
import { problemFields } from './problems.ts';
import type { Question } from './questions.ts';

const opts = (...keys: string[]) => keys.map((key) => ({ key, label: key }));

/** The portrait session's questions: every type, one sensitive, one retired. */
const PORTRAIT: readonly Question[] = [
  {
    key: 'firstVisit',
    type: 'yesNo',
    label: { en: 'First visit?', fr: 'Première visite ?' },
    required: true,
    sensitive: false,
  },
  {
    key: 'purpose',
    type: 'choice',
    label: 'Purpose',
    required: true,
    sensitive: false,
    options: opts('wedding', 'family', 'corporate'),
  },
  {
    key: 'extras',
    type: 'multiChoice',
    label: 'Extras',
    required: false,
    sensitive: false,
    options: opts('prints', 'album', 'retouch'),
  },
  { key: 'howHeard', type: 'text', label: 'How did you hear of us?', required: false, sensitive: false },
  {
    key: 'health',
    type: 'longText',
    label: 'Anything we should know about your health or mobility?',
    required: false,
    sensitive: true,
  },
  { key: 'birthDate', type: 'date', label: 'Date of birth', required: false, sensitive: false },
  { key: 'people', type: 'number', label: 'How many people?', required: false, sensitive: false },
  { key: 'oldQ', type: 'text', label: 'Retired question', required: true, sensitive: false, retired: true },
];

const base = { firstVisit: true, purpose: 'family' };

/** The outcome as normalised answers, or {path: message}. */
function check(answers: unknown) {
  const r = validateAnswers(PORTRAIT, answers);
  return r.ok ? { answers: r.answers } : { fields: problemFields(r.problems) };
}

describe('validateAnswers: normalised answers in question order', () => {
  it('trims texts, orders options as listed, drops empty answers', () => {
    expect(
      check({
        people: 3,
        extras: ['retouch', 'prints'],
        howHeard: '  a friend ',
        health: ' Wheelchair user.\nStep-free access, please. ',
        birthDate: '1990-02-28',
        purpose: 'wedding',
        firstVisit: false,
      }),
    ).toEqual({
      answers: {
        firstVisit: false,
        purpose: 'wedding',
        extras: ['prints', 'retouch'],
        howHeard: 'a friend',
        health: 'Wheelchair user.\nStep-free access, please.',
        birthDate: '1990-02-28',
        people: 3,
      },
    });
    expect(check({ ...base, howHeard: '   ', extras: [], health: null, birthDate: '' })).toEqual({
      answers: { firstVisit: true, purpose: 'family' },
    });
  });

  it('2,000 characters pass, counted as characters: 2,000 emoji (4,000 UTF-16 units) too', () => {
    const emoji = '📷'.repeat(2000);
    expect(check({ ...base, health: 'a'.repeat(2000) })).toEqual({ answers: { ...base, health: 'a'.repeat(2000) } });
    expect(check({ ...base, health: emoji })).toEqual({ answers: { ...base, health: emoji } });
  });
});

describe('validateAnswers: refusals name the field (issue 20 bad input)', () => {
  it.each([
    {
      name: 'nothing given: the required ones',
      answers: {},
      fields: { 'answers.firstVisit': 'required', 'answers.purpose': 'required' },
    },
    {
      name: 'null answers',
      answers: null,
      fields: { 'answers.firstVisit': 'required', 'answers.purpose': 'required' },
    },
    {
      name: 'a blank required text reads as missing',
      answers: { firstVisit: true, purpose: '' },
      fields: { 'answers.purpose': 'required' },
    },
    { name: 'an unknown key', answers: { ...base, shoeSize: 42 }, fields: { 'answers.shoeSize': 'unknown question' } },
    { name: 'a retired question', answers: { ...base, oldQ: 'x' }, fields: { 'answers.oldQ': 'unknown question' } },
    {
      name: 'a text for a number',
      answers: { ...base, people: 'three' },
      fields: { 'answers.people': 'a number (at most 1000000000000 either side of 0)' },
    },
    {
      name: 'a numeric string for a number',
      answers: { ...base, people: '3' },
      fields: { 'answers.people': 'a number (at most 1000000000000 either side of 0)' },
    },
    {
      name: 'a huge number',
      answers: { ...base, people: 1e13 },
      fields: { 'answers.people': 'a number (at most 1000000000000 either side of 0)' },
    },
    {
      name: 'an option not in the list',
      answers: { ...base, purpose: 'boudoir' },
      fields: { 'answers.purpose': 'one of wedding, family, corporate' },
    },
    {
      name: 'a list for a choice',
      answers: { ...base, purpose: ['family'] },
      fields: { 'answers.purpose': 'one option key' },
    },
    {
      name: 'an unknown option in a multi choice',
      answers: { ...base, extras: ['prints', 'video'] },
      fields: { 'answers.extras': 'only prints, album, retouch' },
    },
    {
      name: 'an option twice',
      answers: { ...base, extras: ['prints', 'prints'] },
      fields: { 'answers.extras': 'each option once' },
    },
    {
      name: 'a string for a multi choice',
      answers: { ...base, extras: 'prints' },
      fields: { 'answers.extras': 'a list of option keys' },
    },
    {
      name: '"yes" for yes/no',
      answers: { ...base, firstVisit: 'yes' },
      fields: { 'answers.firstVisit': 'true or false' },
    },
    { name: 'a number for a text', answers: { ...base, howHeard: 7 }, fields: { 'answers.howHeard': 'a text' } },
    {
      name: 'over 2,000 characters',
      answers: { ...base, health: 'a'.repeat(2001) },
      fields: { 'answers.health': 'at most 2000 characters' },
    },
    {
      name: 'a line break in a one-line text',
      answers: { ...base, howHeard: 'a\nfriend' },
      fields: { 'answers.howHeard': 'one line of text' },
    },
    {
      name: 'a NUL character',
      answers: { ...base, howHeard: 'a\u0000b' },
      fields: { 'answers.howHeard': 'must be valid Unicode text without NUL characters' },
    },
    {
      name: 'a lone surrogate',
      answers: { ...base, health: 'x\ud800y' },
      fields: { 'answers.health': 'must be valid Unicode text without NUL characters' },
    },
    {
      name: 'a date that does not exist',
      answers: { ...base, birthDate: '2027-02-30' },
      fields: { 'answers.birthDate': 'a real date YYYY-MM-DD (1900–2999)' },
    },
    {
      name: 'a date in 1800',
      answers: { ...base, birthDate: '1800-01-01' },
      fields: { 'answers.birthDate': 'a real date YYYY-MM-DD (1900–2999)' },
    },
    { name: 'a list for answers', answers: [], fields: { answers: 'an object {questionKey: value}' } },
    { name: 'a string for answers', answers: 'yes', fields: { answers: 'an object {questionKey: value}' } },
  ])('$name', ({ answers, fields }) => {
    expect(check(answers)).toEqual({ fields });
  });

  it('a "__proto__" key from JSON is an unknown question and touches no prototype', () => {
    const answers = JSON.parse('{"firstVisit": true, "purpose": "family", "__proto__": {"polluted": 1}}');
    expect(check(answers)).toEqual({ fields: { 'answers.__proto__': 'unknown question' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an answer is read from the object’s own keys only', () => {
    const inherited = Object.create({ firstVisit: true, purpose: 'family' });
    expect(check(inherited)).toEqual({ fields: { 'answers.firstVisit': 'required', 'answers.purpose': 'required' } });
  });
});

describe('answersFromForm: form strings → the same object the API sends', () => {
  const form = (fields: Partial<Record<string, string[]>>) => (key: string) => fields[key] ?? [];

  it.each([
    {
      fields: { firstVisit: ['yes'], purpose: ['family'], extras: ['prints', 'album'], people: ['2'], howHeard: [' '] },
      expected: { firstVisit: true, purpose: 'family', extras: ['prints', 'album'], people: 2 },
    },
    { fields: { firstVisit: ['no'], people: ['-1.5'] }, expected: { firstVisit: false, people: -1.5 } },
    { fields: { firstVisit: ['maybe'], people: ['two'] }, expected: { firstVisit: 'maybe', people: 'two' } },
    { fields: { oldQ: ['ignored'], birthDate: ['1990-01-01'] }, expected: { birthDate: '1990-01-01' } },
  ])('$fields → $expected', ({ fields, expected }) => {
    expect(answersFromForm(PORTRAIT, form(fields))).toEqual(expected);
  });

  it('what a form cannot type is refused by validateAnswers like the API’s', () => {
    const answers = answersFromForm(PORTRAIT, form({ firstVisit: ['maybe'], purpose: ['family'], people: ['two'] }));
    expect(check(answers)).toEqual({
      fields: {
        'answers.firstVisit': 'true or false',
        'answers.people': 'a number (at most 1000000000000 either side of 0)',
      },
    });
  });
});
