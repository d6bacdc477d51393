/** Dashboard staff members, their weekly hours and days off, as documented routes. */
import { z } from 'zod';
import { adminStaffShape, dayOffShape, hoursShape, removalShape } from '../../openapi/admin-shapes.ts';
import { adminRoutes, ok, type RouteDoc } from '../../openapi/route-doc.ts';
import { createStaffBody, dayOffBody, updateDayOffBody, updateStaffBody, workingHoursBody } from './staff-bodies.ts';

const staff = adminRoutes('Staff (dashboard)');

export const STAFF_ROUTES: readonly RouteDoc[] = [
  staff('get', '/staff', 'Staff members (staff: only themselves)', {
    responses: ok('the staff', z.object({ staff: z.array(adminStaffShape) })),
  }),
  staff('get', '/staff/:id', 'One staff member', { responses: ok('the member', adminStaffShape) }),
  staff('post', '/staff', 'Add a staff member (admins)', {
    body: createStaffBody,
    responses: { 201: { description: 'the member', schema: adminStaffShape } },
  }),
  staff('patch', '/staff/:id', 'Change a member (staff: their own name, email, time zone and bio)', {
    body: updateStaffBody,
    responses: ok('the member', adminStaffShape),
  }),
  staff('delete', '/staff/:id', 'Remove a member; one with bookings is deactivated instead (admins)', {
    responses: ok('what happened', removalShape('staff', adminStaffShape)),
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
];
