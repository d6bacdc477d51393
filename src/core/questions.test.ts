import { describe, expect, it } from 'vitest';
import { problemFields } from './problems.ts';
import { activeQuestions, type Question, questionsProblems, splitSensitive } from './questions.ts';

const health: Question = {
  key: 'health',
  type: 'longText',
  label: { en: 'Anything we should know about your health or mobility?', fr: 'Votre santé ou mobilité ?' },
  required: false,
  sensitive: true,
};
const purpose: Question = {
  key: 'purpose',
  type: 'choice',
  label: 'Purpose',
  required: true,
  sensitive: false,
  options: [
    { key: 'family', label: { en: 'Family', fr: 'Famille' } },
    { key: 'wedding', label: 'Wedding' },
  ],
};
const retired: Question = { key: 'old', type: 'text', label: 'Old', required: false, sensitive: false, retired: true };

describe('activeQuestions: the retired are not asked', () => {
  it('keeps order, drops retired', () => {
    expect(activeQuestions([health, retired, purpose]).map((q) => q.key)).toEqual(['health', 'purpose']);
  });
});

describe('questionsProblems: definitions in the set-up file and admin API', () => {
  it.each([
    { name: 'the demo’s two questions', questions: [purpose, health], expected: {} },
    { name: 'none', questions: [], expected: {} },
    { name: 'absent', questions: undefined, expected: {} },
    { name: 'flags may be left out', questions: [{ key: 'q', type: 'yesNo', label: 'Q?' }], expected: {} },
    {
      name: 'a key reused, even by a retired question',
      questions: [retired, { ...purpose, key: 'old' }],
      expected: { '[1].key': '"old" is used by another question' },
    },
    {
      name: 'a key that is not one',
      questions: [{ ...health, key: '1st question' }],
      expected: { '[0].key': 'a letter, then letters, digits, _ or - (at most 40)' },
    },
    {
      name: 'a "__proto__" key',
      questions: [{ ...health, key: '__proto__' }],
      expected: { '[0].key': 'a letter, then letters, digits, _ or - (at most 40)' },
    },
    {
      name: 'an unknown type',
      questions: [{ ...health, type: 'file' }],
      expected: { '[0].type': 'one of text, longText, choice, multiChoice, yesNo, date, number' },
    },
    { name: 'an unknown field', questions: [{ ...health, hint: 'x' }], expected: { '[0].hint': 'unknown field' } },
    {
      name: 'a flag that is not a boolean',
      questions: [{ ...health, sensitive: 'yes' }],
      expected: { '[0].sensitive': 'true or false' },
    },
    { name: 'an empty label', questions: [{ ...health, label: ' ' }], expected: { '[0].label': 'required' } },
    {
      name: 'a label in a language tag that is not one',
      questions: [{ ...health, label: { English: 'Health?' } }],
      expected: { '[0].label.English': 'not a language the pages speak (en, fr, de, es, pt)' },
    },
    {
      name: 'a label without a language',
      questions: [{ ...health, label: {} }],
      expected: { '[0].label': 'at least one language' },
    },
    {
      name: 'a choice without options',
      questions: [{ ...purpose, options: [] }],
      expected: { '[0].options': 'at least one option {key, label}' },
    },
    {
      name: 'options on a text question',
      questions: [{ ...health, options: purpose.options }],
      expected: { '[0].options': 'only for choice and multiChoice questions' },
    },
    {
      name: 'an option key twice, an option without a label',
      questions: [{ ...purpose, options: [{ key: 'a', label: 'A' }, { key: 'a', label: 'B' }, { key: 'c' }] }],
      expected: {
        '[0].options[1].key': '"a" is used by another option',
        '[0].options[2].label': 'a text, or texts by language {en: "…", pt: "…"}',
      },
    },
    { name: 'not a list', questions: { key: 'q' }, expected: { body: 'a list of questions' } },
    { name: 'not an object', questions: ['q'], expected: { '[0]': 'an object {key, type, label, …}' } },
    {
      name: 'too many',
      questions: Array.from({ length: 51 }, (_, i) => ({ key: `q${i}`, type: 'text', label: 'Q' })),
      expected: { body: 'at most 50 questions' },
    },
  ])('$name', ({ questions, expected }) => {
    expect(problemFields(questionsProblems(questions))).toEqual(expected);
  });
});

describe('splitSensitive: who may see which answers', () => {
  it('sensitive answers, and answers to questions no longer defined, are kept apart', () => {
    const answers = { purpose: 'family', health: 'Uses a wheelchair', old: 'kept', gone: 'x' };
    expect(splitSensitive([purpose, health, retired], answers)).toEqual({
      open: { purpose: 'family', old: 'kept' },
      sensitive: { health: 'Uses a wheelchair', gone: 'x' },
    });
  });
});
