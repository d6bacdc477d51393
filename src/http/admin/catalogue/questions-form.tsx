/**
 * The service form's intake questions and cancellation tiers (SPEC §10.1–10.2), without script:
 * every question a fieldset (order, key, type, a label per language, options one per line,
 * required, sensitive, retired) and one empty fieldset to add a question; reordering is the
 * "Order" numbers; a question is retired, never deleted, so its past answers keep their meaning.
 * Tiers are rows of "until … hours before: refund", in descending order, the last at 0.
 */
import { QUESTION_TYPES, REFUND_KINDS } from '../../../core/index.ts';
import { Checkbox, Group, Input, Select, TextArea } from '../form-kit/fields.tsx';
import { POLICY_ROWS } from './question-form-values.ts';

const TYPE_LABELS: Record<(typeof QUESTION_TYPES)[number], string> = {
  text: 'Short text',
  longText: 'Long text',
  choice: 'One of a list',
  multiChoice: 'Any of a list',
  yesNo: 'Yes or no',
  date: 'Date',
  number: 'Number',
};

const REFUND_LABELS: Record<(typeof REFUND_KINDS)[number], string> = {
  full: 'Full refund',
  deposit_kept: 'Deposit kept, the rest refunded',
  none: 'No refund (may still cancel online)',
  none_online: 'No online cancellation',
};

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', fr: 'French', de: 'German', es: 'Spanish' };

type Props = { readonly values: Readonly<Record<string, string>>; readonly errors: Readonly<Record<string, string>> };

/** Labels of the rows' fields for the error summary ("Question 2: key"). */
export function ruleLabels(values: Readonly<Record<string, string>>): Record<string, string> {
  const labels: Record<string, string> = {};
  const count = Number(values.qcount ?? 0);
  for (let i = 0; i < count; i++) {
    const n = `Question ${i + 1}`;
    for (const [f, l] of [
      ['order', 'order'],
      ['key', 'key'],
      ['type', 'type'],
      ['label-en', 'label'],
      ['options', 'options'],
    ])
      labels[`q${i}-${f}`] = `${n}: ${l}`;
  }
  for (let i = 0; i < POLICY_ROWS; i++) {
    labels[`p${i}-hours`] = `Cancellation rule ${i + 1}: hours`;
    labels[`p${i}-refund`] = `Cancellation rule ${i + 1}: refund`;
  }
  return labels;
}

export function QuestionsGroup({ values, errors }: Props) {
  const count = Number(values.qcount ?? 1);
  return (
    <Group
      legend="Questions clients answer when booking"
      hint="Asked on the details page, in this order. A sensitive answer (health, for example) is stored encrypted, never emailed or sent to webhooks, and shown only to admins and the booking's staff member. To stop asking a question, tick Retired: its past answers keep it."
    >
      <input type="hidden" name="qcount" value={String(count)} />
      {Array.from({ length: count }, (_, i) => (
        <QuestionRow i={i} last={i === count - 1} values={values} errors={errors} />
      ))}
    </Group>
  );
}

function QuestionRow({ i, last, values, errors }: Props & { i: number; last: boolean }) {
  const p = `q${i}-`;
  const v = (f: string) => values[`${p}${f}`] ?? '';
  const tags = v('tags') ? v('tags').split(',') : ['en', 'fr', 'de', 'es'];
  const isNew = last && v('key') === '';
  return (
    <fieldset class="group question-row">
      <legend>{isNew ? 'Add a question' : `Question ${i + 1}${v('key') ? `: ${v('key')}` : ''}`}</legend>
      <input type="hidden" name={`${p}tags`} value={tags.join(',')} />
      <div class="field-row">
        <Input name={`${p}order`} label="Order" type="number" value={v('order')} error={errors[`${p}order`]} />
        <Input
          name={`${p}key`}
          label="Key"
          value={v('key')}
          spellcheck={false}
          hint="A short name for the answer in the API and webhooks, e.g. allergies. It cannot change its type later."
          error={errors[`${p}key`]}
        />
        <Select
          name={`${p}type`}
          label="Type"
          value={v('type') || 'text'}
          options={QUESTION_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
          error={errors[`${p}type`]}
        />
      </div>
      {tags.map((tag) => (
        <Input
          name={`${p}label-${tag}`}
          label={`Question in ${LANGUAGE_NAMES[tag] ?? tag}`}
          value={v(`label-${tag}`)}
          hint={tag === 'en' ? 'Give it in every language clients book in; missing ones fall back.' : undefined}
          error={errors[`${p}label-${tag}`]}
        />
      ))}
      <TextArea
        name={`${p}options`}
        label="Options (for “one of” and “any of”)"
        value={v('options')}
        rows={3}
        hint="One per line as key: label, e.g. stairs: Stairs are difficult. In several languages: key: en=Label; fr=Libellé."
        error={errors[`${p}options`]}
      />
      <Checkbox name={`${p}required`} label="Required" checked={v('required') === 'on'} />
      <Checkbox name={`${p}sensitive`} label="Sensitive (health data and the like)" checked={v('sensitive') === 'on'} />
      {isNew ? null : (
        <Checkbox name={`${p}retired`} label="Retired (no longer asked)" checked={v('retired') === 'on'} />
      )}
    </fieldset>
  );
}

export function PolicyGroup({ values, errors }: Props) {
  return (
    <Group
      legend="Cancellation policy"
      hint="What a client’s online cancel refunds, by how long before the start it comes; from the earliest rule to the last, hours going down, the last at 0 (up to the start). Leave every row empty for free cancellation up to the business’s cancel notice."
    >
      {Array.from({ length: POLICY_ROWS }, (_, i) => (
        <div class="field-row">
          <Input
            name={`p${i}-hours`}
            label={`Rule ${i + 1}: until how many hours before`}
            type="number"
            value={values[`p${i}-hours`] ?? ''}
            error={errors[`p${i}-hours`]}
          />
          <Select
            name={`p${i}-refund`}
            label={`Rule ${i + 1}: refund`}
            value={values[`p${i}-refund`] ?? ''}
            options={[
              { value: '', label: '(unused)' },
              ...REFUND_KINDS.map((k) => ({ value: k, label: REFUND_LABELS[k] })),
            ]}
            error={errors[`p${i}-refund`]}
          />
        </div>
      ))}
    </Group>
  );
}
