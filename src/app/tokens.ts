/**
 * Secrets handed to clients: booking references, manage tokens (only their SHA-256 is stored)
 * and sealing of a token for idempotent replays (AES-256-GCM under a key from SLOTWISE_SECRET).
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  randomInt,
  timingSafeEqual,
} from 'node:crypto';

// No 0/O, 1/I/L, U: easy to read aloud and to type.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A short human reference: `SW-7K3P9Q` (30^6 ≈ 729 million values; collisions are retried). */
export function newReference(): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `SW-${s}`;
}

/** 32 random bytes, base64url: the client's credential for their booking. */
export function newManageToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): Uint8Array {
  return createHash('sha256').update(token).digest();
}

/** A 6-digit verification code, uniformly drawn. */
export function newCode(): string {
  return String(randomInt(1_000_000)).padStart(6, '0');
}

/**
 * A code as stored: HMAC-SHA256 under a key from SLOTWISE_SECRET, bound to its booking. A plain
 * hash of six digits would be reversed by trying all million; without the secret this cannot be.
 */
export function hashCode(secret: string, bookingId: string, code: string): Uint8Array {
  return createHmac('sha256', derivedKey(secret, 'verification-code')).update(`${bookingId}:${code}`).digest();
}

/** Constant-time comparison of two hashes. */
export function sameHash(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

const keys = new Map<string, Buffer>();

/** What a key derived from SLOTWISE_SECRET is for: each purpose has its own HKDF label (info). */
export type KeyPurpose = 'verification-code' | 'idempotency-token-seal' | 'csrf' | 'sensitive-answers';

/**
 * A 32-byte key for one purpose, derived from SLOTWISE_SECRET with HKDF once per process (a
 * process has one secret; deriving it on every code check showed in the booking profile).
 */
export function derivedKey(secret: string, purpose: KeyPurpose): Buffer {
  const id = `${purpose}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'slotwise', purpose, 32));
    keys.set(id, key);
  }
  return key;
}

const sealKey = (secret: string) => derivedKey(secret, 'idempotency-token-seal');

/** Encrypts a token for storage (iv.ciphertext.tag, base64url). */
export function sealToken(token: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(secret), iv);
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return [iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.');
}

/** Decrypts a sealed token; null when it was sealed under another secret or altered. */
export function unsealToken(sealed: string, secret: string): string | null {
  const [iv, body, tag] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !body || !tag) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealKey(secret), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/**
 * The CSRF token of a session: HMAC of the session token under a key from SLOTWISE_SECRET. It is
 * bound to the session (a token from another session fails) and needs no storage.
 */
export function csrfToken(secret: string, sessionToken: string): string {
  return createHmac('sha256', derivedKey(secret, 'csrf')).update(sessionToken).digest('base64url');
}

/** Constant-time comparison of a presented CSRF token with the session's. */
export function csrfMatches(secret: string, sessionToken: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const a = Buffer.from(csrfToken(secret, sessionToken));
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A random secret with a recognisable prefix (`swk_…` API keys, `sws_…` sessions). */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}
