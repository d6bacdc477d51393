/**
 * The picker on the page: staff choice (under the business's staffLabel), the month calendar, the
 * chosen day's free times as radio buttons and Next. Every control is a plain link or form, so the
 * page works without script; booker.js only adds the keyboard grid, auto-submit and Next's state.
 */
import type { ServiceOffer } from '../../app/list-services.ts';
import { formatInstant } from '../../core/index.ts';
import { clockTime, longDate, zoneName } from '../../i18n/format.ts';
import { Calendar } from './calendar.tsx';
import type { PageContext } from './context.ts';
import { Clock, WithZone } from './local-time.tsx';
import type { PickerData } from './picker.ts';
import { StaffBio, StaffPicture } from './pictures.tsx';

export interface PickerViewProps {
  readonly ctx: PageContext;
  readonly offer: ServiceOffer;
  readonly data: PickerData;
  /** Where the picker's own links go (the booking page or the reschedule page). */
  readonly basePath: string;
  /** The form the chosen time is sent with. */
  readonly action: string;
  readonly method: 'get' | 'post';
  readonly submitLabel: string;
  /** Whether the staff member may be chosen (rescheduling may forbid it). */
  readonly staffChoice: boolean;
  /** Whether "Any available" is offered (not when moving a booking: it keeps a named member). */
  readonly anyOption: boolean;
  readonly notice?: string | undefined;
}

export function PickerView(p: PickerViewProps) {
  const { ctx, offer, data } = p;
  const { m } = ctx;
  const link = (q: Record<string, string>) => {
    const params = new URLSearchParams({ staff: data.staff, ...q });
    if (ctx.url.searchParams.get('tz')) params.set('tz', ctx.tz);
    return `${p.basePath}?${params}`;
  };
  const showBusiness = ctx.tz !== ctx.business.timezone;
  const { nextFree } = data;
  return (
    <>
      {p.notice ? (
        <p class="alert" role="alert" tabindex={-1} data-focus-on-load>
          {p.notice}
        </p>
      ) : null}
      {p.staffChoice && offer.staff.length > 1 ? (
        <form method="get" action={p.basePath} class="staff" data-autosubmit>
          <fieldset>
            <legend>{ctx.business.staffLabel}</legend>
            {p.anyOption ? (
              <label>
                <input type="radio" name="staff" value="any" checked={data.staff === 'any'} /> {m.book.anyStaff}
              </label>
            ) : null}
            {offer.staff.map((s) => (
              <label>
                <input type="radio" name="staff" value={s.id} checked={data.staff === s.id} />{' '}
                <StaffPicture member={s} />
                {s.name}
                <StaffBio member={s} />
              </label>
            ))}
          </fieldset>
          <input type="hidden" name="date" value={data.date} />
          {ctx.url.searchParams.get('tz') ? <input type="hidden" name="tz" value={ctx.tz} /> : null}
          <button type="submit" class="secondary" data-nojs>
            {m.book.show}
          </button>
        </form>
      ) : (
        <p class="staff-one">
          {ctx.business.staffLabel}: <StaffPicture member={offer.staff.find((s) => s.id === data.staff)} />
          <strong>{offer.staff.find((s) => s.id === data.staff)?.name ?? m.book.anyStaff}</strong>
          <StaffBio member={offer.staff.find((s) => s.id === data.staff)} />
        </p>
      )}
      <div class="picker">
        <Calendar
          m={m}
          month={data.month}
          days={data.days}
          selected={data.date}
          today={data.today}
          dayHref={(date) => `${link({ date })}#times`}
          prevHref={data.prevMonth ? link({ month: data.prevMonth, date: data.date }) : null}
          nextHref={data.nextMonth ? link({ month: data.nextMonth, date: data.date }) : null}
        />
        <form method={p.method} action={p.action} class="times" id="times" data-times>
          <fieldset>
            <legend>{m.book.slotsFor(longDate(data.date, m.intlLocale))}</legend>
            <p class="hint">
              <WithZone ctx={ctx} phrase={m.book.timesIn} />{' '}
              <a href="#zone" class="zone-link">
                {m.book.changeZone}
              </a>
            </p>
            {data.slots.length === 0 ? (
              <p>
                {m.book.noSlots}{' '}
                {nextFree ? (
                  <a href={`${link({ date: nextFree })}#times`}>{m.book.firstFree(longDate(nextFree, m.intlLocale))}</a>
                ) : null}
              </p>
            ) : (
              <div
                class="slots"
                data-business-time={
                  showBusiness ? undefined : m.book.businessTime(zoneName(ctx.business.timezone), '%t')
                }
              >
                {data.slots.map((s) => (
                  <label class="slot">
                    <input type="radio" name="start" value={formatInstant(s.start, ctx.tz)} required />
                    <span>
                      <Clock ctx={ctx} at={s.start} />
                      {showBusiness ? (
                        <small>
                          {m.book.businessTime(
                            zoneName(ctx.business.timezone),
                            clockTime(s.start, ctx.business.timezone, m.intlLocale),
                          )}
                        </small>
                      ) : null}
                    </span>
                  </label>
                ))}
              </div>
            )}
          </fieldset>
          <input type="hidden" name="staff" value={data.staff} />
          <input type="hidden" name="tz" value={ctx.tz} />
          <p class="actions">
            <button
              type="submit"
              class="primary"
              data-next
              aria-describedby="next-hint"
              disabled={data.slots.length === 0}
            >
              {p.submitLabel}
            </button>
            <span id="next-hint" class="hint" data-next-hint>
              {m.book.nextHint}
            </span>
          </p>
        </form>
      </div>
      <details class="zone" id="zone">
        <summary>{m.book.changeZone}</summary>
        <form method="get" action={p.basePath}>
          <input type="hidden" name="staff" value={data.staff} />
          <input type="hidden" name="date" value={data.date} />
          <label>
            {m.book.zone}{' '}
            <select name="tz">
              {zoneList(ctx.tz).map((z) => (
                <option value={z} selected={z === ctx.tz}>
                  {zoneName(z)}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="submit" class="secondary">
            {m.book.apply}
          </button>
        </form>
      </details>
    </>
  );
}

let zones: string[] | null = null;

/** Every zone the runtime knows, with the current one even when it is an alias (e.g. UTC). */
function zoneList(current: string): string[] {
  zones ??= Intl.supportedValuesOf('timeZone');
  const all = zones;
  return all.includes(current) ? all : [current, ...all];
}
