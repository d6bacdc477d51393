/** The waitlist page's content: a date form and one table per service. */
import type { presentGroups } from './present-waitlist.ts';

export function WaitlistContent(p: { date: string; groups: ReturnType<typeof presentGroups>; error: string | null }) {
  return (
    <>
      <h1>Waitlist</h1>
      <form method="get" action="/admin/waitlist" class="panel booking-search" aria-label="Day of the waitlist">
        <p class="field">
          <label for="f-date">Date</label>
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
            Show
          </button>
        </p>
      </form>
      {p.groups.length === 0 && !p.error ? <p>Nobody is waiting on this day.</p> : null}
      {p.groups.map((g) => (
        <section class="panel" aria-labelledby={`wl-${g.service.id}`}>
          <h2 id={`wl-${g.service.id}`}>{g.service.name}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Client</th>
                <th scope="col">Times</th>
                <th scope="col">Seats</th>
                <th scope="col">Status</th>
                <th scope="col">Offered</th>
              </tr>
            </thead>
            <tbody>
              {g.entries.map((e, i) => (
                <tr>
                  <td>{i + 1}</td>
                  <td>
                    {e.client.name} &lt;{e.client.email}&gt;
                  </td>
                  <td>{e.from || e.to ? `${e.from ?? '…'}–${e.to ?? '…'}` : 'any time'}</td>
                  <td>{e.seats}</td>
                  <td>{e.status}</td>
                  <td>{e.offeredStart ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
