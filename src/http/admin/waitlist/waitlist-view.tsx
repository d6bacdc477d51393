/** The waitlist page's content: a date form and one table per service. */
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import type { presentGroups } from './present-waitlist.ts';

export function WaitlistContent(p: {
  t: DashboardMessages;
  date: string;
  groups: ReturnType<typeof presentGroups>;
  error: string | null;
}) {
  const w = p.t.waitlist;
  return (
    <>
      <h1>{w.title}</h1>
      <form method="get" action="/admin/waitlist" class="panel booking-search" aria-label={w.dayForm}>
        <p class="field">
          <label for="f-date">{w.date}</label>
          <input
            id="f-date"
            name="date"
            type="date"
            value={p.date}
            aria-invalid={p.error ? 'true' : undefined}
            aria-describedby={p.error ? 'e-date' : undefined}
          />
          {p.error ? (
            <span class="error" id="e-date">
              {p.error}
            </span>
          ) : null}
        </p>
        <p class="actions">
          <button type="submit" class="primary">
            {w.show}
          </button>
        </p>
      </form>
      {p.groups.length === 0 && !p.error ? <p>{w.nobody}</p> : null}
      {p.groups.map((g) => (
        <section class="panel" aria-labelledby={`wl-${g.service.id}`}>
          <h2 id={`wl-${g.service.id}`}>{g.service.name}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{w.columns.client}</th>
                <th scope="col">{w.columns.times}</th>
                <th scope="col">{w.columns.seats}</th>
                <th scope="col">{w.columns.status}</th>
                <th scope="col">{w.columns.offered}</th>
              </tr>
            </thead>
            <tbody>
              {g.entries.map((e, i) => (
                <tr>
                  <td>{i + 1}</td>
                  <td>
                    {e.client.name} &lt;{e.client.email}&gt;
                  </td>
                  <td>{e.from || e.to ? `${e.from ?? '…'}–${e.to ?? '…'}` : w.anyTime}</td>
                  <td>{e.seats}</td>
                  <td>{w.statuses[e.status]}</td>
                  <td>{e.offeredStart?.slice(11, 16) ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
