/**
 * "Repeat" on the details page of a service that allows it (SPEC §9.2): two native selects (how
 * often, how many times in all), keyboard-usable as they are, errors announced like the others'.
 * The form's values become the API's `repeat`; the use case judges them.
 */

import type { Refusal } from '../../app/result.ts';
import { REPEAT_COUNT_MAX, REPEAT_COUNT_MIN, REPEAT_FREQUENCIES, type RepeatFrequency } from '../../core/index.ts';
import { formatShort } from '../../i18n/format.ts';
import type { PageContext } from './context.ts';

export interface RepeatValues {
  /** '' = only once. */
  readonly repeat?: string;
  readonly repeatCount?: number;
}

/** The form's repeat as the API's `repeat` (a frequency not offered is no repeat; the count is checked by the schema). */
export function repeatFromForm(field: (name: string) => string): RepeatValues & { body: object } {
  const frequency = REPEAT_FREQUENCIES.find((f) => f === field('repeat'));
  const count = /^\d{1,3}$/.test(field('repeatCount')) ? Number(field('repeatCount')) : REPEAT_COUNT_MIN;
  if (!frequency) return { repeat: '', repeatCount: count, body: {} };
  return { repeat: frequency, repeatCount: count, body: { repeat: { frequency, count } } };
}

/** A SERIES_CONFLICT in the person's language: each taken date, in their zone. */
export function seriesConflictText(ctx: PageContext, r: Refusal): string {
  const conflicts = (r.details?.conflicts ?? []) as { start: string }[];
  const dates = conflicts.map((c) => formatShort(Date.parse(c.start), ctx.tz, ctx.m.intlLocale)).join('; ');
  return ctx.m.details.seriesConflict(dates);
}

export function RepeatField(p: { ctx: PageContext; values: RepeatValues; error: string | undefined }) {
  const { m } = p.ctx;
  const names: Record<RepeatFrequency, string> = {
    weekly: m.details.repeatWeekly,
    biweekly: m.details.repeatBiweekly,
    monthly: m.details.repeatMonthly,
  };
  const described = p.error ? 'h-repeat e-repeat' : 'h-repeat';
  return (
    <fieldset class="field repeat">
      <legend>{m.details.repeat}</legend>
      <span class="hint" id="h-repeat">
        {m.details.repeatHint}
      </span>
      <p class="field">
        <label for="f-repeat">{m.details.repeat}</label>
        <select id="f-repeat" name="repeat" aria-invalid={p.error ? 'true' : undefined} aria-describedby={described}>
          <option value="" selected={!p.values.repeat}>
            {m.details.repeatOnce}
          </option>
          {REPEAT_FREQUENCIES.map((f) => (
            <option value={f} selected={p.values.repeat === f}>
              {names[f]}
            </option>
          ))}
        </select>
      </p>
      <p class="field">
        <label for="f-repeatCount">{m.details.repeatCount}</label>
        <select id="f-repeatCount" name="repeatCount" aria-describedby="h-repeat">
          {Array.from({ length: REPEAT_COUNT_MAX - REPEAT_COUNT_MIN + 1 }, (_, i) => i + REPEAT_COUNT_MIN).map((n) => (
            <option value={String(n)} selected={(p.values.repeatCount ?? REPEAT_COUNT_MIN) === n}>
              {String(n)}
            </option>
          ))}
        </select>
      </p>
      {p.error ? (
        <span class="error" id="e-repeat">
          {p.error}
        </span>
      ) : null}
    </fieldset>
  );
}
