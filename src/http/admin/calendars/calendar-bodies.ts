/**
 * Request bodies of a member's external calendars (SPEC §8.3): shape only. Whether the URL is an
 * http(s) URL and where it points are the use case's (400 VALIDATION_FAILED / URL_NOT_ALLOWED),
 * so the API, the pages and the set-up file answer alike.
 */
import { z } from 'zod';
import { text } from '../../validation.ts';

export const calendarBody = z.strictObject({ url: text(2000).min(1, 'required'), label: text(200).optional() });
export const updateCalendarBody = calendarBody.partial();
