/** Dashboard services, staff, hours, days off and settings, as documented routes. */
import { z } from 'zod';
import {
  adminServiceShape,
  adminStaffShape,
  dayOffShape,
  hoursShape,
  settingsShape,
} from '../../openapi/admin-shapes.ts';
import { adminRoutes, type RouteDoc } from '../../openapi/route-doc.ts';
import {
  createServiceBody,
  createStaffBody,
  dayOffBody,
  updateDayOffBody,
  updateServiceBody,
  updateSettingsBody,
  updateStaffBody,
  workingHoursBody,
} from './service-bodies.ts';

const ok = (description: string, schema: z.ZodType) => ({ 200: { description, schema } });
const services = adminRoutes('Services (dashboard)');
const staff = adminRoutes('Staff (dashboard)');
const settings = adminRoutes('Settings (dashboard)');
const deleted = (key: 'service' | 'staff', shape: z.ZodType) =>
  z.object({ outcome: z.enum(['deleted', 'deactivated']), [key]: shape });

export const ADMIN_CATALOG_ROUTES: readonly RouteDoc[] = [
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
    responses: ok('what happened', deleted('service', adminServiceShape)),
  }),
  staff('get', '/staff', 'Staff members (staff: only themselves)', {
    responses: ok('the staff', z.object({ staff: z.array(adminStaffShape) })),
  }),
  staff('get', '/staff/:id', 'One staff member', { responses: ok('the member', adminStaffShape) }),
  staff('post', '/staff', 'Add a staff member (admins)', {
    body: createStaffBody,
    responses: { 201: { description: 'the member', schema: adminStaffShape } },
  }),
  staff('patch', '/staff/:id', 'Change a member (staff: their own name, email and time zone)', {
    body: updateStaffBody,
    responses: ok('the member', adminStaffShape),
  }),
  staff('delete', '/staff/:id', 'Remove a member; one with bookings is deactivated instead (admins)', {
    responses: ok('what happened', deleted('staff', adminStaffShape)),
  }),
  staff('get', '/staff/:id/hours', 'Weekly working hours', {
    responses: ok('the hours', z.object({ hours: hoursShape })),
  }),
  staff('put', '/staff/:id/hours', 'Replace the weekly working hours', {
    body: workingHoursBody,
    responses: ok('the hours', z.object({ hours: hoursShape })),
  }),
  staff('get', '/staff/:id/days-off', 'Days off', {
    responses: ok('the days off', z.object({ daysOff: z.array(dayOffShape) })),
  }),
  staff('post', '/staff/:id/days-off', 'Add days off', {
    body: dayOffBody,
    responses: { 201: { description: 'the day off', schema: dayOffShape } },
  }),
  staff('get', '/staff/:id/days-off/:dayOffId', 'One day off', { responses: ok('the day off', dayOffShape) }),
  staff('patch', '/staff/:id/days-off/:dayOffId', 'Change days off', {
    body: updateDayOffBody,
    responses: ok('the day off', dayOffShape),
  }),
  staff('delete', '/staff/:id/days-off/:dayOffId', 'Remove days off', {
    responses: ok('the removed day off', dayOffShape),
  }),
  settings('get', '/settings', 'Business settings (admins; the payment secret is never returned)', {
    responses: ok('the settings', settingsShape),
  }),
  settings('patch', '/settings', 'Change business settings (admins)', {
    body: updateSettingsBody,
    responses: ok('the settings', settingsShape),
  }),
];
