/**
 * A member's dashboard account (whether they have one, have chosen a password; an admin can
 * invite them) and their private calendar feed (make, remake, turn off; the address is shown
 * once, in the answer to the form that made it).
 */
import type { User } from '../../../app/dashboard/accounts/account-store.ts';
import type { Actor } from '../../../app/dashboard/actor.ts';
import type { StaffMember } from '../../../app/model.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { Notice } from '../form-kit/fields.tsx';
import { Csrf } from '../layout.tsx';

export interface AccountPanelProps {
  readonly t: DashboardMessages;
  readonly csrf: string;
  readonly actor: Actor;
  readonly member: StaffMember;
  readonly user: User | null;
  readonly notice?: string | undefined;
}

function accountState(p: AccountPanelProps): string {
  const acc = p.t.staff.account;
  const self = p.actor.role === 'staff';
  if (!p.user) return acc.none(p.member.name);
  if (!p.user.hasPassword) return acc.invited(p.member.name, p.user.email);
  return self ? acc.self(p.user.email) : acc.has(p.member.name, p.user.email);
}

export function AccountPanel(p: AccountPanelProps) {
  const acc = p.t.staff.account;
  const canInvite = p.actor.role === 'admin' && !p.user?.hasPassword;
  return (
    <section class="panel" aria-labelledby="account">
      <h2 id="account">{acc.title}</h2>
      <Notice text={p.notice} />
      <p>{accountState(p)}</p>
      {canInvite ? (
        <form method="post" action={`/admin/staff/${p.member.id}/invite`}>
          <Csrf token={p.csrf} />
          <p class="hint" id="invite-hint">
            {acc.invites(p.member.email)}
          </p>
          <button type="submit" class="primary" aria-describedby="invite-hint">
            {p.user ? acc.inviteAgain : acc.invite}
          </button>
        </form>
      ) : null}
    </section>
  );
}

export interface FeedPanelProps {
  readonly t: DashboardMessages;
  readonly csrf: string;
  readonly member: StaffMember;
  readonly self: boolean;
  readonly active: boolean;
  readonly notice?: string | undefined;
}

export function FeedPanel(p: FeedPanelProps) {
  const feed = p.t.staff.feed;
  const whose = p.self ? feed.yours : feed.theirs(p.member.name);
  return (
    <section class="panel" aria-labelledby="feed">
      <h2 id="feed">{feed.title}</h2>
      <Notice text={p.notice} />
      <p>{feed.intro(whose)}</p>
      <p>
        <strong>{p.active ? feed.active : feed.none}</strong>
        {p.active ? feed.shownOnce : ''}
      </p>
      <div class="actions">
        <form method="post" action={`/admin/staff/${p.member.id}/feed`}>
          <Csrf token={p.csrf} />
          <button type="submit" class={p.active ? 'secondary' : 'primary'}>
            {p.active ? feed.makeNew : feed.make}
          </button>
        </form>
        {p.active ? (
          <form method="post" action={`/admin/staff/${p.member.id}/feed/revoke`}>
            <Csrf token={p.csrf} />
            <button type="submit" class="danger">
              {feed.turnOff}
            </button>
          </form>
        ) : null}
      </div>
    </section>
  );
}

/** The answer to making a feed address: the address, shown this once, and how to use it. */
export function FeedMade(p: { t: DashboardMessages; member: StaffMember; self: boolean; url: string }) {
  const { t } = p;
  const feed = t.staff.feed;
  return (
    <>
      <p class="crumbs">
        <a href={`/admin/staff/${p.member.id}#feed`}>{p.self ? t.common.nav.mySchedule : p.member.name}</a>
      </p>
      <h1>{p.self ? feed.yourFeed : feed.memberFeed(p.member.name)}</h1>
      <div class="note" role="status">
        <p>
          <strong>{feed.newAddress}</strong> {feed.copyNow}
        </p>
        <code class="secret">{p.url}</code>
      </div>
      <section class="panel" aria-labelledby="how">
        <h2 id="how">{feed.how}</h2>
        <ul>
          <li>{feed.google}</li>
          <li>{feed.apple}</li>
          <li>{feed.outlook}</li>
        </ul>
        <p>{feed.refresh}</p>
      </section>
      <p>
        <a href={`/admin/staff/${p.member.id}#feed`}>{p.self ? feed.backToMine : feed.backTo(p.member.name)}</a>
      </p>
    </>
  );
}

/** Removing a member (admins): deleted without bookings, deactivated with them. */
export function RemovePanel({ t, csrf, member }: { t: DashboardMessages; csrf: string; member: StaffMember }) {
  const rem = t.staff.removal;
  return (
    <section class="panel" aria-labelledby="remove">
      <h2 id="remove">{rem.title(member.name)}</h2>
      <p>{rem.text}</p>
      <form method="post" action={`/admin/staff/${member.id}/delete`}>
        <Csrf token={csrf} />
        <button type="submit" class="danger">
          {rem.title(member.name)}
        </button>
      </form>
    </section>
  );
}
