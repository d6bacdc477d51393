/**
 * The store's side of accounts: users, server-side sessions, single-use password links and API
 * keys. Secrets are passed in and kept only as SHA-256 hashes (migration 006).
 */

import type { Locale } from '../../../core/languages.ts';

export type Role = 'admin' | 'staff';

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** The staff member a staff account belongs to; null for admins. */
  readonly staffId: string | null;
  /** False for an invited member who has not set a password yet. */
  readonly hasPassword: boolean;
  /** The dashboard's language this user chose; null follows the browser (Accept-Language). */
  readonly locale: Locale | null;
}

export interface ApiKey {
  readonly id: string;
  /** The key's first characters, to recognise it in a list (the key itself is shown once). */
  readonly prefix: string;
  readonly label: string;
  readonly role: Role;
  readonly staffId: string | null;
  readonly createdAt: number;
  readonly lastUsedAt: number | null;
  readonly revokedAt: number | null;
}

export interface NewUser {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly staffId: string | null;
  readonly passwordHash: string | null;
}

export interface SessionRecord {
  readonly user: User;
  readonly createdAt: number;
  readonly lastSeenAt: number;
  readonly expiresAt: number;
}

export type PasswordPurpose = 'reset' | 'invite';

export interface AccountStore {
  findUserByEmail(email: string): Promise<{ user: User; passwordHash: string | null } | null>;
  getUser(id: string): Promise<{ user: User; passwordHash: string | null } | null>;
  /** The account of a staff member, if they have one. */
  findUserByStaff(staffId: string): Promise<User | null>;
  listUsers(): Promise<User[]>;
  /** Null when the email (case-insensitive) or the staff member already has an account. */
  createUser(user: NewUser, now: number): Promise<User | null>;
  /** Sets the password hash, deletes every session of the user (all devices signed out) and ends their unused password links. */
  setPassword(userId: string, passwordHash: string, now: number): Promise<void>;
  /** The user's dashboard language (null = follow the browser). */
  setUserLocale(userId: string, locale: Locale | null, now: number): Promise<void>;

  createSession(s: {
    tokenHash: Uint8Array;
    userId: string;
    userAgent: string;
    now: number;
    expiresAt: number;
  }): Promise<void>;
  /** The live session with this token hash (not expired at `now`), with its user. */
  findSession(tokenHash: Uint8Array, now: number): Promise<SessionRecord | null>;
  /** Slides a session's expiry (called at most once a minute per session). */
  touchSession(tokenHash: Uint8Array, now: number, expiresAt: number): Promise<void>;
  deleteSession(tokenHash: Uint8Array): Promise<void>;
  deleteUserSessions(userId: string): Promise<void>;

  createPasswordToken(t: {
    tokenHash: Uint8Array;
    userId: string;
    purpose: PasswordPurpose;
    now: number;
    expiresAt: number;
  }): Promise<void>;
  /** Looks a link up without using it (to show the form): its user and purpose while usable. */
  peekPasswordToken(tokenHash: Uint8Array, now: number): Promise<{ userId: string; purpose: PasswordPurpose } | null>;
  /** Uses a link once (compare-and-set on used_at): its user and purpose, or null when unusable. */
  usePasswordToken(tokenHash: Uint8Array, now: number): Promise<{ userId: string; purpose: PasswordPurpose } | null>;

  createApiKey(k: {
    keyHash: Uint8Array;
    prefix: string;
    label: string;
    role: Role;
    staffId: string | null;
    now: number;
  }): Promise<ApiKey>;
  /** The unrevoked key with this hash; records its use. */
  findApiKey(keyHash: Uint8Array, now: number): Promise<ApiKey | null>;
  getApiKey(id: string): Promise<ApiKey | null>;
  /** Every key, or those of one staff member. */
  listApiKeys(staffId: string | null): Promise<ApiKey[]>;
  /** Revokes a key; null when unknown or already revoked. */
  revokeApiKey(id: string, now: number): Promise<ApiKey | null>;
}
