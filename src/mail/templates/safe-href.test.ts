import { describe, expect, it } from 'vitest';
import { safeHref } from './safe-href.ts';

describe('safeHref', () => {
  it.each([
    ['https://studio.test/manage/abc', 'https://studio.test/manage/abc'],
    ['http://127.0.0.1:3000/m?t=1', 'http://127.0.0.1:3000/m?t=1'],
    ['HTTPS://Studio.Test/x', 'https://studio.test/x'],
    ['javascript:alert(1)', null],
    ['  javascript:alert(1)', null],
    ['java\nscript:alert(1)', null],
    ['data:text/html,hi', null],
    ['mailto:a@b.test', null],
    ['//evil.test/x', null],
    ['/manage/abc', null],
    ['', null],
  ])('%j → %j', (url, expected) => {
    expect(safeHref(url)).toBe(expected);
  });
});
