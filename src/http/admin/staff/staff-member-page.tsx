/**
 * A staff member's page — their schedule in one place: weekly hours, hours on particular dates,
 * days off, time off with times, busy times from other calendars (SPEC §8) — then profile,
 * dashboard account, calendar feed and (admins) removal, each its own form. Everything is read through the use cases as the caller, so
 * a staff member opening another member's page gets the 404 page, as for an unknown id.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { listUsers } from '../../../app/dashboard/accounts/list-users.ts';
import { listCalendars } from '../../../app/dashboard/calendars/calendar-reads.ts';
import { listAdminServices } from '../../../app/dashboard/catalogue/service-reads.ts';
import { feedStatus } from '../../../app/dashboard/feeds/calendar-feed.ts';
import { listBlocks } from '../../../app/dashboard/staff/blocks.ts';
import { listDaysOff } from '../../../app/dashboard/staff/day-off-reads.ts';
import { getAdminStaff } from '../../../app/dashboard/staff/staff-reads.ts';
import { getBusiness } from '../../../app/get-business.ts';
import { dateOf, formatWallTime, instantToWall } from '../../../core/index.ts';
import type { AppDeps } from '../../deps.ts';
import { PicturePanel } from '../../images/picture-panel.tsx';
import type { AdminEnv } from '../auth.ts';
import { CALENDAR_LABELS, type CalendarFormState, CalendarsPanel } from '../calendars/calendars-panel.tsx';
import { ErrorSummary, ZoneList } from '../form-kit/fields.tsx';
import { AdminLayout, adminPage, shellOf } from '../layout.tsx';
import { catalogRefusalPage } from '../refusal-page.tsx';
import { AccountPanel, FeedPanel, RemovePanel } from './staff-access-panels.tsx';
import { BLOCK_LABELS, type BlockFormState, BlocksPanel } from './staff-blocks.tsx';
import { DATE_HOURS_LABELS, type DateHoursFormState, DateHoursPanel } from './staff-date-hours.tsx';
import { DAY_OFF_LABELS, type DayOffFormState, DaysOff } from './staff-days-off.tsx';
import { type StaffFormState, staffFormOf } from './staff-form-values.ts';
import { HoursForm } from './staff-hours-form.tsx';
import { type HoursState, hoursFormOf, hoursLabels } from './staff-hours-values.ts';
import { ProfileForm, STAFF_LABELS } from './staff-profile-form.tsx';

type Errors = Readonly<Record<string, string>>;

/** What a finished form said, shown in its own section (the redirect lands on it by #id). */
const DONE: Record<string, readonly [string, string]> = {
  created: ['hours', 'The staff member is added: now set their weekly hours.'],
  profile: ['profile', 'The profile is saved.'],
  hours: ['hours', 'The weekly hours are saved: the booking calendar follows them at once.'],
  'day-off-added': ['days-off', 'The day off is added: those days are closed on the booking calendar.'],
  'day-off-saved': ['days-off', 'The day off is saved.'],
  'day-off-removed': ['days-off', 'The day off is removed: those days are offered again.'],
  invited: ['account', 'The invitation is sent: an email with a link to choose a password is on its way.'],
  'feed-off': ['feed', 'The calendar feed is turned off: its address no longer works.'],
  'date-hours': ['date-hours', 'The hours of that date are saved: the booking calendar follows them at once.'],
  'date-hours-removed': ['date-hours', 'The date has its weekly hours again.'],
  'block-added': ['blocks', 'The time off is added: those times are closed on the booking calendar.'],
  'block-removed': ['blocks', 'The time off is removed: those times are offered again.'],
  'calendar-added': ['calendars', 'The calendar is subscribed and fetched: its busy times are no longer bookable.'],
  'calendar-refreshed': ['calendars', 'The calendar is fetched again.'],
  'calendar-failed': ['calendars', 'The calendar could not be fetched: see its state below.'],
  'calendar-removed': ['calendars', 'The calendar is removed: its busy times are bookable again.'],
};

/** The notice `?done=` asks for, if it belongs to `section`. */
export function doneNotice(done: string | undefined, section: string): string | undefined {
  const hit = done ? DONE[done] : undefined;
  return hit && hit[0] === section ? hit[1] : undefined;
}

/** What a refused form or a one-time answer adds to the page. */
export interface MemberExtra {
  /** A finished form's `?done=` key. */
  readonly done?: string | undefined;
  readonly profile?: { readonly state: StaffFormState; readonly errors: Errors };
  readonly hours?: { readonly state: HoursState; readonly errors: Errors };
  readonly dayOff?: DayOffFormState;
  readonly dateHours?: DateHoursFormState;
  readonly block?: BlockFormState;
  readonly calendar?: CalendarFormState;
  readonly inviteError?: string;
}

/**
 * What a refused form on the page got wrong, at the top of the page (it comes back scrolled to the
 * top), focused, linking to the fields in their section.
 */
function MemberProblems({ extra }: { extra: MemberExtra }) {
  if (extra.profile)
    return <ErrorSummary errors={extra.profile.errors} labels={STAFF_LABELS} title="The profile was not saved" />;
  if (extra.hours) {
    const labels = hoursLabels(extra.hours.state.slots);
    return <ErrorSummary errors={extra.hours.errors} labels={labels} title="The weekly hours were not saved" />;
  }
  if (extra.dayOff)
    return <ErrorSummary errors={extra.dayOff.errors} labels={DAY_OFF_LABELS} title="The day off was not added" />;
  if (extra.dateHours) {
    const title = 'The hours of the date were not saved';
    return <ErrorSummary errors={extra.dateHours.errors} labels={DATE_HOURS_LABELS} title={title} />;
  }
  if (extra.block)
    return <ErrorSummary errors={extra.block.errors} labels={BLOCK_LABELS} title="The time off was not added" />;
  if (extra.calendar)
    return <ErrorSummary errors={extra.calendar.errors} labels={CALENDAR_LABELS} title="The calendar was not added" />;
  if (extra.inviteError) return <ErrorSummary errors={{ '': extra.inviteError }} title="No invitation was sent" />;
  return null;
}

const NO_DAY_OFF: DayOffFormState = { values: {}, errors: {} };
const NO_FORM = { values: {}, errors: {} } as const;

/** A local date-time `YYYY-MM-DDTHH:MM` of an instant in a zone (blocks are compared as such text). */
const localNow = (at: number, zone: string) => {
  const { date, minutes } = instantToWall(at, zone);
  return `${date}T${formatWallTime(minutes)}`;
};

export async function renderMember(
  c: Context<AdminEnv>,
  deps: AppDeps,
  staffId: string,
  extra: MemberExtra = {},
  status: ContentfulStatusCode = 200,
) {
  const actor = c.get('actor');
  const found = await getAdminStaff(deps, actor, staffId);
  if (!found.ok) return catalogRefusalPage(c, deps, found, 'staff');
  const [shell, business, services, daysOff, blocks, calendars, feed, users] = await Promise.all([
    shellOf(c, deps),
    getBusiness(deps),
    listAdminServices(deps, actor),
    listDaysOff(deps, actor, staffId),
    listBlocks(deps, actor, staffId),
    listCalendars(deps, actor, staffId),
    feedStatus(deps, actor, staffId),
    listUsers(deps, actor),
  ]);
  const a = found.value;
  const m = a.member;
  const self = actor.role === 'staff';
  const zone = m.timezone ?? business.timezone;
  const now = deps.clock.now();
  const poll =
    deps.calendarPollMs === undefined ? 10 : deps.calendarPollMs === null ? null : deps.calendarPollMs / 60_000;
  const sections: [string, string][] = [
    ['hours', 'Weekly hours'],
    ['date-hours', 'Hours on particular dates'],
    ['days-off', 'Days off'],
    ['blocks', 'Time off with times'],
    ['calendars', 'Busy times from other calendars'],
    ['profile', 'Profile'],
    ['account', 'Dashboard account'],
    ['feed', 'Calendar feed'],
  ];
  return c.html(
    adminPage(
      <AdminLayout {...shell} title={self ? 'My schedule' : m.name} current="staff">
        {self ? null : (
          <p class="crumbs">
            <a href="/admin/staff">Staff</a>
          </p>
        )}
        <h1>{self ? `My schedule — ${m.name}` : m.name}</h1>
        {m.active ? null : <p class="note">Inactive: not shown on the booking pages.</p>}
        <MemberProblems extra={extra} />
        <nav class="page-toc" aria-label="On this page">
          <ul>
            {sections.map(([id, label]) => (
              <li>
                <a href={`#${id}`}>{label}</a>
              </li>
            ))}
          </ul>
        </nav>
        <HoursForm
          csrf={shell.csrf}
          staffId={m.id}
          zone={zone}
          state={extra.hours?.state ?? hoursFormOf(m.hours)}
          errors={extra.hours?.errors ?? {}}
          notice={doneNotice(extra.done, 'hours')}
        />
        <DateHoursPanel
          csrf={shell.csrf}
          staffId={m.id}
          dateHours={m.dateHours}
          today={dateOf(now, zone)}
          add={extra.dateHours ?? NO_FORM}
          notice={doneNotice(extra.done, 'date-hours')}
        />
        <DaysOff
          csrf={shell.csrf}
          staffId={m.id}
          daysOff={daysOff.ok ? daysOff.value : []}
          today={dateOf(now, business.timezone)}
          add={extra.dayOff ?? NO_DAY_OFF}
          notice={doneNotice(extra.done, 'days-off')}
        />
        <BlocksPanel
          csrf={shell.csrf}
          staffId={m.id}
          blocks={blocks.ok ? blocks.value : []}
          zone={zone}
          now={localNow(now, zone)}
          add={extra.block ?? NO_FORM}
          notice={doneNotice(extra.done, 'blocks')}
        />
        <CalendarsPanel
          csrf={shell.csrf}
          staffId={m.id}
          calendars={calendars.ok ? calendars.value : []}
          zone={zone}
          pollMinutes={poll}
          add={extra.calendar ?? NO_FORM}
          notice={doneNotice(extra.done, 'calendars')}
        />
        <ProfileForm
          csrf={shell.csrf}
          actor={actor}
          editing={a}
          state={extra.profile?.state ?? staffFormOf(a)}
          errors={extra.profile?.errors ?? {}}
          notice={doneNotice(extra.done, 'profile')}
          services={services.map((s) => s.service)}
          business={business}
        />
        <PicturePanel
          csrf={shell.csrf}
          action={`/admin/staff/${m.id}/photo`}
          field="photo"
          current={m.photo}
          owner={m.name}
          outcome={c.req.query('picture')}
        />
        <AccountPanel
          csrf={shell.csrf}
          actor={actor}
          member={m}
          user={users.find((u) => u.staffId === m.id) ?? null}
          notice={doneNotice(extra.done, 'account')}
        />
        <FeedPanel
          csrf={shell.csrf}
          member={m}
          self={self}
          active={feed.ok && feed.value.active}
          notice={doneNotice(extra.done, 'feed')}
        />
        {self ? null : <RemovePanel csrf={shell.csrf} member={m} />}
        <ZoneList />
      </AdminLayout>,
    ),
    status,
  );
}
