/**
 * Form pieces for dashboard pages, at the public pages' accessibility level: a label on every
 * field, errors listed in an alert summary at the top (linked to their fields) and beside each
 * field (aria-invalid + aria-describedby), 44 px targets (admin.css).
 */

export interface FieldProps {
  readonly name: string;
  readonly label: string;
  readonly type?: string;
  readonly value?: string;
  readonly autocomplete?: string;
  readonly required?: boolean;
  readonly hint?: string;
  readonly error?: string | undefined;
}

/** One labelled input; its id is `f-<name>` (the error summary links there). */
export function Field(p: FieldProps) {
  const described = [p.hint ? `h-${p.name}` : '', p.error ? `e-${p.name}` : ''].filter(Boolean).join(' ');
  return (
    <p class="field">
      <label for={`f-${p.name}`}>{p.label}</label>
      {p.hint ? (
        <span class="hint" id={`h-${p.name}`}>
          {p.hint}
        </span>
      ) : null}
      <input
        id={`f-${p.name}`}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.type === 'password' ? undefined : (p.value ?? '')}
        autocomplete={p.autocomplete}
        required={p.required}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
      {p.error ? (
        <span class="error" id={`e-${p.name}`}>
          {p.error}
        </span>
      ) : null}
    </p>
  );
}

export interface ErrorSummaryProps {
  /** field name → message; a field of '' is a message about the whole form (not linked). */
  readonly errors: Readonly<Record<string, string | undefined>>;
  /** field name → its label, to say which field is wrong. */
  readonly labels?: Readonly<Record<string, string>>;
  readonly title?: string;
}

/**
 * The alert at the top of a form listing what to fix; nothing when there is nothing. Focused when
 * the page loads (`autofocus`, no script needed): a refused form comes back scrolled to the top,
 * and the summary is what to read first.
 */
export function ErrorSummary(p: ErrorSummaryProps) {
  const entries = Object.entries(p.errors).filter((e): e is [string, string] => Boolean(e[1]));
  if (entries.length === 0) return null;
  return (
    <div class="alert" role="alert" tabindex={-1} autofocus>
      <h2>{p.title ?? 'Please check the form'}</h2>
      <ul>
        {entries.map(([name, message]) =>
          name === '' || !p.labels?.[name] ? (
            <li>{message}</li>
          ) : (
            <li>
              <a href={`#f-${name}`}>
                {p.labels[name]}: {message}
              </a>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}

/** A confirmation shown after something worked (announced politely). */
export function Notice({ text }: { text: string | null | undefined }) {
  return text ? (
    <p class="note" role="status">
      {text}
    </p>
  ) : null;
}
