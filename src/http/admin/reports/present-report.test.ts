/** The report's CSV fields: RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
import { describe, expect, it } from 'vitest';
import { csvField } from './present-report.ts';

describe('csvField', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvField('Ana, senior')).toBe('"Ana, senior"');
    expect(csvField('Ana "the lens"')).toBe('"Ana ""the lens"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('defuses text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    for (const lead of ['+', '-', '@', '\t']) expect(csvField(`${lead}1`)).toBe(`'${lead}1`);
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });
});
