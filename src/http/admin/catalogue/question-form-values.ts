/**
 * The service form's questions and cancellation tiers (SPEC §10.1–10.2) as form fields and back:
 * each question a row `q<i>-…` (order, key, type, a label per language, options as lines,
 * required, sensitive, retired) plus one empty row to add a question; each tier a row `p<i>-…`
 * (hours before, refund). Rows are put in the order typed; empty rows are left out. Problems the
 * API's schema finds at `questions[2].label` come back to the row's field.
 */
import {
  type CancellationPolicy,
  type LocalizedText,
  type Question,
  type QuestionOption,
  REFUND_KINDS,
} from '../../../core/index.ts';
import { LOCALES } from '../../../i18n/locale.ts';
import type { Problems } from '../form-kit/form-body.ts';
import type { PostedForm } from '../form-kit/posted-form.ts';

export const POLICY_ROWS = 5;

/** The language tags a question row has label fields for: ours, and any other its label uses. */
export const labelTags = (label: LocalizedText | undefined) => [
  ...new Set([...LOCALES, ...(label && typeof label === 'object' ? Object.keys(label) : [])]),
];

/** "key: label" lines; a label in several languages as "key: en=Label; fr=Libellé". */
export function optionLines(options: readonly QuestionOption[] | undefined): string {
  return (options ?? [])
    .map((o) =>
      typeof o.label === 'string'
        ? `${o.key}: ${o.label}`
        : `${o.key}: ${Object.entries(o.label)
            .map(([tag, text]) => `${tag}=${text}`)
            .join('; ')}`,
    )
    .join('\n');
}

function parseOptions(text: string): QuestionOption[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const at = line.indexOf(':');
      const key = (at < 0 ? line : line.slice(0, at)).trim();
      const rest = at < 0 ? '' : line.slice(at + 1).trim();
      const parts = rest.split(';').map((p) => /^([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)=(.*)$/.exec(p.trim()));
      const label: LocalizedText =
        parts.length > 0 && parts.every((p) => p !== null)
          ? Object.fromEntries(parts.map((p) => [p?.[1] ?? '', (p?.[2] ?? '').trim()]))
          : rest;
      return { key, label };
    });
}

/** The form's values for the stored questions and tiers (plus the empty rows to add with). */
export function rulesFormOf(questions: readonly Question[], policy: CancellationPolicy): Record<string, string> {
  const v: Record<string, string> = { qcount: String(questions.length + 1) };
  questions.forEach((q, i) => {
    const p = `q${i}-`;
    v[`${p}order`] = String(i + 1);
    v[`${p}key`] = q.key;
    v[`${p}type`] = q.type;
    v[`${p}tags`] = labelTags(q.label).join(',');
    for (const tag of labelTags(q.label)) {
      v[`${p}label-${tag}`] = typeof q.label === 'string' ? (tag === 'en' ? q.label : '') : (q.label[tag] ?? '');
    }
    v[`${p}options`] = optionLines(q.options);
    v[`${p}required`] = q.required ? 'on' : '';
    v[`${p}sensitive`] = q.sensitive ? 'on' : '';
    v[`${p}retired`] = q.retired ? 'on' : '';
  });
  v[`q${questions.length}-order`] = String(questions.length + 1);
  v[`q${questions.length}-type`] = 'text';
  policy.forEach((t, i) => {
    v[`p${i}-hours`] = String(t.untilHoursBefore);
    v[`p${i}-refund`] = t.refund;
  });
  return v;
}

export interface PostedRules {
  readonly values: Record<string, string>;
  readonly questions: unknown[];
  readonly policy: unknown[];
  /** The body's path → the form's field. */
  rename(key: string): string;
}

export function readRulesForm(form: PostedForm, problems: Problems): PostedRules {
  const values: Record<string, string> = {};
  const count = Math.min(Number(form.text('qcount')) || 0, 60);
  values.qcount = String(count);
  const rows: { row: number; order: number; q: Record<string, unknown> }[] = [];
  for (let i = 0; i < count; i++) {
    const p = `q${i}-`;
    const tags = form.text(`${p}tags`) ? form.text(`${p}tags`).split(',') : [...LOCALES];
    for (const f of ['order', 'key', 'type', 'options', 'required', 'sensitive', 'retired', 'tags']) {
      values[`${p}${f}`] = form.text(`${p}${f}`);
    }
    const label: Record<string, string> = {};
    for (const tag of tags) {
      const text = form.text(`${p}label-${tag}`);
      values[`${p}label-${tag}`] = text;
      if (text !== '') label[tag] = text;
    }
    const key = form.text(`${p}key`);
    if (key === '' && Object.keys(label).length === 0 && form.text(`${p}options`) === '') continue;
    const type = form.text(`${p}type`);
    const options = form.text(`${p}options`);
    const q: Record<string, unknown> = {
      key,
      type,
      label,
      required: form.text(`${p}required`) === 'on',
      sensitive: form.text(`${p}sensitive`) === 'on',
      ...(options !== '' || type === 'choice' || type === 'multiChoice' ? { options: parseOptions(options) } : {}),
      ...(form.text(`${p}retired`) === 'on' ? { retired: true } : {}),
    };
    const order = Number(form.text(`${p}order`));
    if (form.text(`${p}order`) !== '' && !Number.isInteger(order)) problems.set(`${p}order`, 'must be a whole number');
    rows.push({ row: i, order: Number.isFinite(order) ? order : i + 1, q });
  }
  rows.sort((a, b) => a.order - b.order || a.row - b.row);
  const tiers: { row: number; tier: Record<string, unknown> }[] = [];
  for (let i = 0; i < POLICY_ROWS; i++) {
    const hours = form.text(`p${i}-hours`);
    const refund = form.text(`p${i}-refund`);
    values[`p${i}-hours`] = hours;
    values[`p${i}-refund`] = refund;
    if (hours === '' && refund === '') continue;
    if (hours !== '' && !/^\d{1,5}$/.test(hours)) problems.set(`p${i}-hours`, 'must be a whole number of hours');
    if (!REFUND_KINDS.includes(refund as (typeof REFUND_KINDS)[number])) problems.set(`p${i}-refund`, 'choose one');
    tiers.push({ row: i, tier: { untilHoursBefore: Number(hours), refund } });
  }
  const rename = (key: string) => {
    const q = /^questions\[(\d+)\](?:\.(\w+))?/.exec(key);
    if (q) {
      const row = rows[Number(q[1])]?.row ?? 0;
      const field = q[2] === 'label' ? 'label-en' : ['key', 'type', 'options'].includes(q[2] ?? '') ? q[2] : 'key';
      return `q${row}-${field}`;
    }
    const t = /^cancellationPolicy\[(\d+)\](?:\.(\w+))?/.exec(key);
    if (t) return `p${tiers[Number(t[1])]?.row ?? 0}-${t[2] === 'refund' ? 'refund' : 'hours'}`;
    return key.replace(/\[\d+\]$/, '');
  };
  return { values, questions: rows.map((r) => r.q), policy: tiers.map((t) => t.tier), rename };
}
