/** POST /api/v1/bookings with `repeat` (API.md "Part two"): `201 {series: {id, bookings, skipped}, token, next}`. */
import type { Context } from 'hono';
import { viewBookings } from '../../app/booking-view.ts';
import { type CreateSeriesInput, createSeries } from '../../app/create-series.ts';
import { presentBooking } from '../../app/presenters/booking.ts';
import type { AppDeps } from '../deps.ts';
import { sendRefusal } from '../errors.ts';

export async function answerSeries(c: Context, deps: AppDeps, input: CreateSeriesInput): Promise<Response> {
  const r = await createSeries(deps, input);
  if (!r.ok) return sendRefusal(c, r);
  const { seriesId, bookings, skipped, token, next } = r.value;
  const now = deps.clock.now();
  const views = await viewBookings(deps, bookings);
  return c.json(
    {
      series: { id: seriesId, bookings: views.map((v) => presentBooking(v, now)), skipped },
      token,
      next,
    },
    201,
  );
}
