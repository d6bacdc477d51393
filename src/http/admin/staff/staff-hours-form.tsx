/**
 * The weekly hours editor: a table with a row per weekday and a from–to pair of time inputs per
 * range; a day whose slots are all empty reads "Not working". Errors name the day and range, in
 * the summary and in the day's row.
 */
import { WEEKDAYS, type Weekday } from '../../../core/index.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { Notice } from '../form-kit/fields.tsx';
import { Csrf } from '../layout.tsx';
import { type HoursState, slotName } from './staff-hours-values.ts';

export interface HoursFormProps {
  readonly t: DashboardMessages;
  readonly csrf: string;
  readonly staffId: string;
  /** The zone the hours are wall-clock times in. */
  readonly zone: string;
  readonly state: HoursState;
  readonly errors: Readonly<Record<string, string>>;
  readonly notice?: string | undefined;
}

function dayErrors(t: DashboardMessages, day: Weekday, slots: number, errors: Readonly<Record<string, string>>) {
  const out: string[] = [];
  if (errors[day]) out.push(errors[day]);
  for (let j = 0; j < slots; j++) {
    const e = errors[slotName(day, j, 'from')] ?? errors[slotName(day, j, 'to')];
    if (e) out.push(t.staff.hours.rangeProblem(j + 1, e));
  }
  return out;
}

/** "09:00–13:00, 14:00–18:00", or "Not working". */
function summary(t: DashboardMessages, day: Weekday, state: HoursState): string {
  const ranges: string[] = [];
  for (let j = 0; j < state.slots; j++) {
    const from = state.values[slotName(day, j, 'from')];
    const to = state.values[slotName(day, j, 'to')];
    if (from && to) ranges.push(`${from}–${to === '00:00' ? '24:00' : to}`);
  }
  return ranges.length > 0 ? ranges.join(', ') : t.staff.notWorking;
}

export function HoursForm(p: HoursFormProps) {
  const { t } = p;
  const h = t.staff.hours;
  const slots = Array.from({ length: p.state.slots }, (_, j) => j);
  return (
    <section class="panel" aria-labelledby="hours">
      <h2 id="hours">{h.title}</h2>
      <Notice text={p.notice} />
      <p class="hint" id="hours-hint">
        {h.hint(p.zone, p.state.slots)}
      </p>
      <form method="post" action={`/admin/staff/${p.staffId}/hours`} novalidate>
        <Csrf token={p.csrf} />
        <div class="table-wrap">
          <table class="list hours">
            <caption class="visually-hidden">{h.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{h.day}</th>
                {slots.map((j) => (
                  <th scope="col">{h.range(j + 1)}</th>
                ))}
                <th scope="col">{h.hours}</th>
              </tr>
            </thead>
            <tbody>
              {WEEKDAYS.map((day) => {
                const problems = dayErrors(t, day, p.state.slots, p.errors);
                const dayName = t.staff.days[day];
                return (
                  <tr>
                    <th scope="row" id={`f-${day}`}>
                      {dayName}
                    </th>
                    {slots.map((j) => (
                      <td>
                        <span class="range">
                          {(['from', 'to'] as const).map((end) => {
                            const name = slotName(day, j, end);
                            const bad = Boolean(p.errors[name] || (p.errors[day] && j === 0));
                            return (
                              <>
                                <label class="visually-hidden" for={`f-${name}`}>
                                  {end === 'from' ? h.from(dayName, j + 1) : h.to(dayName, j + 1)}
                                </label>
                                <input
                                  id={`f-${name}`}
                                  name={name}
                                  type="time"
                                  value={p.state.values[name] ?? ''}
                                  aria-invalid={bad ? 'true' : undefined}
                                  aria-describedby={bad ? `e-${day}` : undefined}
                                />
                                {end === 'from' ? (
                                  <span class="dash" aria-hidden="true">
                                    –
                                  </span>
                                ) : null}
                              </>
                            );
                          })}
                        </span>
                      </td>
                    ))}
                    <td>
                      {problems.length > 0 ? (
                        <span class="error" id={`e-${day}`}>
                          {problems.join(' ')}
                        </span>
                      ) : (
                        summary(t, day, p.state)
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p class="actions">
          <button type="submit" class="primary">
            {h.save}
          </button>
        </p>
      </form>
    </section>
  );
}
