/** Dashboard services, as documented routes. */
import { z } from 'zod';
import { adminServiceShape, removalShape } from '../../openapi/admin-shapes.ts';
import { adminRoutes, ok, type RouteDoc } from '../../openapi/route-doc.ts';
import { createServiceBody, updateServiceBody } from './service-bodies.ts';

const services = adminRoutes('Services (dashboard)');

export const SERVICE_ROUTES: readonly RouteDoc[] = [
  services('get', '/services', 'All services, inactive included (read-only for staff)', {
    responses: ok('the services', z.object({ services: z.array(adminServiceShape) })),
  }),
  services('get', '/services/:id', 'One service by id or slug', { responses: ok('the service', adminServiceShape) }),
  services('post', '/services', 'Create a service (admins)', {
    body: createServiceBody,
    responses: { 201: { description: 'the service', schema: adminServiceShape } },
  }),
  services('patch', '/services/:id', 'Change a service (admins)', {
    body: updateServiceBody,
    responses: ok('the service', adminServiceShape),
  }),
  services('delete', '/services/:id', 'Delete a service; one with bookings is deactivated instead (admins)', {
    responses: ok('what happened', removalShape('service', adminServiceShape)),
  }),
];
