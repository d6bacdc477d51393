/**
 * A new booking's answers to its service's intake questions (SPEC §10.1), whoever books: checked
 * by the core's one validator (the booking-body schema only says `answers` is an object), then
 * split — the open ones are stored as they are, the sensitive ones sealed before the row is
 * written (sensitive-answers.ts), so their text never reaches the database.
 */
import { problemFields, splitSensitive, validateAnswers } from '../core/index.ts';
import type { Service } from './model.ts';
import type { BookingAnswers } from './place-booking.ts';
import { invalid, ok, type Result } from './result.ts';
import { sealAnswers } from './sensitive-answers.ts';

export function checkAnswers(service: Service, given: unknown, secret: string): Result<BookingAnswers> {
  const checked = validateAnswers(service.questions, given);
  if (!checked.ok) {
    const fields = problemFields(checked.problems);
    return invalid(`Invalid ${Object.keys(fields).join(', ')}.`, fields);
  }
  const { open, sensitive } = splitSensitive(service.questions, checked.answers);
  return ok({ open, seal: (reference) => sealAnswers(sensitive, secret, reference) });
}
