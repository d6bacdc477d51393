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
import type { Refusal } from '../../../app/result.ts';
import { dateOf, formatWallTime, instantToWall } from '../../../core/index.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import type { AppDeps } from '../../deps.ts';
import { PicturePanel } from '../../images/picture-panel.tsx';
import type { AdminEnv } from '../auth.ts';
import { type CalendarFormState, CalendarsPanel, calendarLabels } from '../calendars/calendars-panel.tsx';
import { ErrorSummary, ZoneList } from '../form-kit/fields.tsx';
import { localProblem } from '../form-kit/words.ts';
import { AdminLayout, adminPage, shellOf } from '../layout.tsx';
import { catalogRefusalPage } from '../refusal-page.tsx';
import { inviteRefusalWords } from './invite-refusal.ts';
import { AccountPanel, FeedPanel, RemovePanel } from './staff-access-panels.tsx';
import { type BlockFormState, BlocksPanel } from './staff-blocks.tsx';
import { type DateHoursFormState, DateHoursPanel, dateHoursLabels } from './staff-date-hours.tsx';
import { type DayOffFormState, DaysOff } from './staff-days-off.tsx';
import { type StaffFormState, staffFormOf } from './staff-form-values.ts';
import { HoursForm } from './staff-hours-form.tsx';
import { type HoursState, hoursFormOf, hoursLabels, hoursMessage } from './staff-hours-values.ts';
import { ProfileForm, staffLabels } from './staff-profile-form.tsx';

type Errors = Readonly<Record<string, string>>;

/** What a finished form said, shown in its own section (the redirect lands on it by #id). */
const DONE: Record<string, readonly [string, (t: DashboardMessages) => string]> = {
  created: ['hours', (t) => t.staff.done.created],
  profile: ['profile', (t) => t.staff.done.profile],
  hours: ['hours', (t) => t.staff.done.hours],
  'day-off-added': ['days-off', (t) => t.staff.done.dayOffAdded],
  'day-off-saved': ['days-off', (t) => t.staff.done.dayOffSaved],
  'day-off-removed': ['days-off', (t) => t.staff.done.dayOffRemoved],
  invited: ['account', (t) => t.staff.done.invited],
  'feed-off': ['feed', (t) => t.staff.done.feedOff],
  'date-hours': ['date-hours', (t) => t.staff.done.dateHours],
  'date-hours-removed': ['date-hours', (t) => t.staff.done.dateHoursRemoved],
  'block-added': ['blocks', (t) => t.staff.done.blockAdded],
  'block-removed': ['blocks', (t) => t.staff.done.blockRemoved],
  'calendar-added': ['calendars', (t) => t.calendars.done.added],
  'calendar-refreshed': ['calendars', (t) => t.calendars.done.refreshed],
  'calendar-failed': ['calendars', (t) => t.calendars.done.failed],
  'calendar-removed': ['calendars', (t) => t.calendars.done.removed],
};

/** The notice `?done=` asks for, if it belongs to `section`, in the page's words. */
export function doneNotice(t: DashboardMessages, done: string | undefined, section: string): string | undefined {
  const hit = done ? DONE[done] : undefined;
  return hit && hit[0] === section ? hit[1](t) : undefined;
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
  /** The invite use case's refusal, worded with the member's name (invite-refusal.ts). */
  readonly inviteError?: Refusal;
}

/**
 * What a refused form on the page got wrong, at the top of the page (it comes back scrolled to the
 * top), focused, linking to the fields in their section.
 */
function MemberProblems({
  t,
  extra,
  member,
}: {
  t: DashboardMessages;
  extra: MemberExtra;
  member: { readonly name: string; readonly email: string };
}) {
  const w = t.staff.member;
  const s = t.staff;
  if (extra.profile)
    return <ErrorSummary errors={extra.profile.errors} labels={staffLabels(t)} title={w.profileRefused} />;
  if (extra.hours) {
    const labels = hoursLabels(t, extra.hours.state.slots);
    return <ErrorSummary errors={extra.hours.errors} labels={labels} title={w.hoursRefused} />;
  }
  if (extra.dayOff)
    return <ErrorSummary errors={extra.dayOff.errors} labels={s.daysOff.labels} title={w.dayOffRefused} />;
  if (extra.dateHours)
    return <ErrorSummary errors={extra.dateHours.errors} labels={dateHoursLabels(t)} title={w.dateHoursRefused} />;
  if (extra.block) return <ErrorSummary errors={extra.block.errors} labels={s.blocks.labels} title={w.blockRefused} />;
  if (extra.calendar)
    return <ErrorSummary errors={extra.calendar.errors} labels={calendarLabels(t)} title={t.calendars.refused} />;
  if (extra.inviteError) {
    const said = inviteRefusalWords(extra.inviteError, member, t);
    return <ErrorSummary errors={{ '': said }} title={w.inviteRefused} />;
  }
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
  const { t } = shell;
  const s = t.staff;
  const sections: [string, string][] = [
    ['hours', s.hours.title],
    ['date-hours', s.dateHours.title],
    ['days-off', s.daysOff.title],
    ['blocks', s.blocks.title],
    ['calendars', t.calendars.title],
    ['profile', s.profile.title],
    ['account', s.account.title],
    ['feed', s.feed.title],
  ];
  const notice = (section: string) => doneNotice(t, extra.done, section);
  // A refused hours form's problems in the page's words (the rest: the form kit's).
  const hoursErrors = Object.fromEntries(
    Object.entries(extra.hours?.errors ?? {}).map(([k, message]) => [k, localProblem(hoursMessage(message, t), t)]),
  );
  const problems = extra.hours ? { ...extra, hours: { ...extra.hours, errors: hoursErrors } } : extra;
  return c.html(
    adminPage(
      <AdminLayout {...shell} title={self ? t.common.nav.mySchedule : m.name} current="staff">
        {self ? null : (
          <p class="crumbs">
            <a href="/admin/staff">{s.list.title}</a>
          </p>
        )}
        <h1>{self ? s.member.mySchedule(m.name) : m.name}</h1>
        {m.active ? null : <p class="note">{s.member.inactive}</p>}
        <MemberProblems t={t} extra={problems} member={m} />
        <nav class="page-toc" aria-label={s.member.onThisPage}>
          <ul>
            {sections.map(([id, label]) => (
              <li>
                <a href={`#${id}`}>{label}</a>
              </li>
            ))}
          </ul>
        </nav>
        <HoursForm
          t={t}
          csrf={shell.csrf}
          staffId={m.id}
          zone={zone}
          state={extra.hours?.state ?? hoursFormOf(m.hours)}
          errors={hoursErrors}
          notice={notice('hours')}
        />
        <DateHoursPanel
          t={t}
          csrf={shell.csrf}
          staffId={m.id}
          dateHours={m.dateHours}
          today={dateOf(now, zone)}
          add={extra.dateHours ?? NO_FORM}
          notice={notice('date-hours')}
        />
        <DaysOff
          t={t}
          csrf={shell.csrf}
          staffId={m.id}
          daysOff={daysOff.ok ? daysOff.value : []}
          today={dateOf(now, business.timezone)}
          add={extra.dayOff ?? NO_DAY_OFF}
          notice={notice('days-off')}
        />
        <BlocksPanel
          t={t}
          csrf={shell.csrf}
          staffId={m.id}
          blocks={blocks.ok ? blocks.value : []}
          zone={zone}
          now={localNow(now, zone)}
          add={extra.block ?? NO_FORM}
          notice={notice('blocks')}
        />
        <CalendarsPanel
          t={t}
          csrf={shell.csrf}
          staffId={m.id}
          calendars={calendars.ok ? calendars.value : []}
          zone={zone}
          pollMinutes={poll}
          add={extra.calendar ?? NO_FORM}
          notice={notice('calendars')}
        />
        <ProfileForm
          t={t}
          csrf={shell.csrf}
          actor={actor}
          editing={a}
          state={extra.profile?.state ?? staffFormOf(a)}
          errors={extra.profile?.errors ?? {}}
          notice={notice('profile')}
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
          t={t}
          csrf={shell.csrf}
          actor={actor}
          member={m}
          user={users.find((u) => u.staffId === m.id) ?? null}
          notice={notice('account')}
        />
        <FeedPanel
          t={t}
          csrf={shell.csrf}
          member={m}
          self={self}
          active={feed.ok && feed.value.active}
          notice={notice('feed')}
        />
        {self ? null : <RemovePanel t={t} csrf={shell.csrf} member={m} />}
        <ZoneList />
      </AdminLayout>,
    ),
    status,
  );
}
