/**
 * Serving the built web app over real HTTP, from a stand-in build in a temporary folder: caching,
 * cross-origin use of the widget, the fallback for the app's own routes, and JSON 404s.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../storage/index.js';
import { DEFAULT_WEB_DIR } from './static.js';
import { getJson, standInEngine, startServer, type Running } from './test-support.js';

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-3f2a1b.js"></script></head><body><div id="app"></div></body></html>';
let dir: string;
let store: Store;
let server: Running;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'xiaoxin-web-'));
  await mkdir(path.join(dir, 'assets'));
  await writeFile(path.join(dir, 'index.html'), INDEX);
  await writeFile(path.join(dir, 'assets', 'index-3f2a1b.js'), 'console.log("app")');
  await writeFile(path.join(dir, 'widget.js'), 'console.log("widget")');
  await writeFile(path.join(dir, 'admin.html'), '<!doctype html><title>后台</title>');
  await writeFile(path.join(dir, 'enterprise.html'), '<!doctype html><title>企业服务</title>');
  await writeFile(path.join(dir, '.env'), 'SECRET=1');
  store = await openStore({ dataDir: 'memory://' });
  server = await startServer(standInEngine(), store, { webDir: dir, embedOrigins: ['https://www.example.gov.cn'] });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await store?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const get = (p: string, accept = '*/*') => fetch(`${server.base}${p}`, { headers: { accept } });

describe('the web app', () => {
  it('is served at / and revalidated on every use', async () => {
    const res = await get('/', 'text/html');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(INDEX);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self';");
    expect(server.notes).toEqual([]);
  });

  it('caches hashed assets for a year and lets other sites load them', async () => {
    const res = await get('/assets/index-3f2a1b.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('serves the widget script to other websites, revalidated', async () => {
    const res = await get('/widget.js');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('console.log("widget")');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('answers a page request on a path of its own with index.html', async () => {
    for (const p of ['/chat', '/kiosk/home?x=1', '/guides/guide-seal']) {
      const res = await get(p, 'text/html,application/xhtml+xml');
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toBe(INDEX);
    }
  });

  it('answers /enterprise and its own paths with the enterprise portal, where the OIDC login lands', async () => {
    for (const p of ['/enterprise', '/enterprise?login=pending', '/enterprise/profile']) {
      const res = await get(p, 'text/html');
      expect(res.status, p).toBe(200);
      expect(await res.text(), p).toContain('企业服务');
    }
  });

  it('keeps JSON 404s for the API, for files that are missing, and for dotfiles', async () => {
    expect(await getJson(`${server.base}/api/nothing`, { headers: { accept: 'text/html' } })).toMatchObject({
      status: 404,
      body: { error: 'no route GET /api/nothing' },
    });
    expect(await getJson(`${server.base}/assets/missing.js`)).toMatchObject({ status: 404, body: { error: 'no route GET /assets/missing.js' } });
    expect((await get('/.env')).status).toBe(404);
    expect((await fetch(`${server.base}/chat`, { method: 'POST', headers: { accept: 'text/html' } })).status).toBe(404);
  });

  it("lets the zone's websites frame only the widget's page, never the back office", async () => {
    const frameAncestors = (res: Response) => /frame-ancestors ([^;]*)/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
    const widget = await get('/?embed=1', 'text/html');
    expect(frameAncestors(widget)).toBe("'self' https://www.example.gov.cn");
    expect(widget.headers.get('x-frame-options')).toBeNull();
    for (const page of ['/enterprise', '/admin', '/admin/items', '/admin?embed=1', '/admin.html?embed=1', '/', '/chat?embed=0']) {
      const res = await get(page, 'text/html');
      expect(res.status, page).toBe(200);
      expect(frameAncestors(res), page).toBe("'none'");
      expect(res.headers.get('x-frame-options'), page).toBe('DENY');
    }
  });

  it('lives in dist/web of the package, wherever the process started', () => {
    expect(DEFAULT_WEB_DIR).toBe(path.join(path.resolve(import.meta.dirname, '..', '..'), 'dist', 'web') + path.sep);
  });
});
