/**
 * The month calendar: a table with the grid role, one cell per day, each announcing its date and
 * availability ("Monday 29 March 2027, 5 free times" / "…, fully booked"). Free days are links
 * (they work without script); past, closed and full days are not links, are marked aria-disabled,
 * and look different by more than colour (struck through or faded, plus the legend).
 * booker.js adds the keyboard grid: arrows, Home/End, Page Up/Down.
 */
// biome-ignore-all lint/a11y/noNoninteractiveElementToInteractiveRole: the month is ARIA's date grid, a table with role=grid and gridcells (booker.js makes it keyboard-operable)
// biome-ignore-all lint/a11y/useFocusableInteractive: in the grid the focusable element is the day inside each cell (booker.js roves the tab stop over them), as the grid pattern allows
import type { DaySummary } from '../../core/index.ts';
import { longDate, monthTitle, weekdayNames } from '../../i18n/format.ts';
import type { PageMessages } from '../../i18n/page-messages.ts';

export interface CalendarProps {
  readonly m: PageMessages;
  readonly month: string;
  readonly days: readonly DaySummary[];
  readonly selected: string | null;
  readonly today: string;
  readonly dayHref: (date: string) => string;
  readonly prevHref: string | null;
  readonly nextHref: string | null;
}

export function Calendar(p: CalendarProps) {
  const { m } = p;
  const first = p.days[0];
  if (!first) return null;
  // Monday-first weeks: blanks before the 1st.
  const lead = (new Date(`${first.date}T12:00:00Z`).getUTCDay() + 6) % 7;
  const cells: (DaySummary | null)[] = [...Array(lead).fill(null), ...p.days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const names = weekdayNames(m.intlLocale);
  const focusDate =
    p.selected && p.days.some((d) => d.date === p.selected)
      ? p.selected
      : (p.days.find((d) => d.status === 'available')?.date ?? first.date);
  return (
    <section class="cal" aria-labelledby="cal-title">
      <div class="cal-head">
        {p.prevHref ? (
          <a class="cal-nav" href={p.prevHref} data-month="prev" aria-label={m.book.previousMonth}>
            ‹
          </a>
        ) : (
          <span class="cal-nav" aria-hidden="true" />
        )}
        <h2 id="cal-title" aria-live="polite">
          {monthTitle(p.month, m.intlLocale)}
        </h2>
        {p.nextHref ? (
          <a class="cal-nav" href={p.nextHref} data-month="next" aria-label={m.book.nextMonth}>
            ›
          </a>
        ) : (
          <span class="cal-nav" aria-hidden="true" />
        )}
      </div>
      <table role="grid" class="cal-grid" aria-labelledby="cal-title" aria-describedby="cal-hint" data-calendar>
        <thead>
          <tr>
            {names.map((n) => (
              <th scope="col" abbr={n.long}>
                {n.short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr>
              {week.map((d) =>
                d === null ? (
                  <td role="gridcell" class="blank" />
                ) : (
                  <Day
                    m={m}
                    day={d}
                    selected={d.date === p.selected}
                    today={d.date === p.today}
                    href={p.dayHref(d.date)}
                    focus={d.date === focusDate}
                  />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="legend">
        <span>
          <span class="key key-available" aria-hidden="true" /> {m.book.legendAvailable}
        </span>{' '}
        <span>
          <span class="key key-full" aria-hidden="true" /> {m.book.legendFull}
        </span>{' '}
        <span>
          <span class="key key-closed" aria-hidden="true" /> {m.book.legendClosed}
        </span>
      </p>
      <p id="cal-hint" class="hint">
        {m.book.keyboardHint}
      </p>
    </section>
  );
}

function Day(p: { m: PageMessages; day: DaySummary; selected: boolean; today: boolean; href: string; focus: boolean }) {
  const { day, m } = p;
  const label = m.book.dayLabel(longDate(day.date, m.intlLocale), day.status, day.slots);
  const num = Number(day.date.slice(8));
  const cls = `day day-${day.status}${p.today ? ' today' : ''}`;
  return (
    <td role="gridcell" aria-selected={p.selected ? 'true' : undefined}>
      {day.status === 'available' ? (
        <a
          class={cls}
          href={p.href}
          aria-label={label}
          aria-current={p.today ? 'date' : undefined}
          data-date={day.date}
          data-focus={p.focus ? '' : undefined}
        >
          {num}
        </a>
      ) : (
        // biome-ignore lint/a11y/useSemanticElements: a day that cannot be chosen is a disabled link (an <a> without href has no role, so no name); it stays focusable for the arrow keys
        <span
          class={cls}
          aria-label={label}
          aria-disabled="true"
          role="link"
          tabindex={-1}
          aria-current={p.today ? 'date' : undefined}
          data-date={day.date}
          data-focus={p.focus ? '' : undefined}
        >
          {num}
        </span>
      )}
    </td>
  );
}
