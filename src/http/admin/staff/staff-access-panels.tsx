/**
 * A member's dashboard account (whether they have one, have chosen a password; an admin can
 * invite them) and their private calendar feed (make, remake, turn off; the address is shown
 * once, in the answer to the form that made it).
 */
import type { User } from '../../../app/dashboard/accounts/account-store.ts';
import type { Actor } from '../../../app/dashboard/actor.ts';
import type { StaffMember } from '../../../app/model.ts';
import { Notice } from '../form-kit/fields.tsx';
import { Csrf } from '../layout.tsx';

export interface AccountPanelProps {
  readonly csrf: string;
  readonly actor: Actor;
  readonly member: StaffMember;
  readonly user: User | null;
  readonly notice?: string | undefined;
}

function accountState(p: AccountPanelProps): string {
  const self = p.actor.role === 'staff';
  if (!p.user) return `${p.member.name} has no dashboard account yet.`;
  if (!p.user.hasPassword)
    return `${p.member.name} is invited (as ${p.user.email}) but has not chosen a password yet. The link in the invitation works for a limited time; send a new one if it has run out.`;
  return self
    ? `You sign in as ${p.user.email}. Change your password on the Account page.`
    : `${p.member.name} has a dashboard account and signs in as ${p.user.email}. They see only their own bookings and schedule. A forgotten password is reset from the sign-in page.`;
}

export function AccountPanel(p: AccountPanelProps) {
  const canInvite = p.actor.role === 'admin' && !p.user?.hasPassword;
  return (
    <section class="panel" aria-labelledby="account">
      <h2 id="account">Dashboard account</h2>
      <Notice text={p.notice} />
      <p>{accountState(p)}</p>
      {canInvite ? (
        <form method="post" action={`/admin/staff/${p.member.id}/invite`}>
          <Csrf token={p.csrf} />
          <p class="hint" id="invite-hint">
            Emails {p.member.email} a link to choose a password.
          </p>
          <button type="submit" class="primary" aria-describedby="invite-hint">
            {p.user ? 'Send the invitation again' : 'Invite to the dashboard'}
          </button>
        </form>
      ) : null}
    </section>
  );
}

export interface FeedPanelProps {
  readonly csrf: string;
  readonly member: StaffMember;
  readonly self: boolean;
  readonly active: boolean;
  readonly notice?: string | undefined;
}

export function FeedPanel(p: FeedPanelProps) {
  const whose = p.self ? 'your' : `${p.member.name}’s`;
  return (
    <section class="panel" aria-labelledby="feed">
      <h2 id="feed">Calendar feed</h2>
      <Notice text={p.notice} />
      <p>
        A private address to subscribe to {whose} confirmed bookings from Google Calendar (“From URL”), Apple Calendar
        (“New calendar subscription”) or Outlook (“Subscribe from web”). Anyone with the address can read the bookings:
        keep it private, and make a new one if it leaks.
      </p>
      <p>
        <strong>{p.active ? 'A feed address is active.' : 'No feed address.'}</strong>
        {p.active ? ' It was shown once, when it was made; make a new one if it is lost.' : ''}
      </p>
      <div class="actions">
        <form method="post" action={`/admin/staff/${p.member.id}/feed`}>
          <Csrf token={p.csrf} />
          <button type="submit" class={p.active ? 'secondary' : 'primary'}>
            {p.active ? 'Make a new address' : 'Make a feed address'}
          </button>
        </form>
        {p.active ? (
          <form method="post" action={`/admin/staff/${p.member.id}/feed/revoke`}>
            <Csrf token={p.csrf} />
            <button type="submit" class="danger">
              Turn the feed off
            </button>
          </form>
        ) : null}
      </div>
    </section>
  );
}

/** The answer to making a feed address: the address, shown this once, and how to use it. */
export function FeedMade(p: { member: StaffMember; self: boolean; url: string }) {
  return (
    <>
      <p class="crumbs">
        <a href={`/admin/staff/${p.member.id}#feed`}>{p.self ? 'My schedule' : p.member.name}</a>
      </p>
      <h1>{p.self ? 'Your calendar feed' : `${p.member.name}’s calendar feed`}</h1>
      <div class="note" role="status">
        <p>
          <strong>The new feed address.</strong> Copy it now: it will not be shown again. Any older address has stopped
          working.
        </p>
        <code class="secret">{p.url}</code>
      </div>
      <section class="panel" aria-labelledby="how">
        <h2 id="how">How to subscribe</h2>
        <ul>
          <li>Google Calendar: Other calendars, +, From URL, then paste the address.</li>
          <li>Apple Calendar: File, New Calendar Subscription, then paste the address.</li>
          <li>Outlook: Add calendar, Subscribe from web, then paste the address.</li>
        </ul>
        <p>Calendar apps refresh a subscription every few hours, so a new booking can take a while to appear.</p>
      </section>
      <p>
        <a href={`/admin/staff/${p.member.id}#feed`}>Back to {p.self ? 'my schedule' : p.member.name}</a>
      </p>
    </>
  );
}

/** Removing a member (admins): deleted without bookings, deactivated with them. */
export function RemovePanel({ csrf, member }: { csrf: string; member: StaffMember }) {
  return (
    <section class="panel" aria-labelledby="remove">
      <h2 id="remove">Remove {member.name}</h2>
      <p>
        A member without bookings is deleted with their dashboard account. One with bookings is deactivated instead:
        they leave the booking pages, can no longer sign in, and their calendar feed stops; their bookings stay for you
        to move or cancel.
      </p>
      <form method="post" action={`/admin/staff/${member.id}/delete`}>
        <Csrf token={csrf} />
        <button type="submit" class="danger">
          Remove {member.name}
        </button>
      </form>
    </section>
  );
}
