/**
 * `/` until the booking pages arrive: the business, its services and working links into the JSON
 * API (month and first available day of each service), plus how to book with curl.
 */
import { raw } from 'hono/html';
import { getMonthAvailability } from '../../app/get-month-availability.ts';
import { listServices } from '../../app/list-services.ts';
import { dateOf, monthOf, toDecimal } from '../../core/index.ts';
import type { AppDeps } from '../deps.ts';

export async function homePage(deps: AppDeps): Promise<string> {
  const business = await deps.store.getBusiness();
  const now = deps.clock.now();
  const month = monthOf(dateOf(now, business.timezone));
  const offers = await listServices(deps);
  const rows = await Promise.all(
    offers.map(async (o) => {
      const m = await getMonthAvailability(deps, { service: o.service.slug, staff: 'any', month });
      const first = m.ok ? m.value.firstAvailable : null;
      return { o, first };
    }),
  );
  const page = (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{business.name} — Slotwise</title>
        <style>{raw(STYLE)}</style>
      </head>
      <body>
        <main>
          <h1>{business.name}</h1>
          <p>
            Bookings are open through the JSON API while the booking pages are being built. Times are in{' '}
            <strong>{business.timezone}</strong> unless you pass <code>tz</code>.
          </p>
          <h2>Services</h2>
          {rows.length === 0 ? (
            <p>
              No services yet: import a set-up file with <code>slotwise import</code>.
            </p>
          ) : null}
          <ul>
            {rows.map(({ o, first }) => (
              <li>
                <strong>{o.service.name}</strong> — {o.service.durationMinutes} min,{' '}
                {o.service.price === 0 ? 'free' : `${toDecimal(o.service.price, o.currency)} ${o.currency}`} — with{' '}
                {o.staff.map((s) => s.name).join(', ') || 'nobody yet'}
                <br />
                <a href={`/api/v1/services/${o.service.slug}`}>service</a> ·{' '}
                <a href={`/api/v1/availability/month?service=${o.service.slug}&staff=any&month=${month}`}>
                  month {month}
                </a>
                {first ? (
                  <>
                    {' '}
                    ·{' '}
                    <a href={`/api/v1/availability/day?service=${o.service.slug}&staff=any&date=${first}`}>
                      slots on {first} (first free day)
                    </a>
                  </>
                ) : (
                  ' · no free slot within the booking horizon'
                )}
              </li>
            ))}
          </ul>
          <h2>Book with curl</h2>
          <pre>{`curl -s -X POST ${deps.publicUrl}/api/v1/bookings \\
  -H 'Content-Type: application/json' \\
  -d '{"service":"<slug>","staff":"any","start":"<a slot start from the day view>",
       "client":{"name":"Ada Lovelace","email":"ada@example.com"},"payment":"none"}'`}</pre>
          <h2>API</h2>
          <ul>
            <li>
              <a href="/api/v1/business">GET /api/v1/business</a>
            </li>
            <li>
              <a href="/api/v1/services">GET /api/v1/services</a>
            </li>
            <li>GET /api/v1/availability/month?service=&amp;staff=&amp;month=YYYY-MM&amp;tz=</li>
            <li>GET /api/v1/availability/day?service=&amp;staff=&amp;date=YYYY-MM-DD&amp;tz=</li>
            <li>POST /api/v1/bookings</li>
          </ul>
        </main>
      </body>
    </html>
  );
  return `<!doctype html>${page}`;
}

const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1d232b;background:#f7f7f5}
main{max-width:46rem;margin:0 auto;padding:1.5rem}
h1{margin-top:0}li{margin:.5rem 0}
pre{background:#fff;border:1px solid #ddd;padding:.75rem;overflow-x:auto;font-size:.85rem}
a{color:#1a56b0}`;
