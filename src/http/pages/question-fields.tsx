/**
 * The service's intake questions on the details page (SPEC §10.1), one labelled control each:
 * text, long text, one of (radio buttons), any of (check boxes), yes/no (radio buttons), date,
 * number. Labels in the reader's language (core/localized.ts); a question that may be left blank
 * says so; a sensitive one says who sees it. Errors sit beside each control and in the summary.
 */
import { activeQuestions, localize, type Question } from '../../core/index.ts';
import type { PageContext } from './context.ts';

/** What was typed or ticked, per question key (several values for check boxes). */
export type AnswerValues = Readonly<Record<string, readonly string[]>>;

/** The form field of a question: prefixed, so a question key never meets the page's own fields. */
export const answerField = (key: string) => `q-${key}`;

export function questionLabel(ctx: PageContext, q: Question): string {
  const label = localize(q.label, ctx.locale, ctx.business.locale);
  return q.required ? label : ctx.m.details.optional(label);
}

export function QuestionFields(p: {
  ctx: PageContext;
  questions: readonly Question[];
  values: AnswerValues;
  errors: Readonly<Record<string, string>>;
}) {
  return (
    <>
      {activeQuestions(p.questions).map((q) => (
        <QuestionField ctx={p.ctx} q={q} values={p.values[q.key] ?? []} error={p.errors[answerField(q.key)]} />
      ))}
    </>
  );
}

function QuestionField(p: { ctx: PageContext; q: Question; values: readonly string[]; error: string | undefined }) {
  const { ctx, q } = p;
  const { m } = ctx;
  const name = answerField(q.key);
  const id = `f-${name}`;
  const hint = q.sensitive ? m.details.sensitiveHint : null;
  const described = [hint ? `h-${name}` : '', p.error ? `e-${name}` : ''].filter(Boolean).join(' ') || undefined;
  const invalid = p.error ? 'true' : undefined;
  const label = questionLabel(ctx, q);
  const value = p.values[0] ?? '';
  const notes = (
    <>
      {hint ? (
        <span class="hint" id={`h-${name}`}>
          {hint}
        </span>
      ) : null}
    </>
  );
  const error = p.error ? (
    <span class="error" id={`e-${name}`}>
      {p.error}
    </span>
  ) : null;
  if (q.type === 'choice' || q.type === 'multiChoice' || q.type === 'yesNo') {
    const options =
      q.type === 'yesNo'
        ? [
            { key: 'yes', label: m.details.yes },
            { key: 'no', label: m.details.no },
          ]
        : (q.options ?? []).map((o) => ({ key: o.key, label: localize(o.label, ctx.locale, ctx.business.locale) }));
    const type = q.type === 'multiChoice' ? 'checkbox' : 'radio';
    return (
      <fieldset class="field choices" id={id} aria-describedby={described}>
        <legend>{label}</legend>
        {notes}
        {options.map((o, i) => (
          <label class="choice">
            <input
              type={type}
              name={name}
              value={o.key}
              id={i === 0 ? undefined : `${id}-${i}`}
              checked={p.values.includes(o.key)}
              required={type === 'radio' && q.required && i === 0 ? true : undefined}
            />{' '}
            {o.label}
          </label>
        ))}
        {error}
      </fieldset>
    );
  }
  const common = {
    id,
    name,
    'aria-invalid': invalid,
    'aria-describedby': described,
    required: q.required ? true : undefined,
  };
  return (
    <p class="field">
      <label for={id}>{label}</label>
      {notes}
      {q.type === 'longText' ? (
        <textarea {...common} rows={3} maxlength={2000}>
          {value}
        </textarea>
      ) : q.type === 'date' ? (
        <input {...common} type="date" value={value} />
      ) : q.type === 'number' ? (
        <input {...common} type="text" inputmode="decimal" value={value} />
      ) : (
        <input {...common} type="text" value={value} maxlength={2000} />
      )}
      {error}
    </p>
  );
}
