/**
 * Security headers and rate limiting over real HTTP.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../storage/index.js';
import { getJson, postJson, standInEngine, startServer, type Running } from './test-support.js';

let store: Store;

beforeAll(async () => {
  store = await openStore({ dataDir: 'memory://' });
}, 120_000);

afterAll(async () => {
  await store?.close();
});

const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** The policy's directives, however the header separates them. */
const directives = (res: Response) => (res.headers.get('content-security-policy') ?? '').split(';').map((d) => d.trim());

describe('security headers', () => {
  let server: Running;

  beforeAll(async () => {
    server = await startServer(standInEngine(), store);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('sends a strict content security policy and the usual protections on every response', async () => {
    for (const path of ['/api/config', '/healthz', '/api/nothing']) {
      const res = await fetch(`${server.base}${path}`);
      expect(directives(res)).toEqual(STRICT_CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(res.headers.get('strict-transport-security')).toBe('max-age=15552000');
      // Nothing but the widget's page may be framed; X-Frame-Options says so to old browsers.
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('allows exactly the chat page inline script and style by their hashes', async () => {
    const res = await fetch(server.base);
    const html = await res.text();
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const csp = directives(res);
    expect(csp).toContain(`script-src 'self' ${hash(script)}`);
    expect(csp).toContain(`style-src 'self' ${hash(style)}`);
    expect(csp.join(';')).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    // The widget opens the same page with ?embed=1, which any site may frame by default.
    const embedded = await fetch(`${server.base}/?embed=1`);
    expect(directives(embedded)).toContain('frame-ancestors *');
    expect(directives(embedded)).toContain(`script-src 'self' ${hash(script)}`);
    expect(embedded.headers.get('x-frame-options')).toBeNull();
  });

  it("lets only the embedding origins frame the widget's page, and nobody anything else", async () => {
    const own = await startServer(standInEngine(), store, { embedOrigins: ['https://www.example.gov.cn', 'https://*.example.cn'] });
    try {
      const widget = directives(await fetch(`${own.base}/?embed=1`));
      expect(widget).toContain("frame-ancestors 'self' https://www.example.gov.cn https://*.example.cn");
      for (const path of ['/api/config', '/?embed=0', '/api/config?embed=1', '/admin?embed=1', '/metrics?embed=1']) {
        const res = await fetch(`${own.base}${path}`);
        expect(directives(res), path).toContain("frame-ancestors 'none'");
        expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      }
    } finally {
      await own.close();
    }
  });

  it('gives the documentation page a policy of its own that lets Swagger UI work', async () => {
    const res = await fetch(`${server.base}/api/docs`);
    expect(res.headers.get('content-security-policy')).toContain("style-src 'self' 'unsafe-inline'");
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self';");
  });
});

describe('GET /metrics', () => {
  let server: Running;
  let behindProxy: Running;
  const token = 'a-metrics-token-of-enough-length-1234';

  beforeAll(async () => {
    server = await startServer(standInEngine(), store);
    behindProxy = await startServer(standInEngine(), store, { trustProxy: true, metricsToken: token });
  });

  afterAll(async () => {
    await server?.close();
    await behindProxy?.close();
  });

  it('answers this machine only by default', async () => {
    expect((await fetch(`${server.base}/metrics`)).status).toBe(200);
  });

  it('refuses a visitor that a reverse proxy on this machine forwards, although the connection is local', async () => {
    for (const headers of [{ 'x-forwarded-for': '203.0.113.7' }, { forwarded: 'for=203.0.113.7' }] as Record<string, string>[]) {
      const res = await getJson<{ error: string }>(`${server.base}/metrics`, { headers });
      expect(res.status).toBe(403);
      expect(res.body.error).toMatch(/^metrics: only readable from this machine/);
    }
  });

  it('with a token, lets another machine in with it and nobody without it', async () => {
    const visitor = { 'x-forwarded-for': '198.51.100.20' };
    expect((await getJson(`${behindProxy.base}/metrics`, { headers: visitor })).status).toBe(403);
    expect((await getJson(`${behindProxy.base}/metrics`, { headers: { ...visitor, authorization: 'Bearer wrong' } })).status).toBe(403);
    const res = await fetch(`${behindProxy.base}/metrics`, { headers: { ...visitor, authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('xiaoxin_http_requests_total');
    // A trusted proxy that says the visitor is this machine is believed.
    expect((await fetch(`${behindProxy.base}/metrics`, { headers: { 'x-forwarded-for': '127.0.0.1' } })).status).toBe(200);
  });
});

describe('rate limiting', () => {
  let server: Running;

  beforeAll(async () => {
    server = await startServer(standInEngine(), store, { rateLimit: 3 });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('refuses the fourth API request in a minute with 429, a JSON error and retry-after', async () => {
    for (let i = 0; i < 3; i++) {
      const ok = await getJson(`${server.base}/api/config`);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('x-ratelimit-limit')).toBe('3');
    }
    const limited = await getJson<{ error: string }>(`${server.base}/api/config`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/json');
    expect(limited.body.error).toMatch(/^too many requests from this address; try again in \d+ seconds$/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await postJson(`${server.base}/api/chat`, { message: '停车' })).status).toBe(429);
  });

  it('never limits health checks, metrics or the pages', async () => {
    for (let i = 0; i < 6; i++) {
      expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
      expect((await fetch(`${server.base}/readyz`)).status).toBe(200);
      expect((await fetch(`${server.base}/metrics`)).status).toBe(200);
      expect((await fetch(server.base)).status).toBe(200);
    }
  });

  it('can be turned off', async () => {
    const open = await startServer(standInEngine(), store, { rateLimit: 0 });
    try {
      for (let i = 0; i < 5; i++) expect((await fetch(`${open.base}/api/config`)).status).toBe(200);
    } finally {
      await open.close();
    }
  });
});
