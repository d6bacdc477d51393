/**
 * Field problems: what the core's input checks (seats, repeat, waitlist, policy tiers, intake
 * questions and answers) return instead of throwing. A path is a list of keys and indexes, so a
 * Zod `superRefine` can hand it to `ctx.addIssue({ path, message })` and a use case can turn the
 * list into API.md's `details.fields` with `problemFields` (the same spelling as app/setup-schema.ts
 * formatPath: `answers.allergies`, `cancellationPolicy[1].refund`).
 */

export type FieldPath = readonly (string | number)[];

export interface FieldProblem {
  readonly path: FieldPath;
  readonly message: string;
}

/** `['cancellationPolicy', 1, 'refund']` → `cancellationPolicy[1].refund`. */
export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const seg of path) out = typeof seg === 'number' ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg;
  return out;
}

/**
 * Problems as `details.fields` ({path: message}); the first message of a path wins. `prefix` is
 * put before every path (a service's questions checked inside the set-up file).
 */
export function problemFields(problems: readonly FieldProblem[], prefix: FieldPath = []): Record<string, string> {
  // A Map first: a path "__proto__" assigned into {} would set the prototype and vanish.
  const fields = new Map<string, string>();
  for (const p of problems) {
    const path = formatFieldPath([...prefix, ...p.path]) || 'body';
    if (!fields.has(path)) fields.set(path, p.message);
  }
  return Object.fromEntries(fields);
}

/** Whether a value is a plain JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An integer within [min, max]. */
export function isIntIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}
