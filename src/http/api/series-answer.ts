/** POST /api/v1/bookings with `repeat` (API.md "Part two"): `201 {series: {id, bookings, skipped}, token, next}`. */
import type { Context } from 'hono';
import { viewBookings } from '../../app/booking-view.ts';
import { cancelSeriesByClient, listSeriesOf, type SeriesCancel } from '../../app/cancel-series.ts';
import { type CreateSeriesInput, createSeries } from '../../app/create-series.ts';
import type { Booking } from '../../app/model.ts';
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

/** The manage answer's `series: {id, bookings}` for an occurrence of a series; nothing for a single booking. */
export async function seriesPart(deps: AppDeps, booking: Booking) {
  const all = await listSeriesOf(deps, booking);
  if (all.length === 0) return {};
  const now = deps.clock.now();
  return {
    series: { id: booking.seriesId, bookings: (await viewBookings(deps, all)).map((v) => presentBooking(v, now)) },
  };
}

/** POST /manage/{token}/cancel with `scope` or `bookingId`: `200 {series: {id, bookings}, refused}` after the change. */
export async function answerSeriesCancel(c: Context, deps: AppDeps, token: string, input: SeriesCancel) {
  const r = await cancelSeriesByClient(deps, token, input);
  if (!r.ok) return sendRefusal(c, r);
  const now = deps.clock.now();
  const bookings = (await viewBookings(deps, r.value.bookings)).map((v) => presentBooking(v, now));
  return c.json({ series: { id: r.value.seriesId, bookings }, refused: r.value.refused });
}
