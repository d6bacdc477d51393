/** The waitlist of a day (SPEC §9.3), as a documented route. */
import { z } from 'zod';
import { adminRoutes, ok, type RouteDoc } from '../../openapi/route-doc.ts';

const waitlist = adminRoutes('Waitlist (dashboard)');

const entryShape = z.object({
  id: z.string(),
  staffId: z.string().nullable().meta({ description: 'null = any staff member' }),
  date: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  seats: z.number().int(),
  client: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }),
  status: z.enum(['waiting', 'booked', 'left']),
  joinedAt: z.string(),
  offeredStart: z.string().nullable().meta({ description: 'the start a live offer holds for it' }),
});

export const WAITLIST_ROUTES: readonly RouteDoc[] = [
  waitlist('get', '/waitlist', 'The waitlist of a day, per service, in join order (admins)', {
    query: z.object({ date: z.string().meta({ description: 'YYYY-MM-DD' }) }),
    responses: ok(
      'the entries by service',
      z.object({
        services: z.array(
          z.object({ service: z.object({ id: z.string(), name: z.string() }), entries: z.array(entryShape) }),
        ),
      }),
    ),
  }),
];
