/**
 * Changing a service's questions (SPEC §10.1: add, reorder, edit, retire; a retired question keeps
 * its past answers). A question is never deleted: one left out of a new list stays, retired, at its
 * end, so the answers given to it keep their wording and their sensitivity. A question's key keeps
 * its type: answers of one type would not read as another (retire it and add a new one instead).
 * One rule for the admin API, the dashboard and the set-up file.
 */
import type { FieldProblem, Question } from '../core/index.ts';

export type QuestionsChange = { ok: true; questions: Question[] } | { ok: false; problems: FieldProblem[] };

export function changeQuestions(stored: readonly Question[], given: readonly Question[]): QuestionsChange {
  const before = new Map(stored.map((q) => [q.key, q]));
  const problems: FieldProblem[] = [];
  given.forEach((q, i) => {
    const old = before.get(q.key);
    if (old && old.type !== q.type) {
      problems.push({
        path: [i, 'type'],
        message: `"${q.key}" was a ${old.type} question: retire it and add a new one to ask another way`,
      });
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  const kept = new Set(given.map((q) => q.key));
  const left = stored.filter((q) => !kept.has(q.key)).map((q) => ({ ...q, retired: true }));
  return { ok: true, questions: [...given, ...left] };
}
