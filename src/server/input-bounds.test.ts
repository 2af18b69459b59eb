/**
 * Every route's path parameters and query string have a schema that bounds them, so that no
 * value past what the database holds gets through: each path parameter is declared, every text
 * has a maxLength, every number a minimum and a maximum within PostgreSQL's integer (or, for the
 * audit log's bigint ids, JavaScript's safe integers). Read from the server's own routes, so a new
 * route without bounds fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectRoutes, type CatalogueRoute, type JsonSchema } from '../fuzz/catalogue.js';
import { openStore, type Store } from '../storage/index.js';
import { buildServer } from './app.js';
import { PG_INTEGER_MAX } from './schemas.js';
import { NO_WEB_APP, standInEngine } from './test-support.js';

let store: Store;
let routes: CatalogueRoute[];
let close: () => Promise<unknown>;

beforeAll(async () => {
  store = await openStore({ dataDir: 'memory://' });
  const app = buildServer(standInEngine(), store, { refreshMs: 0, webDir: NO_WEB_APP, processMetrics: false, logNote: () => undefined });
  routes = collectRoutes(app);
  await app.ready();
  close = () => app.close();
});

afterAll(async () => {
  await close?.();
  await store?.close();
});

/** What is unbounded in `schema`, as `field: why`. */
function unbounded(schema: JsonSchema | undefined): string[] {
  return Object.entries(schema?.properties ?? {}).flatMap(([field, p]) => {
    if (p.enum) return [];
    // A pattern anchored at both ends without + or * (such as YYYY-MM-DD) bounds the length too.
    const fixedPattern = p.pattern !== undefined && /^\^[^+*]*\$$/.test(p.pattern);
    if (p.type === 'string') return p.maxLength === undefined && !fixedPattern ? [`${field}: no maxLength`] : [];
    if (p.type === 'integer' || p.type === 'number') {
      if (p.minimum === undefined || p.maximum === undefined) return [`${field}: no minimum or maximum`];
      return p.maximum > PG_INTEGER_MAX && p.maximum !== Number.MAX_SAFE_INTEGER ? [`${field}: maximum past ${PG_INTEGER_MAX}`] : [];
    }
    return [`${field}: type ${String(p.type)} is not bounded here`];
  });
}

describe('the bounds of parameters and query strings', () => {
  // The API's own routes; the documentation's and the web app's files are served by plugins.
  const own = () => routes.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD');

  it('covers the routes the server has', () => {
    expect(own().length).toBeGreaterThan(30);
  });

  it('declares and bounds every path parameter', () => {
    const problems = own().flatMap((r) => {
      const names = [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const declared = names.filter((n) => r.schema.params?.properties?.[n]).length === names.length;
      return [...(declared ? [] : ['a path parameter without a schema']), ...unbounded(r.schema.params)].map((p) => `${r.method} ${r.url}: ${p}`);
    });
    expect(problems).toEqual([]);
  });

  it('bounds every query parameter', () => {
    const problems = own().flatMap((r) => unbounded(r.schema.querystring).map((p) => `${r.method} ${r.url}: ${p}`));
    expect(problems).toEqual([]);
  });
});
