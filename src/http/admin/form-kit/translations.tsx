/**
 * Per-language content in the dashboard's forms (SPEC §12): the main field holds the business
 * language's text; a group under it takes the text in each other language the pages speak
 * (`name-pt`), empty for none. Posted, they become the API's per-language object `{en: main,
 * pt: …}`, or the plain text when no other language is given, so a business with one language
 * sees and stores nothing new. The API's error paths (`name.pt`) come back to the inputs.
 */
import type { LocalizedText, Wordings } from '../../../core/index.ts';
import { type DashboardMessages, dashboardMessagesFor } from '../../../i18n/dashboard/index.ts';
import { LOCALE_NAMES, LOCALES, type Locale } from '../../../i18n/locale.ts';
import { Group, Input, TextArea } from './fields.tsx';
import type { PostedForm } from './posted-form.ts';
import { useDashboardWords } from './words.ts';

const othersThan = (businessLocale: string): Locale[] => LOCALES.filter((l) => l !== businessLocale);
const inputName = (field: string, lang: string) => `${field}-${lang}`;

/** The form's values of a stored text: the main field and one per other language. */
export function translationValues(
  field: string,
  text: string,
  wordings: Wordings | null | undefined,
  businessLocale: string,
): Record<string, string> {
  const values: Record<string, string> = { [field]: wordings?.[businessLocale] ?? text };
  for (const l of othersThan(businessLocale)) values[inputName(field, l)] = wordings?.[l] ?? '';
  return values;
}

/** The posted text as the API takes it, and the other languages' inputs as typed (to show again). */
export function readTranslated(
  form: PostedForm,
  field: string,
  businessLocale: string,
): { value: LocalizedText; values: Record<string, string> } {
  const main = form.text(field);
  const values: Record<string, string> = {};
  const given: [string, string][] = [];
  for (const l of othersThan(businessLocale)) {
    const typed = form.text(inputName(field, l));
    values[inputName(field, l)] = typed;
    if (typed.trim() !== '') given.push([l, typed]);
  }
  if (given.length === 0) return { value: main, values };
  return { value: Object.fromEntries([...(main.trim() === '' ? [] : [[businessLocale, main]]), ...given]), values };
}

/** `name.pt` → `name-pt` (the input); a language with no input (`name.xx`) → the main field. */
export function translationRename(fields: readonly string[], key: string): string | null {
  const m = /^([A-Za-z]+)\.(.+)$/.exec(key);
  if (!m?.[1] || !fields.includes(m[1])) return null;
  return (LOCALES as readonly string[]).includes(m[2] ?? '') ? inputName(m[1], m[2] ?? '') : m[1];
}

/** The error summary's labels of the other languages' inputs: "Name in Português" (`t`: the page's catalogue). */
export function translationLabels(
  field: string,
  label: string,
  businessLocale: string,
  t: DashboardMessages = dashboardMessagesFor('en'),
): Record<string, string> {
  return Object.fromEntries(
    othersThan(businessLocale).map((l) => [inputName(field, l), t.formKit.labelIn(label, LOCALE_NAMES[l])]),
  );
}

export interface TranslationsProps {
  readonly field: string;
  readonly label: string;
  readonly businessLocale: string;
  readonly values: Readonly<Partial<Record<string, string>>>;
  readonly errors: Readonly<Partial<Record<string, string>>>;
  readonly multiline?: boolean;
}

/** One input per other language the pages speak, in a group of its own. */
export function Translations(p: TranslationsProps) {
  const t = useDashboardWords();
  const w = t.formKit;
  return (
    <Group
      legend={w.otherLanguages(p.label)}
      hint={w.otherLanguagesHint(LOCALE_NAMES[p.businessLocale as Locale] ?? p.businessLocale)}
    >
      {othersThan(p.businessLocale).map((l) => {
        const name = inputName(p.field, l);
        const props = { name, label: LOCALE_NAMES[l], value: p.values[name], error: p.errors[name] };
        return p.multiline ? <TextArea {...props} rows={2} /> : <Input {...props} />;
      })}
    </Group>
  );
}
