/** A member's date-specific hours and blocks (SPEC §8.1–8.2), as documented routes. */
import { z } from 'zod';
import { blockShape, dateHoursShape } from '../../openapi/admin-shapes.ts';
import { adminRoutes, ok, type RouteDoc } from '../../openapi/route-doc.ts';
import { blockBody, dateHoursBody, oneDateBody, updateBlockBody } from './source-bodies.ts';

const staff = adminRoutes('Staff (dashboard)');
const ranges = z.array(z.tuple([z.string(), z.string()]));

export const STAFF_SOURCE_ROUTES: readonly RouteDoc[] = [
  staff('get', '/staff/:id/date-hours', 'Date-specific hours: dates whose ranges replace the weekly ones', {
    responses: ok('the dates', z.object({ dateHours: dateHoursShape })),
  }),
  staff('put', '/staff/:id/date-hours', 'Replace every date-specific hour (dates left out get their weekly hours)', {
    body: dateHoursBody,
    responses: ok('the dates', z.object({ dateHours: dateHoursShape })),
  }),
  staff('put', '/staff/:id/date-hours/:date', 'Give one date its own hours ([] = not worked)', {
    body: oneDateBody,
    responses: ok('the date', z.object({ date: z.string(), hours: ranges })),
  }),
  staff('delete', '/staff/:id/date-hours/:date', 'Give one date its weekly hours back', {
    responses: ok('the date', z.object({ date: z.string(), hours: z.null() })),
  }),
  staff('get', '/staff/:id/blocks', 'Time off with times', {
    responses: ok('the blocks', z.object({ blocks: z.array(blockShape) })),
  }),
  staff('post', '/staff/:id/blocks', 'Add a block of time off (local date-times in the member’s zone)', {
    body: blockBody,
    responses: { 201: { description: 'the block', schema: blockShape } },
  }),
  staff('get', '/staff/:id/blocks/:blockId', 'One block', { responses: ok('the block', blockShape) }),
  staff('patch', '/staff/:id/blocks/:blockId', 'Change a block', {
    body: updateBlockBody,
    responses: ok('the block', blockShape),
  }),
  staff('delete', '/staff/:id/blocks/:blockId', 'Remove a block', { responses: ok('the removed block', blockShape) }),
];
