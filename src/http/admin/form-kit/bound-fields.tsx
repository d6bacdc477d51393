/**
 * A form's fields bound by name to its labels, values and errors: `const f = boundFields(LABELS,
 * values, errors)`, then `<f.Input name="slug" hint="…" />`. The label, the value as typed and the
 * error come from the name, which the compiler checks against the form's labels, so a form does
 * not repeat them field after field.
 */
import { Checkbox, Input, type InputProps, TextArea, Whole } from './fields.tsx';

/** A field's own props, its name one of the form's. */
type Bound<P, N extends string> = Omit<P, 'name' | 'label' | 'value' | 'error'> & { readonly name: N };

type Values = Readonly<Partial<Record<string, string>>>;

export function boundFields<N extends string>(labels: Readonly<Record<N, string>>, values: Values, errors: Values) {
  const of = (name: N) => ({ name, label: labels[name], value: values[name], error: errors[name] });
  return {
    Input: (p: Bound<InputProps, N>) => <Input {...of(p.name)} {...p} />,
    Whole: (p: Bound<InputProps, N>) => <Whole {...of(p.name)} {...p} />,
    TextArea: (p: Bound<{ readonly hint?: string; readonly rows?: number }, N>) => <TextArea {...of(p.name)} {...p} />,
    /** A check box, ticked when the field's value is "on" (as a posted form has it). */
    Checkbox: (p: Bound<{ readonly hint?: string }, N>) => {
      const { value, ...field } = of(p.name);
      return <Checkbox {...field} {...p} checked={value === 'on'} />;
    },
  };
}
