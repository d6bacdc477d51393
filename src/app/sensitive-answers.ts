/**
 * Sensitive answers at rest (SPEC §10.1, decision 029): AES-256-GCM under a key derived from
 * SLOTWISE_SECRET with HKDF and its own label ("sensitive-answers"), a fresh 96-bit IV per
 * booking, and the booking's reference as associated data — a sealed value copied onto another
 * booking does not open. The answers' text never reaches the database: the use case seals before
 * the row is written, and opens only for an admin or the booking's staff member.
 *
 * Stored as `v1.<iv>.<ciphertext>.<tag>` (base64url): the version says which scheme and key
 * derivation to use, so a later one can be added beside it.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Answers } from '../core/index.ts';
import { derivedKey } from './tokens.ts';

const VERSION = 'v1';
const aad = (reference: string) => Buffer.from(`slotwise:answers:${VERSION}:${reference}`, 'utf8');

/** The sensitive answers sealed for storage, bound to the booking's reference; null when there are none. */
export function sealAnswers(answers: Answers, secret: string, reference: string): string | null {
  if (Object.keys(answers).length === 0) return null;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derivedKey(secret, 'sensitive-answers'), iv);
  cipher.setAAD(aad(reference));
  const body = Buffer.concat([cipher.update(JSON.stringify(answers), 'utf8'), cipher.final()]);
  return [VERSION, ...[iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url'))].join('.');
}

/**
 * The answers a sealed value holds, or null when it does not open with this secret and reference
 * (sealed under another SLOTWISE_SECRET, altered, or moved to another booking).
 */
export function openAnswers(sealed: string, secret: string, reference: string): Answers | null {
  const [version, ...parts] = sealed.split('.');
  const [iv, body, tag] = parts.map((p) => Buffer.from(p, 'base64url'));
  if (version !== VERSION || parts.length !== 3 || !iv || !body || !tag || iv.length !== 12 || tag.length !== 16)
    return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', derivedKey(secret, 'sensitive-answers'), iv);
    decipher.setAAD(aad(reference));
    decipher.setAuthTag(tag);
    const text = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Answers) : null;
  } catch {
    return null;
  }
}
