/**
 * Builds the OpenAPI 3.1 document from the documented routes: request schemas are the very Zod
 * schemas the handlers validate with (converted by Zod's own toJSONSchema, JSON Schema 2020-12 as
 * OpenAPI 3.1 uses), so the document and the validation cannot disagree.
 */
import { z } from 'zod';
import { STATUS } from '../errors.ts';
import { type Auth, openApiPath, type RouteDoc } from './route-doc.ts';
import { errorShape } from './shapes.ts';

/** The input side of a schema (what a caller sends), with named shapes moved to components. */
function jsonSchema(schema: z.ZodType, registry: Map<string, unknown>): Record<string, unknown> {
  const out = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
    override: (ctx) => {
      // `$schema` belongs to a document root, not to a schema embedded in OpenAPI.
      delete (ctx.jsonSchema as Record<string, unknown>).$schema;
    },
  }) as Record<string, unknown>;
  delete out.$schema;
  const defs = out.$defs as Record<string, unknown> | undefined;
  if (defs) {
    // A named shape may hold another (a Service its Questions): its references move too.
    for (const [name, def] of Object.entries(defs)) registry.set(name, toComponents(def));
    delete out.$defs;
  }
  return toComponents(out) as Record<string, unknown>;
}

/** Zod points at `#/$defs/X`; in the document those live under components/schemas. */
const toComponents = (schema: unknown): unknown =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/$defs/', '"#/components/schemas/'));

const SECURITY: Record<Auth, Record<string, string[]>[]> = {
  public: [],
  dev: [],
  'manage-token': [],
  gateway: [{ gatewaySignature: [] }],
  dashboard: [{ apiKey: [] }, { session: [], csrf: [] }],
};

function operation(route: RouteDoc, registry: Map<string, unknown>) {
  const params = [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const query = route.query ? jsonSchema(route.query, registry) : null;
  const required = new Set((query?.required as string[] | undefined) ?? []);
  const queryParams = Object.entries((query?.properties as Record<string, unknown> | undefined) ?? {}).map(
    ([name, schema]) => ({ name, in: 'query', required: required.has(name), schema }),
  );
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(route.responses)) {
    responses[status] = r.schema
      ? {
          description: r.description,
          content: { [r.contentType ?? 'application/json']: { schema: jsonSchema(r.schema, registry) } },
        }
      : r.contentType
        ? { description: r.description, content: { [r.contentType]: { schema: { type: 'string' } } } }
        : { description: r.description };
  }
  const error = { $ref: '#/components/responses/Error' };
  responses['4XX'] = error;
  responses['5XX'] = error;
  return {
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [route.tag],
    operationId: `${route.method}${openApiPath(route.path)
      .replace(/^\/api\/v1/, '')
      .replace(/[{}]/g, '')
      .split(/[/.-]/)
      .filter(Boolean)
      .map((s) => s[0]?.toUpperCase() + s.slice(1))
      .join('')}`,
    security: SECURITY[route.auth],
    parameters: [...params, ...queryParams],
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { [route.bodyType ?? 'application/json']: { schema: jsonSchema(route.body, registry) } },
          },
        }
      : {}),
    responses,
  };
}

export function openApiDocument(routes: readonly RouteDoc[], serverUrl: string) {
  const registry = new Map<string, unknown>();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[route.method] = operation(route, registry);
  }
  const errorSchema = jsonSchema(errorShape, registry);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Slotwise API',
      version: '1',
      description:
        'Appointment booking: services, staff, availability, bookings, and the dashboard API. ' +
        `Errors: {"error": {"code", "message", "details"}}; codes: ${Object.keys(STATUS).join(', ')}.`,
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      schemas: Object.fromEntries(registry),
      responses: {
        Error: { description: 'An error', content: { 'application/json': { schema: errorSchema } } },
      },
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'Authorization: Bearer swk_… (slotwise create-api-key)',
        },
        session: { type: 'apiKey', in: 'cookie', name: 'slotwise_session' },
        csrf: {
          type: 'apiKey',
          in: 'header',
          name: 'X-CSRF-Token',
          description: 'required with the session cookie on every state-changing request',
        },
        gatewaySignature: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Slotwise-Signature',
          description: 'sha256=<hex HMAC-SHA256 of the raw body with the payment secret>',
        },
      },
    },
  };
}
