/**
 * Form pieces shared by the services, staff and settings pages, at fields.tsx's level: a label on
 * every field, the hint and the error tied to it with aria-describedby, `f-<name>` ids for the
 * error summary's links. fields.tsx's `Field` covers plain text inputs; these add numbers,
 * check boxes, selects, text areas and a list of suggestions.
 */
import type { Child } from 'hono/jsx';

interface Common {
  readonly name: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
}

/** The ids a field is described by: its hint, then its error. */
const describedBy = (p: Common) =>
  [p.hint ? `h-${p.name}` : '', p.error ? `e-${p.name}` : ''].filter(Boolean).join(' ');

function Hint({ p }: { p: Common }) {
  return p.hint ? (
    <span class="hint" id={`h-${p.name}`}>
      {p.hint}
    </span>
  ) : null;
}

function Problem({ p }: { p: Common }) {
  return p.error ? (
    <span class="error" id={`e-${p.name}`}>
      {p.error}
    </span>
  ) : null;
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
  const described = describedBy(p);
  return (
    <p class="field">
      <label for={`f-${p.name}`}>{p.label}</label>
      <Hint p={p} />
      <input
        id={`f-${p.name}`}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.type === 'password' ? undefined : (p.value ?? '')}
        required={p.required}
        autocomplete={p.autocomplete}
        min={p.min}
        max={p.max}
        list={p.list}
        inputmode={p.inputmode}
        spellcheck={p.spellcheck}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
      <Problem p={p} />
    </p>
  );
}

/** A whole number of minutes, hours or days (typed as text by the browser's number input). */
export const Whole = (p: Omit<InputProps, 'type' | 'inputmode'>) => (
  <Input {...p} type="number" inputmode="numeric" min={p.min ?? 0} />
);

export function TextArea(p: Common & { readonly value?: string; readonly rows?: number }) {
  const described = describedBy(p);
  return (
    <p class="field">
      <label for={`f-${p.name}`}>{p.label}</label>
      <Hint p={p} />
      <textarea
        id={`f-${p.name}`}
        name={p.name}
        rows={p.rows ?? 3}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={described || undefined}
      >
        {p.value ?? ''}
      </textarea>
      <Problem p={p} />
    </p>
  );
}

export function Select(
  p: Common & { readonly value: string; readonly options: readonly { value: string; label: string }[] },
) {
  const described = describedBy(p);
  return (
    <p class="field">
      <label for={`f-${p.name}`}>{p.label}</label>
      <Hint p={p} />
      <select
        id={`f-${p.name}`}
        name={p.name}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={described || undefined}
      >
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Problem p={p} />
    </p>
  );
}

/** A check box with its label beside it; posts "on" when ticked and nothing when not. */
export function Checkbox(p: Common & { readonly checked: boolean; readonly id?: string }) {
  const id = p.id ?? `f-${p.name}`;
  const described = describedBy(p);
  return (
    <p class="field check">
      <input
        id={id}
        name={p.name}
        type="checkbox"
        value="on"
        checked={p.checked}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
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
