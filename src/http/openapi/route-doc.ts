/**
 * One documented route: the Zod schemas its handler validates with (query, body) and the shapes it
 * answers. The OpenAPI document is built from these (document.ts); test/openapi.test.ts checks
 * that every route the app serves under /api/v1 has one.
 */
import type { z } from 'zod';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** How a route is called: no credentials, a manage token in the path, the gateway's signature, a dashboard credential. */
export type Auth = 'public' | 'manage-token' | 'gateway' | 'dashboard' | 'dev';

export interface ResponseDoc {
  readonly description: string;
  readonly schema?: z.ZodType;
  /** Default application/json. */
  readonly contentType?: string;
}

export interface RouteDoc {
  readonly method: Method;
  /** Hono style, with :params (`/api/v1/services/:ref`). */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly auth: Auth;
  readonly description?: string;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** The body's media type; default application/json (image uploads: multipart/form-data). */
  readonly bodyType?: string;
  /** Success responses by status; the error responses of API.md are added for every route. */
  readonly responses: Readonly<Record<number, ResponseDoc>>;
}

/**
 * Documents dashboard routes of one tag: `(method, '/services/:id', summary, {responses, …})`
 * with the path under /api/v1/admin.
 */
export const adminRoutes =
  (tag: string, auth: Auth = 'dashboard') =>
  (method: Method, path: string, summary: string, rest: Pick<RouteDoc, 'responses'> & Partial<RouteDoc>): RouteDoc => ({
    method,
    path: `/api/v1/admin${path}`,
    summary,
    tag,
    auth,
    ...rest,
  });

/** A documented answer: its description and shape. */
export const json = (description: string, schema: z.ZodType): ResponseDoc => ({ description, schema });

/** The one success answer most routes have: 200 with this shape. */
export const ok = (description: string, schema: z.ZodType) => ({ 200: json(description, schema) });

/** `/api/v1/services/:ref` → `/api/v1/services/{ref}`. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
