/** Sealing sensitive answers (decision 029): AES-256-GCM, bound to the secret and the booking's reference. */
import { describe, expect, it } from 'vitest';
import { openAnswers, sealAnswers } from './sensitive-answers.ts';

const SECRET = 'a'.repeat(40);
const ANSWERS = { health: 'Bad knee, plaintext-4242', mobility: true };

describe('sealed answers', () => {
  it('open with the same secret and reference, and hold no plaintext', () => {
    const sealed = sealAnswers(ANSWERS, SECRET, 'SW-ABC123') as string;
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('plaintext');
    expect(Buffer.from(sealed.split('.')[2] as string, 'base64url').toString('latin1')).not.toContain('plaintext');
    expect(openAnswers(sealed, SECRET, 'SW-ABC123')).toEqual(ANSWERS);
  });

  it('use a fresh IV each time', () => {
    expect(sealAnswers(ANSWERS, SECRET, 'SW-ABC123')).not.toBe(sealAnswers(ANSWERS, SECRET, 'SW-ABC123'));
  });

  it('do not open under another secret, on another booking, or altered', () => {
    const sealed = sealAnswers(ANSWERS, SECRET, 'SW-ABC123') as string;
    expect(openAnswers(sealed, 'b'.repeat(40), 'SW-ABC123')).toBeNull();
    expect(openAnswers(sealed, SECRET, 'SW-XYZ789')).toBeNull();
    const [v, iv, body, tag] = sealed.split('.') as [string, string, string, string];
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] = (flipped[0] as number) ^ 1;
    expect(openAnswers([v, iv, flipped.toString('base64url'), tag].join('.'), SECRET, 'SW-ABC123')).toBeNull();
    expect(openAnswers('v2.x.y.z', SECRET, 'SW-ABC123')).toBeNull();
  });

  it('are nothing when there is nothing sensitive', () => {
    expect(sealAnswers({}, SECRET, 'SW-ABC123')).toBeNull();
  });
});
