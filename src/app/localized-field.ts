/**
 * A per-language field of the set-up file and the admin API (SPEC §12): a text as before, or
 * wordings by language `{en: "…", pt: "…"}` checked by the core (localized.ts), so both answer
 * `name.xx: not a language the pages speak` alike.
 */
import { z } from 'zod';
import { type LocalizedText, localizedTextProblems } from '../core/index.ts';

const DESCRIPTION = 'a text, or texts by language {en: "…", pt: "…"} (en, fr, de, es, pt)';

/** `text` (the single-text rule, kept as it was) or wordings by language of at most `maxChars` each. */
export const localizedField = (text: z.ZodType<string>, maxChars: number) =>
  z
    .union([text, z.record(z.string(), z.string())])
    .superRefine((value, ctx) => {
      if (typeof value === 'string') return;
      for (const p of localizedTextProblems(value, [], maxChars)) {
        ctx.addIssue({ code: 'custom', path: [...p.path], message: p.message });
      }
    })
    .transform((value) => value as LocalizedText)
    .meta({ description: DESCRIPTION });
