/** The fields of a posted HTML form as trimmed text ('' when missing, not text, or unparsable). */
import type { Context } from 'hono';

export async function readForm(c: Context): Promise<(name: string) => string> {
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  return (name) => {
    const v = form[name];
    return typeof v === 'string' ? v.trim() : '';
  };
}
