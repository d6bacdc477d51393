/**
 * A staff member's page: profile, weekly hours, days off, dashboard account, calendar feed and
 * (admins) removal, each its own form. Everything is read through the use cases as the caller, so
 * a staff member opening another member's page gets the 404 page, as for an unknown id.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { listUsers } from '../../../app/dashboard/accounts/list-users.ts';
import { listAdminServices } from '../../../app/dashboard/catalogue/service-reads.ts';
import { feedStatus } from '../../../app/dashboard/feeds/calendar-feed.ts';
import { listDaysOff } from '../../../app/dashboard/staff/day-off-reads.ts';
import { getAdminStaff } from '../../../app/dashboard/staff/staff-reads.ts';
import { getBusiness } from '../../../app/get-business.ts';
import { dateOf } from '../../../core/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { AdminEnv } from '../auth.ts';
import { ErrorSummary, ZoneList } from '../form-kit/fields.tsx';
import { AdminLayout, adminPage, shellOf } from '../layout.tsx';
import { catalogRefusalPage } from '../refusal-page.tsx';
import { AccountPanel, FeedPanel, RemovePanel } from './staff-access-panels.tsx';
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
  if (extra.inviteError) return <ErrorSummary errors={{ '': extra.inviteError }} title="No invitation was sent" />;
  return null;
}

const NO_DAY_OFF: DayOffFormState = { values: {}, errors: {} };

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
  const [shell, business, services, daysOff, feed, users] = await Promise.all([
    shellOf(c, deps),
    getBusiness(deps),
    listAdminServices(deps, actor),
    listDaysOff(deps, actor, staffId),
    feedStatus(deps, actor, staffId),
    listUsers(deps, actor),
  ]);
  const a = found.value;
  const m = a.member;
  const self = actor.role === 'staff';
  const zone = m.timezone ?? business.timezone;
  const sections: [string, string][] = [
    ['hours', 'Weekly hours'],
    ['days-off', 'Days off'],
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
        <DaysOff
          csrf={shell.csrf}
          staffId={m.id}
          daysOff={daysOff.ok ? daysOff.value : []}
          today={dateOf(deps.clock.now(), business.timezone)}
          add={extra.dayOff ?? NO_DAY_OFF}
          notice={doneNotice(extra.done, 'days-off')}
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
