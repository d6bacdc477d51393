/**
 * Refusals in the dashboard's language (issue 21): worded from the machine code and its details,
 * for every code a dashboard page can meet. Which codes those are is read from the source: the
 * files of http/admin and everything they import (use cases, stores, core), and the codes they
 * refuse with. A new code reaching the dashboard without words of its own fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dashboardSources as reachable, SRC } from '../../../test/support/dashboard-sources.ts';
import type { ErrorCode, Refusal } from '../../app/result.ts';
import { LOCALES } from '../../core/languages.ts';
import { dashboardMessagesFor } from '../../i18n/dashboard/index.ts';
import { STATUS } from '../errors.ts';
import { PUBLIC_ONLY_CODES, refusalWords, wordedCode } from './refusal-words.ts';

const CODES = Object.keys(STATUS) as ErrorCode[];

/** The codes a text refuses with: refuse('X'…), sendError(c, 'X'…), `code: 'X'`, and invalid(…) for VALIDATION_FAILED. */
function codesIn(text: string): Set<ErrorCode> {
  const found = new Set<ErrorCode>();
  for (const [, code] of text.matchAll(/(?:refuse\(\s*|sendError\(\s*\w+,\s*|code:\s*)'([A-Z_]+)'/g)) {
    if ((CODES as string[]).includes(code ?? '')) found.add(code as ErrorCode);
  }
  if (/\binvalid\(/.test(text)) found.add('VALIDATION_FAILED');
  return found;
}

const refusal = (code: ErrorCode, details?: Record<string, unknown>): Refusal => ({
  ok: false,
  code,
  message: 'THE USE CASE’S ENGLISH',
  ...(details ? { details } : {}),
});

describe('the codes a dashboard page can meet', () => {
  const files = reachable();
  const reached = new Set([...files].flatMap((f) => [...codesIn(readFileSync(f, 'utf8'))]));

  it('the scan reaches the use cases and sees their codes (self-check)', () => {
    expect(files.has(join(SRC, 'app/rate-limits.ts'))).toBe(true);
    expect(files.has(join(SRC, 'app/dashboard/bookings/mark-outcome.ts'))).toBe(true);
    for (const code of ['RATE_LIMITED', 'OUTCOME_NOT_ALLOWED', 'SEATS_UNAVAILABLE', 'VALIDATION_FAILED'] as const) {
      expect(reached).toContain(code);
    }
    expect([...codesIn("return refuse('NOT_FOUND', 'x'); invalid('y', {})")].sort()).toEqual([
      'NOT_FOUND',
      'VALIDATION_FAILED',
    ]);
  });

  it('has words for every code the dashboard imports a refusal of', () => {
    expect([...reached].filter((code) => !wordedCode(code))).toEqual([]);
  });

  it('keeps English only for codes no dashboard code can return, and the list names no other', () => {
    expect(PUBLIC_ONLY_CODES.filter((code) => reached.has(code))).toEqual([]);
    expect(CODES.filter((code) => !wordedCode(code)).sort()).toEqual([...PUBLIC_ONLY_CODES].sort());
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('in %s, no worded code shows the use case’s English', (locale) => {
    const t = dashboardMessagesFor(locale);
    const en = dashboardMessagesFor('en');
    for (const code of CODES.filter(wordedCode)) {
      const said = refusalWords(refusal(code), t);
      expect(said, code).not.toContain('THE USE CASE’S ENGLISH');
      expect(said, code).not.toBe(refusalWords(refusal(code), en));
    }
  });
});

describe('a refusal’s details in the words', () => {
  const fr = dashboardMessagesFor('fr');
  const pt = dashboardMessagesFor('pt');

  it('says a rate limit’s wait in seconds, minutes or hours', () => {
    expect(refusalWords(refusal('RATE_LIMITED', { retryAfterSeconds: 45 }), fr)).toBe(
      'Trop de tentatives : attendez 45 secondes avant la suivante.',
    );
    expect(refusalWords(refusal('RATE_LIMITED', { retryAfterSeconds: 450 }), pt)).toBe(
      'Demasiadas tentativas: aguarde 8 minutos antes da próxima.',
    );
    expect(refusalWords(refusal('RATE_LIMITED', { retryAfterSeconds: 8 * 3600 }), fr)).toContain('8 heures');
    expect(refusalWords(refusal('RATE_LIMITED', { retryAfterSeconds: 450 }), dashboardMessagesFor('en'))).toBe(
      'Too many attempts; please try again in 8 minutes.',
    );
  });

  it('says the seats left, the dates of a series, the reason and the status', () => {
    expect(refusalWords(refusal('SEATS_UNAVAILABLE', { seatsLeft: 2 }), fr)).toBe(
      'Il ne reste que 2 places dans cette séance.',
    );
    expect(refusalWords(refusal('SERIES_CONFLICT', { conflicts: [{}, {}, {}] }), pt)).toBe(
      '3 datas da série não podem ser marcadas.',
    );
    expect(refusalWords(refusal('CANCEL_NOT_ALLOWED', { reason: 'changed' }), fr)).toBe(
      'Cette réservation ne peut pas être annulée. Elle a changé entre-temps : rechargez la page.',
    );
    expect(refusalWords(refusal('CANCEL_NOT_ALLOWED', { reason: 'cancelled' }), pt)).toBe(
      'Esta marcação não pode ser cancelada. O seu estado já é «Cancelada».',
    );
    expect(refusalWords(refusal('RESCHEDULE_NOT_ALLOWED', { reason: 'not_active', status: 'expired' }), fr)).toContain(
      '« Expirée »',
    );
    expect(refusalWords(refusal('OUTCOME_NOT_ALLOWED', { reason: 'not_started' }), pt)).toBe(
      'Esta marcação não pode ser assinalada. Ainda não começou.',
    );
    expect(refusalWords(refusal('SLOT_UNAVAILABLE', { reason: 'past' }), fr)).toBe(fr.bookings.slotReasons.past);
  });

  it('ignores a reason it does not know, and an inherited name', () => {
    expect(refusalWords(refusal('CANCEL_NOT_ALLOWED', { reason: 'constructor' }), fr)).toBe(
      'Cette réservation ne peut pas être annulée.',
    );
    expect(refusalWords(refusal('HOLD_EXPIRED'), fr)).toBe('THE USE CASE’S ENGLISH');
  });
});
