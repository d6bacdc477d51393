/**
 * The webhook form as posted (URL, event checkboxes, description, active checkbox), checked with
 * the API's own schema (webhooks-api.ts) so a page accepts exactly what the API accepts. Errors
 * come back as sentences per field for the error summary; the values come back to refill the form.
 */
import type { Context } from 'hono';
import type { WebhookInput } from '../../../app/dashboard/webhooks/create-webhook.ts';
import { webhookUrlProblem } from '../../../app/dashboard/webhooks/webhook-url.ts';
import { WEBHOOK_EVENTS } from '../../../app/webhook-events.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { localProblem } from '../form-kit/words.ts';
import { own } from '../language.ts';
import { createWebhookBody } from './webhooks-api.ts';

/** What the form shows: as typed (kept after a refusal) or as stored. */
export interface WebhookFormValues {
  readonly url: string;
  readonly events: readonly string[];
  readonly description: string;
  readonly active: boolean;
}

export type FormErrors = Readonly<Record<string, string | undefined>>;

export type ReadWebhookForm =
  | { ok: true; values: WebhookFormValues; input: WebhookInput }
  | { ok: false; values: WebhookFormValues; errors: FormErrors };

/** Reads the posted webhook form (the CSRF guard has parsed the body already; this reuses it). */
export async function readWebhookForm(c: Context, t: DashboardMessages): Promise<ReadWebhookForm> {
  const form = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
  const one = (name: string) => {
    const v = form[name];
    return typeof v === 'string' ? v.trim() : '';
  };
  const rawEvents = form.events;
  const events = (Array.isArray(rawEvents) ? rawEvents : [rawEvents]).filter((e): e is string => typeof e === 'string');
  // An unticked checkbox sends nothing, a ticked one "on".
  const values = { url: one('url'), events, description: one('description'), active: 'active' in form };
  const parsed = createWebhookBody.safeParse(values);
  if (parsed.success) return { ok: true, values, input: parsed.data };
  const failed = new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')));
  const errors: Record<string, string> = {};
  if (failed.has('url')) errors.url = urlSentence(values.url, t);
  if (failed.has('events')) errors.events = eventsSentence(events, t);
  if (failed.has('description')) errors.description = t.webhooks.errors.description;
  return { ok: false, values, errors };
}

/** "The URL must be an http or https URL." (the use case's own wording, in the dashboard's language). */
export function urlSentence(url: string, t: DashboardMessages): string {
  if (url === '') return t.webhooks.errors.noUrl;
  return urlMust(webhookUrlProblem(url) ?? 'an http or https URL', t);
}

/** The use case's problem with a URL as a sentence; others (where it points: URL_NOT_ALLOWED) in the form kit's words. */
function urlMust(problem: string, t: DashboardMessages): string {
  const said = own(t.webhooks.errors.urlProblems, problem)
    ? t.webhooks.errors.urlProblems[problem]
    : localProblem(problem, t);
  return t.webhooks.errors.urlMust(said);
}

function eventsSentence(events: readonly string[], t: DashboardMessages): string {
  const e = t.webhooks.errors;
  if (events.length === 0) return e.noEvent;
  const known = new Set<string>(WEBHOOK_EVENTS);
  return events.every((x) => known.has(x)) ? e.fewer : e.fromList;
}

/** A use case's VALIDATION_FAILED or URL_NOT_ALLOWED fields as form sentences. */
export function refusalErrors(
  fields: unknown,
  values: WebhookFormValues,
  message: string,
  t: DashboardMessages,
): FormErrors {
  const f = (fields ?? {}) as Record<string, unknown>;
  const errors: Record<string, string> = {};
  // The use case's own words: the URL's shape, or where it points (URL_NOT_ALLOWED).
  if ('url' in f) errors.url = typeof f.url === 'string' ? urlMust(f.url, t) : urlSentence(values.url, t);
  if ('events' in f) errors.events = eventsSentence(values.events, t);
  return Object.keys(errors).length > 0 ? errors : { '': message };
}
