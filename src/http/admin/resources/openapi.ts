/** Shared resources (SPEC §8.4), as documented routes. */
import { z } from 'zod';
import { resourceShape } from '../../openapi/admin-shapes.ts';
import { adminRoutes, ok, type RouteDoc } from '../../openapi/route-doc.ts';
import { resourceBody, updateResourceBody } from './resource-bodies.ts';

const resources = adminRoutes('Resources (dashboard)');

export const RESOURCE_ROUTES: readonly RouteDoc[] = [
  resources('get', '/resources', 'Shared resources: rooms, machines (admins)', {
    responses: ok('the resources', z.object({ resources: z.array(resourceShape) })),
  }),
  resources('post', '/resources', 'Add a resource (admins)', {
    body: resourceBody,
    responses: { 201: { description: 'the resource', schema: resourceShape } },
  }),
  resources('get', '/resources/:id', 'One resource (admins)', { responses: ok('the resource', resourceShape) }),
  resources('patch', '/resources/:id', 'Rename a resource or change its key (admins)', {
    body: updateResourceBody,
    responses: ok('the resource', resourceShape),
  }),
  resources(
    'delete',
    '/resources/:id',
    'Remove a resource: services stop requiring it, bookings’ holds on it go (admins)',
    {
      responses: ok('the removed resource', resourceShape),
    },
  ),
];
