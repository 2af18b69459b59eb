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
  'frame-ancestors *',
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
      // frame-ancestors says who may frame the app; X-Frame-Options could only say "nobody".
      expect(res.headers.get('x-frame-options')).toBeNull();
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
    expect(csp).toContain('frame-ancestors *');
  });

  it('lets only the embedding origins frame the app when they are listed', async () => {
    const own = await startServer(standInEngine(), store, { embedOrigins: ['https://www.example.gov.cn', 'https://*.example.cn'] });
    try {
      const csp = directives(await fetch(`${own.base}/api/config`));
      expect(csp).toContain("frame-ancestors 'self' https://www.example.gov.cn https://*.example.cn");
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
