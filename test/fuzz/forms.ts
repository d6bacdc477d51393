/**
 * The HTML forms the pages really serve, read from the pages themselves: every GET page route is
 * fetched with real parameters (as each kind of visitor), its links followed one step, and each
 * POST form's action and fields (with their default values) recorded by the route it posts to.
 * Form bodies are then made from those fields, so a new field or form is fuzzed without a list.
 */
import type { Caller, Harness } from './harness.ts';
import { validParam } from './requests.ts';
import { matches, type Route, routeKey } from './routes.ts';
import type { Pools } from './seed.ts';

export interface FormSpec {
  /** The action, path and query as the page wrote it. */
  readonly action: string;
  readonly fields: readonly { readonly name: string; readonly values: readonly string[] }[];
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1] as string) : undefined;
};

/** The POST forms of a page (fields with every value offered: options, checkbox values, defaults). */
export function formsIn(html: string, pagePath: string): FormSpec[] {
  const out: FormSpec[] = [];
  for (const f of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const [, head = '', inner = ''] = f;
    if ((attr(head, 'method') ?? 'get').toLowerCase() !== 'post') continue;
    const fields = new Map<string, Set<string>>();
    const add = (name: string | undefined, value: string) => {
      if (!name || name === '_csrf') return;
      const set = fields.get(name) ?? new Set<string>();
      set.add(value);
      fields.set(name, set);
    };
    for (const m of inner.matchAll(/<input\b([^>]*)>/g)) add(attr(m[1] ?? '', 'name'), attr(m[1] ?? '', 'value') ?? '');
    for (const m of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g))
      add(attr(m[1] ?? '', 'name'), decode(m[2] ?? ''));
    for (const m of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      for (const o of (m[2] ?? '').matchAll(/<option\b([^>]*)>/g))
        add(attr(m[1] ?? '', 'name'), attr(o[1] ?? '', 'value') ?? '');
    }
    for (const m of inner.matchAll(/<button\b([^>]*)>/g)) {
      const name = attr(m[1] ?? '', 'name');
      if (name) add(name, attr(m[1] ?? '', 'value') ?? '');
    }
    out.push({
      action: attr(head, 'action') ?? pagePath,
      fields: [...fields].map(([name, values]) => ({ name, values: [...values] })),
    });
  }
  return out;
}

/** Same-site links of a page (paths with their query). */
export function linksIn(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\bhref="(\/[^"#]*)"/g)].map((m) => decode(m[1] as string));
}

/**
 * Fetches `start` pages as each caller, follows their links one step (at most `maxPages` in all),
 * and returns the POST forms found, by the route key they post to.
 */
export async function collectForms(
  h: Harness,
  start: readonly string[],
  callers: readonly Caller[],
  routes: readonly Route[],
  maxPages = 80,
): Promise<Map<string, FormSpec[]>> {
  const getRoutes = routes.filter((r) => r.method === 'GET');
  const postRoutes = routes.filter((r) => r.method === 'POST');
  const byRoute = new Map<string, FormSpec[]>();
  const seen = new Set<string>();
  let fetched = 0;
  // Breadth first: every start page before any link found on them.
  const queue: { url: string; caller: Caller; depth: number }[] = callers.flatMap((caller) =>
    start.map((url) => ({ url, caller, depth: 1 })),
  );
  while (queue.length > 0 && fetched < maxPages) {
    const { url, caller, depth } = queue.shift() as (typeof queue)[number];
    const path = url.split('?')[0] as string;
    const route = getRoutes.find((r) => matches(r, path));
    if (!route || seen.has(`${caller} ${url}`)) continue;
    seen.add(`${caller} ${url}`);
    fetched++;
    const a = await h.send({ route: routeKey(route), method: 'GET', url, caller });
    if (a.status !== 200 || !(a.headers.get('content-type') ?? '').startsWith('text/html')) continue;
    for (const form of formsIn(a.text, path)) {
      const target = postRoutes.find((r) => matches(r, form.action.split('?')[0] as string));
      if (!target) continue;
      const list = byRoute.get(routeKey(target)) ?? [];
      if (!list.some((f) => f.action === form.action && f.fields.length === form.fields.length)) list.push(form);
      byRoute.set(routeKey(target), list);
    }
    if (depth > 0) for (const link of linksIn(a.text).slice(0, 15)) queue.push({ url: link, caller, depth: depth - 1 });
  }
  return byRoute;
}

/** Each GET route of a list with each of its real parameter values (a few of each). */
export function realPages(routes: readonly Route[], p: Pools): string[] {
  const out: string[] = [];
  for (const route of routes.filter((r) => r.method === 'GET')) {
    const segments = route.path.split('/');
    let urls = [''];
    segments.forEach((seg, i) => {
      const values = seg.startsWith(':')
        ? validParam(route, seg.slice(1), segments[i - 1] ?? '', p).slice(0, 4)
        : [seg];
      urls = urls.flatMap((u) => values.map((v) => (i === 0 ? v : `${u}/${v}`)));
    });
    out.push(...urls);
  }
  return out;
}
