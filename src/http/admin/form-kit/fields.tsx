/**
 * The dashboard's form kit, at the public pages' accessibility level: a label on every field, the
 * hint and the error tied to it with aria-describedby, `f-<name>` ids for the error summary's
 * links (the summary, at the top of a refused form, lists what to fix), 44 px targets
 * (admin.css). Text, numbers, check boxes, selects, text areas, groups and read-only facts;
 * bound-fields.tsx fills a form's labels, values and errors in by field name.
 */
import type { Child } from 'hono/jsx';
import { localProblem, useDashboardWords } from './words.ts';

interface Common {
  readonly name: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
}

/** The ids a field is described by: its hint, then its error. */
const describedBy = (p: Common) =>
  [p.hint ? `h-${p.name}` : '', p.error ? `e-${p.name}` : ''].filter(Boolean).join(' ');

/** The attributes that tie a control to its hint and error. */
const ariaOf = (p: Common) => ({
  'aria-invalid': p.error ? ('true' as const) : undefined,
  'aria-describedby': describedBy(p) || undefined,
});

function Hint({ p }: { p: Common }) {
  return p.hint ? (
    <span class="hint" id={`h-${p.name}`}>
      {p.hint}
    </span>
  ) : null;
}

function Problem({ p }: { p: Common }) {
  const t = useDashboardWords();
  return p.error ? (
    <span class="error" id={`e-${p.name}`}>
      {localProblem(p.error, t)}
    </span>
  ) : null;
}

/** A control under its label and hint, its error after it; the control's id is `f-<name>`. */
function Labelled({ p, children }: { p: Common; children?: Child }) {
  return (
    <p class="field">
      <label for={`f-${p.name}`}>{p.label}</label>
      <Hint p={p} />
      {children}
      <Problem p={p} />
    </p>
  );
}

export interface InputProps extends Common {
  readonly type?: string;
  readonly value?: string | undefined;
  readonly required?: boolean;
  readonly autocomplete?: string;
  readonly min?: number;
  readonly max?: number;
  /** The id of a <datalist> of suggestions. */
  readonly list?: string;
  readonly inputmode?: 'decimal' | 'numeric' | 'email' | 'url' | 'text';
  readonly spellcheck?: boolean;
}

export function Input(p: InputProps) {
  return (
    <Labelled p={p}>
      <input
        id={`f-${p.name}`}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.type === 'password' ? undefined : (p.value ?? '')}
        autocomplete={p.autocomplete}
        required={p.required}
        min={p.min}
        max={p.max}
        list={p.list}
        inputmode={p.inputmode}
        spellcheck={p.spellcheck}
        {...ariaOf(p)}
      />
    </Labelled>
  );
}

/** A whole number of minutes, hours or days (typed as text by the browser's number input). */
export const Whole = (p: Omit<InputProps, 'type' | 'inputmode'>) => (
  <Input {...p} type="number" inputmode="numeric" min={p.min ?? 0} />
);

export function TextArea(p: Common & { readonly value?: string; readonly rows?: number }) {
  return (
    <Labelled p={p}>
      <textarea id={`f-${p.name}`} name={p.name} rows={p.rows ?? 3} {...ariaOf(p)}>
        {p.value ?? ''}
      </textarea>
    </Labelled>
  );
}

export function Select(
  p: Common & { readonly value: string; readonly options: readonly { value: string; label: string }[] },
) {
  return (
    <Labelled p={p}>
      <select id={`f-${p.name}`} name={p.name} {...ariaOf(p)}>
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Labelled>
  );
}

/** A check box with its label beside it; posts "on" when ticked and nothing when not. */
export function Checkbox(p: Common & { readonly checked: boolean; readonly id?: string }) {
  const id = p.id ?? `f-${p.name}`;
  return (
    <p class="field check">
      <input id={id} name={p.name} type="checkbox" value="on" checked={p.checked} {...ariaOf(p)} />
      <label for={id}>{p.label}</label>
      <Hint p={p} />
      <Problem p={p} />
    </p>
  );
}

/** A group of fields under a legend; `id` lets the error summary link to the group. */
export function Group(p: { legend: string; id?: string; hint?: string; children?: Child }) {
  return (
    <fieldset class="group" id={p.id}>
      <legend>{p.legend}</legend>
      {p.hint ? <p class="hint">{p.hint}</p> : null}
      {p.children}
    </fieldset>
  );
}

/** Values shown but not editable by this caller, as a description list. */
export function ReadOnly({ facts }: { facts: readonly (readonly [string, string])[] }) {
  return (
    <dl class="readonly">
      {facts.map(([term, value]) => (
        <>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}

let zones: readonly string[] | null = null;

/** Every IANA zone this runtime knows, as suggestions for a time-zone field (`list="zones"`). */
export function ZoneList() {
  zones ??= Intl.supportedValuesOf('timeZone');
  return (
    <datalist id="zones">
      {zones.map((z) => (
        <option value={z} />
      ))}
    </datalist>
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
  const t = useDashboardWords();
  const entries = Object.entries(p.errors)
    .filter((e): e is [string, string] => Boolean(e[1]))
    .map(([name, message]): [string, string] => [name, localProblem(message, t)]);
  if (entries.length === 0) return null;
  return (
    <div class="alert" role="alert" tabindex={-1} autofocus>
      <h2>{p.title ?? t.formKit.summaryTitle}</h2>
      <ul>
        {entries.map(([name, message]) =>
          name === '' || !p.labels?.[name] ? (
            <li>{message}</li>
          ) : (
            <li>
              <a href={`#f-${name}`}>{t.formKit.fieldProblem(p.labels[name], message)}</a>
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

/** What every edit-or-add form of the dashboard is given: its CSRF token, the record, the typed state, the problems. */
export interface FormProps<Edited, State> {
  readonly csrf: string;
  /** The record edited; null on the page that adds one. */
  readonly editing: Edited | null;
  readonly state: State;
  readonly errors: Readonly<Record<string, string>>;
  readonly notice?: string | undefined;
}
