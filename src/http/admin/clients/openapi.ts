/** Clients' data (SPEC §11) and backups, as documented routes: the admin API and "email me my bookings". */
import { z } from 'zod';
import { myBookingsBody } from '../../api/my-bookings.ts';
import { adminRoutes, json, type RouteDoc } from '../../openapi/route-doc.ts';
import { clientsQuery, eraseBody } from './clients-api.ts';

const clientShape = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  bookings: z.number().int().meta({ description: 'bookings under this email that still hold personal data' }),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const exportShape = z.object({
  email: z.string(),
  exportedAt: z.string(),
  client: clientShape.nullable(),
  bookings: z.array(z.record(z.string(), z.unknown())).meta({
    description:
      'every booking under the email (any status): the Booking fields plus phone, address, history, payments, verification state, reminder and cancellation times',
  }),
  jobs: z
    .array(z.record(z.string(), z.unknown()))
    .meta({ description: 'queued and finished jobs carrying their data' }),
  webhookDeliveries: z.array(z.record(z.string(), z.unknown())),
  outbox: z
    .array(z.record(z.string(), z.unknown()))
    .meta({ description: 'dev-outbox messages to them or about their bookings' }),
  idempotencyKeys: z.array(z.record(z.string(), z.unknown())),
  myBookingsLinks: z.array(z.record(z.string(), z.unknown())),
});

const erasedShape = z.object({
  email: z.string(),
  erased: z.object({
    client: z.boolean(),
    bookings: z.number().int().meta({ description: 'bookings anonymised (kept for the books)' }),
    jobs: z.number().int(),
    outbox: z.number().int(),
    idempotencyKeys: z.number().int(),
    myBookingsLinks: z.number().int(),
  }),
});

const clients = adminRoutes("Clients' data (dashboard)");

export const CLIENT_DATA_ROUTES: readonly RouteDoc[] = [
  clients('get', '/clients', 'Clients (admins), by name; `q` finds a part of a name, email or phone', {
    query: clientsQuery,
    responses: { 200: json('at most 100 clients', z.object({ clients: z.array(clientShape) })) },
  }),
  clients('get', '/clients/:id/export', 'Every stored fact about a client, as JSON (admins)', {
    responses: { 200: json('the export', exportShape) },
  }),
  clients(
    'post',
    '/clients/:id/erase',
    'Erase a client (admins): their details leave every booking (kept, anonymous, for the books) and everything else; queued emails to them are cancelled',
    { body: eraseBody, responses: { 200: json('what was removed', erasedShape) } },
  ),
  clients('get', '/backup', 'A consistent backup of the embedded database (admins); server mode: 501, use pg_dump', {
    responses: {
      200: {
        description: 'the file `slotwise restore` reads (gzip-compressed tar); the data directory secret is not in it',
        contentType: 'application/gzip',
        schema: z.string().meta({ format: 'binary' }),
      },
    },
  }),
  {
    method: 'post',
    path: '/api/v1/my-bookings',
    tag: 'Clients',
    auth: 'public',
    summary:
      'Email me my bookings: 202 whatever the address; when it has bookings, a single-use link valid 30 minutes is emailed',
    body: myBookingsBody,
    responses: { 202: json('accepted', z.object({ accepted: z.literal(true) })) },
  },
];
