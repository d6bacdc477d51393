/**
 * "Repeat" on the dashboard's booking-by-phone form (SPEC §9.2): how often and how many times in
 * all; the same `repeat` as the API's. A conflict lists the taken dates (series-conflict text).
 */

import type { Refusal } from '../../../app/result.ts';
import { REPEAT_COUNT_MAX, REPEAT_COUNT_MIN } from '../../../core/index.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';

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
export function seriesConflictText(r: Refusal, t: DashboardMessages): string {
  const w = t.bookings.repeat;
  const conflicts = (r.details?.conflicts ?? []) as { start: string; alternatives: string[] }[];
  const at = (iso: string) =>
    new Intl.DateTimeFormat(t.common.intlLocale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
      Date.parse(iso),
    );
  const lines = conflicts.map((c) =>
    c.alternatives.length > 0 ? `${at(c.start)} (${w.free(c.alternatives.map(at).join(', '))})` : at(c.start),
  );
  return w.conflict(lines.join('; '));
}

export function RepeatFields(p: { values: RepeatValues; error?: string | undefined; t: DashboardMessages }) {
  const { values, error } = p;
  const w = p.t.bookings.repeat;
  return (
    <fieldset>
      <legend>{w.legend}</legend>
      <p class="field">
        <label for="f-repeat">{w.howOften}</label>
        <select id="f-repeat" name="repeat" aria-invalid={error ? 'true' : undefined}>
          <option value="" selected={!values.repeat}>
            {w.once}
          </option>
          <option value="weekly" selected={values.repeat === 'weekly'}>
            {w.weekly}
          </option>
          <option value="biweekly" selected={values.repeat === 'biweekly'}>
            {w.biweekly}
          </option>
          <option value="monthly" selected={values.repeat === 'monthly'}>
            {w.monthly}
          </option>
        </select>
      </p>
      <p class="field">
        <label for="f-repeatCount">{w.count}</label>
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
