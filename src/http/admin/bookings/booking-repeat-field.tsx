/**
 * "Repeat" on the dashboard's booking-by-phone form (SPEC §9.2): how often and how many times in
 * all; the same `repeat` as the API's. A conflict lists the taken dates (series-conflict text).
 */

import type { Refusal } from '../../../app/result.ts';
import { REPEAT_COUNT_MAX, REPEAT_COUNT_MIN } from '../../../core/index.ts';
import { LOCALE } from './booking-format.ts';

export interface RepeatValues {
  /** '' = only once. */
  readonly repeat?: string;
  readonly repeatCount?: string;
}

/** The form's repeat as the body's `repeat` (checked by the schema: frequency and 2–52). */
export function repeatBody(v: RepeatValues): { repeat?: { frequency: string; count: number } } {
  if (!v.repeat) return {};
  return { repeat: { frequency: v.repeat, count: /^\d{1,3}$/.test(v.repeatCount ?? '') ? Number(v.repeatCount) : 0 } };
}

/** 409 SERIES_CONFLICT as a sentence: each taken date with the nearest free times. */
export function seriesConflictText(r: Refusal): string {
  const conflicts = (r.details?.conflicts ?? []) as { start: string; alternatives: string[] }[];
  const at = (iso: string) =>
    new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
      Date.parse(iso),
    );
  const lines = conflicts.map((c) =>
    c.alternatives.length > 0 ? `${at(c.start)} (free: ${c.alternatives.map(at).join(', ')})` : at(c.start),
  );
  return `Not booked: these dates are taken — ${lines.join('; ')}. (Times in UTC.)`;
}

export function RepeatFields({ values, error }: { values: RepeatValues; error?: string | undefined }) {
  return (
    <fieldset>
      <legend>Repeat</legend>
      <p class="field">
        <label for="f-repeat">How often</label>
        <select id="f-repeat" name="repeat" aria-invalid={error ? 'true' : undefined}>
          <option value="" selected={!values.repeat}>
            Only once
          </option>
          <option value="weekly" selected={values.repeat === 'weekly'}>
            Every week
          </option>
          <option value="biweekly" selected={values.repeat === 'biweekly'}>
            Every two weeks
          </option>
          <option value="monthly" selected={values.repeat === 'monthly'}>
            Every month, same weekday
          </option>
        </select>
      </p>
      <p class="field">
        <label for="f-repeatCount">Times in all</label>
        <input
          id="f-repeatCount"
          name="repeatCount"
          type="number"
          min={REPEAT_COUNT_MIN}
          max={REPEAT_COUNT_MAX}
          value={values.repeatCount ?? String(REPEAT_COUNT_MIN)}
        />
      </p>
      {error ? (
        <p class="error" id="e-repeat">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
