/**
 * The service form's intake questions and cancellation tiers (SPEC §10.1–10.2), without script:
 * every question a fieldset (order, key, type, a label per language, options one per line,
 * required, sensitive, retired) and one empty fieldset to add a question; reordering is the
 * "Order" numbers; a question is retired, never deleted, so its past answers keep their meaning.
 * Tiers are rows of "until … hours before: refund", in descending order, the last at 0.
 */
import { QUESTION_TYPES, REFUND_KINDS } from '../../../core/index.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { Checkbox, Group, Input, Select, TextArea } from '../form-kit/fields.tsx';
import { own } from '../language.ts';
import { POLICY_ROWS } from './question-form-values.ts';

type Props = {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
  readonly t: DashboardMessages;
};

/** Labels of the rows' fields for the error summary ("Question 2: key"). */
export function ruleLabels(values: Readonly<Record<string, string>>, t: DashboardMessages): Record<string, string> {
  const q = t.catalogue.questions;
  const rf = t.catalogue.questions.rowFields;
  const labels: Record<string, string> = {};
  const count = Number(values.qcount ?? 0);
  for (let i = 0; i < count; i++) {
    const n = q.question(i + 1);
    const fields: [string, string][] = [
      ['order', rf.order],
      ['key', rf.key],
      ['type', rf.type],
      ['label-en', rf.label],
      ['options', rf.options],
    ];
    for (const [f, l] of fields) labels[`q${i}-${f}`] = q.rowField(n, l);
  }
  for (let i = 0; i < POLICY_ROWS; i++) {
    labels[`p${i}-hours`] = q.rowField(q.rule(i + 1), q.hoursField);
    labels[`p${i}-refund`] = q.rowField(q.rule(i + 1), q.refundField);
  }
  return labels;
}

export function QuestionsGroup({ values, errors, t }: Props) {
  const count = Number(values.qcount ?? 1);
  const q = t.catalogue.questions;
  return (
    <Group legend={q.legend} hint={q.hint}>
      <input type="hidden" name="qcount" value={String(count)} />
      {Array.from({ length: count }, (_, i) => (
        <QuestionRow i={i} last={i === count - 1} values={values} errors={errors} t={t} />
      ))}
    </Group>
  );
}

function QuestionRow({ i, last, values, errors, t }: Props & { i: number; last: boolean }) {
  const q = t.catalogue.questions;
  const language = (tag: string) => (own(q.languages, tag) ? t.catalogue.questions.languages[tag] : tag);
  const p = `q${i}-`;
  const v = (f: string) => values[`${p}${f}`] ?? '';
  const tags = v('tags') ? v('tags').split(',') : ['en', 'fr', 'de', 'es'];
  const isNew = last && v('key') === '';
  return (
    <fieldset class="group question-row">
      <legend>{isNew ? q.add : `${q.question(i + 1)}${v('key') ? `: ${v('key')}` : ''}`}</legend>
      <input type="hidden" name={`${p}tags`} value={tags.join(',')} />
      <div class="field-row">
        <Input name={`${p}order`} label={q.order} type="number" value={v('order')} error={errors[`${p}order`]} />
        <Input
          name={`${p}key`}
          label={q.key}
          value={v('key')}
          spellcheck={false}
          hint={q.keyHint}
          error={errors[`${p}key`]}
        />
        <Select
          name={`${p}type`}
          label={q.type}
          value={v('type') || 'text'}
          options={QUESTION_TYPES.map((type) => ({ value: type, label: t.catalogue.questions.types[type] }))}
          error={errors[`${p}type`]}
        />
      </div>
      {tags.map((tag) => (
        <Input
          name={`${p}label-${tag}`}
          label={q.labelIn(language(tag))}
          value={v(`label-${tag}`)}
          hint={tag === 'en' ? q.labelHint : undefined}
          error={errors[`${p}label-${tag}`]}
        />
      ))}
      <TextArea
        name={`${p}options`}
        label={q.options}
        value={v('options')}
        rows={3}
        hint={q.optionsHint}
        error={errors[`${p}options`]}
      />
      <Checkbox name={`${p}required`} label={q.required} checked={v('required') === 'on'} />
      <Checkbox name={`${p}sensitive`} label={q.sensitive} checked={v('sensitive') === 'on'} />
      {isNew ? null : <Checkbox name={`${p}retired`} label={q.retired} checked={v('retired') === 'on'} />}
    </fieldset>
  );
}

export function PolicyGroup({ values, errors, t }: Props) {
  const q = t.catalogue.questions;
  return (
    <Group legend={q.policy} hint={q.policyHint}>
      {Array.from({ length: POLICY_ROWS }, (_, i) => (
        <div class="field-row">
          <Input
            name={`p${i}-hours`}
            label={q.ruleHours(i + 1)}
            type="number"
            value={values[`p${i}-hours`] ?? ''}
            error={errors[`p${i}-hours`]}
          />
          <Select
            name={`p${i}-refund`}
            label={q.ruleRefund(i + 1)}
            value={values[`p${i}-refund`] ?? ''}
            options={[
              { value: '', label: q.unused },
              ...REFUND_KINDS.map((k) => ({ value: k, label: t.catalogue.questions.refunds[k] })),
            ]}
            error={errors[`p${i}-refund`]}
          />
        </div>
      ))}
    </Group>
  );
}
