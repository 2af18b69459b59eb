/**
 * @module fuzz/catalogue
 * Every route the server has, read from the server itself (Fastify's onRoute hook), so that a
 * route added tomorrow is fuzzed without anyone adding it here.
 */
import type { FastifyInstance } from 'fastify';

/** The parts of a route's JSON schema the fuzzer shapes its requests after. */
export interface RouteSchemas {
  params?: JsonSchema;
  querystring?: JsonSchema;
  body?: JsonSchema;
}

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  pattern?: string;
}

export interface CatalogueRoute {
  method: string;
  /** Fastify's form, `/api/admin/items/:id/versions/:version`. */
  url: string;
  schema: RouteSchemas;
  /** Sent as multipart/form-data by the back office (the import preview). */
  multipart: boolean;
}

/**
 * Starts collecting the routes of `app`; call before the server is ready (routes are added then).
 * The list fills as Fastify loads the plugins.
 */
export function collectRoutes(app: FastifyInstance): CatalogueRoute[] {
  const routes: CatalogueRoute[] = [];
  app.addHook('onRoute', (route) => {
    const schema = (route.schema ?? {}) as RouteSchemas & { consumes?: string[] };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      routes.push({
        method,
        url: route.url,
        schema: { params: schema.params, querystring: schema.querystring, body: schema.body },
        multipart: (schema.consumes ?? []).includes('multipart/form-data'),
      });
    }
  });
  return routes;
}

/** `GET /api/items/:id`, the way the tallies name a route. */
export const routeName = (route: Pick<CatalogueRoute, 'method' | 'url'>) => `${route.method} ${route.url}`;
