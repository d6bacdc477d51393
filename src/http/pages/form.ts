/** The fields of a posted HTML form as trimmed text ('' when missing, not text, or unparsable). */
import type { Context } from 'hono';

export async function readForm(c: Context): Promise<(name: string) => string> {
  const form = await readFormLists(c);
  return form.field;
}

/** A posted form's fields, single (`field`) or every value of a repeated one (`all`: check boxes). */
export interface FormLists {
  field(name: string): string;
  all(name: string): string[];
}

export async function readFormLists(c: Context): Promise<FormLists> {
  const form = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
  const all = (name: string): string[] => {
    const v = Object.hasOwn(form, name) ? form[name] : undefined;
    const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
    return list.filter((x): x is string => typeof x === 'string').map((x) => x.trim());
  };
  return { all, field: (name) => all(name)[0] ?? '' };
}
