import { describe, expect, it } from 'vitest';
import { formatFieldPath, problemFields } from './problems.ts';

describe('field paths spell like the set-up file’s (app/setup-schema.ts formatPath)', () => {
  it.each([
    { path: ['seats'], expected: 'seats' },
    { path: ['cancellationPolicy', 1, 'refund'], expected: 'cancellationPolicy[1].refund' },
    { path: ['answers', 'allergies', 0], expected: 'answers.allergies[0]' },
    { path: [], expected: '' },
  ])('$path → $expected', ({ path, expected }) => {
    expect(formatFieldPath(path)).toBe(expected);
  });

  it('problemFields keeps the first message of a path, prefixes, and survives a "__proto__" key', () => {
    const fields = problemFields(
      [
        { path: ['__proto__'], message: 'unknown question' },
        { path: ['a'], message: 'first' },
        { path: ['a'], message: 'second' },
        { path: [], message: 'whole' },
      ],
      ['answers'],
    );
    expect(Object.keys(fields)).toEqual(['answers.__proto__', 'answers.a', 'answers']);
    expect(fields['answers.a']).toBe('first');
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(problemFields([{ path: [], message: 'not an object' }])).toEqual({ body: 'not an object' });
  });
});
