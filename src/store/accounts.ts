/**
 * Accounts in SQL: users, sessions, password links and API keys (the AccountStore port).
 * Every statement that must happen once is a compare-and-set.
 */
import type { AccountStore, ApiKey, PasswordPurpose, Role, User } from '../app/dashboard/accounts/account-store.ts';
import { isLocale } from '../core/languages.ts';
import { iso, ms, optMs } from './rows.ts';
import { type Row, type Sql, sqlState, UNIQUE_VIOLATION } from './sql.ts';

const USER_COLUMNS = 'u.id, u.email, u.name, u.role, u.staff_id, u.password_hash, u.locale';
/**
 * A staff account whose member was deactivated cannot sign in, reset its password, or use a
 * session or key it still holds: deactivating a member is enough to lock them out.
 */
const LIVE_USER = '(u.staff_id IS NULL OR EXISTS (SELECT 1 FROM staff m WHERE m.id = u.staff_id AND m.active))';

function toUser(r: Row): User {
  return {
    id: String(r.id),
    email: String(r.email),
    name: String(r.name),
    role: r.role as Role,
    staffId: r.staff_id === null || r.staff_id === undefined ? null : String(r.staff_id),
    hasPassword: r.password_hash !== null && r.password_hash !== undefined,
    locale: typeof r.locale === 'string' && isLocale(r.locale) ? r.locale : null,
  };
}

const withHash = (r: Row) => ({
  user: toUser(r),
  passwordHash: r.password_hash === null ? null : String(r.password_hash),
});

function toApiKey(r: Row): ApiKey {
  return {
    id: String(r.id),
    prefix: String(r.prefix),
    label: String(r.label),
    role: r.role as Role,
    staffId: r.staff_id === null ? null : String(r.staff_id),
    createdAt: ms(r.created_at),
    lastUsedAt: optMs(r.last_used_at),
    revokedAt: optMs(r.revoked_at),
  };
}

export function accountStore(sql: Sql): AccountStore {
  return {
    async findUserByEmail(email) {
      // No stored email holds a NUL (PostgreSQL text cannot), and the query would fail on one.
      if (email.includes('\u0000')) return null;
      const [r] = await sql.query(
        `SELECT ${USER_COLUMNS} FROM users u WHERE lower(u.email) = lower($1) AND ${LIVE_USER}`,
        [email],
      );
      return r ? withHash(r) : null;
    },
    async getUser(id) {
      if (!/^\d{1,18}$/.test(id)) return null;
      const [r] = await sql.query(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [id]);
      return r ? withHash(r) : null;
    },
    async findUserByStaff(staffId) {
      const [r] = await sql.query(`SELECT ${USER_COLUMNS} FROM users u WHERE u.staff_id = $1`, [staffId]);
      return r ? toUser(r) : null;
    },
    async listUsers() {
      return (await sql.query(`SELECT ${USER_COLUMNS} FROM users u ORDER BY u.id`)).map(toUser);
    },
    async createUser(u, now) {
      try {
        const [r] = await sql.transaction((tx) =>
          tx.query(
            `INSERT INTO users (email, name, role, staff_id, password_hash, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id, email, name, role, staff_id, password_hash, locale`,
            [u.email, u.name, u.role, u.staffId, u.passwordHash, iso(now)],
          ),
        );
        return r ? toUser(r) : null;
      } catch (error) {
        if (sqlState(error) === UNIQUE_VIOLATION) return null;
        throw error;
      }
    },
    async setUserLocale(userId, locale, now) {
      await sql.query('UPDATE users SET locale = $2, updated_at = $3 WHERE id = $1', [userId, locale, iso(now)]);
    },
    async setPassword(userId, hash, now) {
      await sql.transaction(async (tx) => {
        await tx.query('UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1', [userId, hash, iso(now)]);
        await tx.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
        // A password set through one link ends every other link still out (an old reset email).
        await tx.query('UPDATE password_tokens SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [
          userId,
          iso(now),
        ]);
      });
    },

    async createSession(s) {
      await sql.query(
        `INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, user_agent)
         VALUES ($1, $2, $3, $3, $4, $5)`,
        [s.tokenHash, s.userId, iso(s.now), iso(s.expiresAt), s.userAgent.slice(0, 300)],
      );
    },
    async findSession(hash, now) {
      const [r] = await sql.query(
        `SELECT ${USER_COLUMNS}, s.created_at AS s_created, s.last_seen_at, s.expires_at
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND ${LIVE_USER}`,
        [hash, iso(now)],
      );
      if (!r) return null;
      return {
        user: toUser(r),
        createdAt: ms(r.s_created),
        lastSeenAt: ms(r.last_seen_at),
        expiresAt: ms(r.expires_at),
      };
    },
    async touchSession(hash, now, expiresAt) {
      await sql.query('UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE token_hash = $1', [
        hash,
        iso(now),
        iso(expiresAt),
      ]);
    },
    async deleteSession(hash) {
      await sql.query('DELETE FROM sessions WHERE token_hash = $1', [hash]);
    },
    async deleteUserSessions(userId) {
      await sql.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
    },

    async createPasswordToken(t) {
      await sql.query(
        `INSERT INTO password_tokens (token_hash, user_id, purpose, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [t.tokenHash, t.userId, t.purpose, iso(t.now), iso(t.expiresAt)],
      );
    },
    async peekPasswordToken(hash, now) {
      const [r] = await sql.query(
        `SELECT user_id, purpose FROM password_tokens
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2`,
        [hash, iso(now)],
      );
      return r ? { userId: String(r.user_id), purpose: r.purpose as PasswordPurpose } : null;
    },
    async usePasswordToken(hash, now) {
      const [r] = await sql.query(
        `UPDATE password_tokens SET used_at = $2
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
         RETURNING user_id, purpose`,
        [hash, iso(now)],
      );
      return r ? { userId: String(r.user_id), purpose: r.purpose as PasswordPurpose } : null;
    },

    async createApiKey(k) {
      const [r] = await sql.query(
        `INSERT INTO api_keys (key_hash, prefix, label, role, staff_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [k.keyHash, k.prefix, k.label, k.role, k.staffId, iso(k.now)],
      );
      return toApiKey(r as Row);
    },
    async findApiKey(hash, now) {
      // last_used_at is advisory: written at most once a minute per key, so reads stay cheap.
      const [r] = await sql.query(
        `SELECT * FROM api_keys k WHERE key_hash = $1 AND revoked_at IS NULL
           AND (k.staff_id IS NULL OR EXISTS (SELECT 1 FROM staff m WHERE m.id = k.staff_id AND m.active))`,
        [hash],
      );
      if (!r) return null;
      const key = toApiKey(r);
      if (key.lastUsedAt === null || now - key.lastUsedAt > 60_000) {
        await sql.query('UPDATE api_keys SET last_used_at = $2 WHERE id = $1', [key.id, iso(now)]);
      }
      return key;
    },
    async getApiKey(id) {
      if (!/^\d{1,18}$/.test(id)) return null;
      const [r] = await sql.query('SELECT * FROM api_keys WHERE id = $1', [id]);
      return r ? toApiKey(r) : null;
    },
    async listApiKeys(staffId) {
      const rows =
        staffId === null
          ? await sql.query('SELECT * FROM api_keys ORDER BY id')
          : await sql.query('SELECT * FROM api_keys WHERE staff_id = $1 ORDER BY id', [staffId]);
      return rows.map(toApiKey);
    },
    async revokeApiKey(id, now) {
      if (!/^\d{1,18}$/.test(id)) return null;
      const [r] = await sql.query(
        'UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING *',
        [id, iso(now)],
      );
      return r ? toApiKey(r) : null;
    },
  };
}
