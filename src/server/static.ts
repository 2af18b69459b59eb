/**
 * @module server/static
 * The web app, as Vite builds it into dist/web/ (index.html, assets/, widget.js): served at /
 * with a fallback to index.html for the app's own routes. Hashed files under /assets/ are cached
 * for a year; everything else is revalidated on each use, so a new release shows at once. The
 * widget script and the assets are loaded by other websites, so they may be used cross-origin.
 * The back office (dist/web/admin.html) is served at /admin and its own routes under /admin/,
 * the enterprise portal (dist/web/enterprise.html) at /enterprise and under /enterprise/.
 * Without a build, the one-page chat of page.ts is served at / instead.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CHAT_PAGE, CHAT_PAGE_CSP } from './page.js';
import { cspDirectives } from './security.js';

/** dist/web of this package, wherever the process was started (src/server and dist/server alike). */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));

const LONG_CACHE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

export interface WebAppOptions {
  webDir: string;
  note: (message: string) => void;
}

/** A not-found fallback for the web app's client-side routes, or undefined without a built app. */
export type WebFallback = (request: FastifyRequest, reply: FastifyReply) => boolean;

/** Serves the web app (or the chat page); returns the fallback for the not-found handler. */
export function registerWebApp(app: FastifyInstance, options: WebAppOptions): WebFallback | undefined {
  const root = path.resolve(options.webDir);
  if (!existsSync(path.join(root, 'index.html'))) {
    options.note(`the web app is not built (no ${path.join(root, 'index.html')}); serving the minimal chat page at /`);
    // In a plugin, so that it is declared after helmet's route hook is in place.
    app.register(async (instance) => registerChatPage(instance));
    return undefined;
  }
  app.register(fastifyStatic, {
    root,
    cacheControl: false,
    dotfiles: 'ignore',
    setHeaders: (reply: FastifyReply, file: string) => {
      const relative = path.relative(root, file).split(path.sep).join('/');
      const asset = relative.startsWith('assets/');
      reply.header('cache-control', asset ? LONG_CACHE : REVALIDATE);
      if (asset || relative === 'widget.js') reply.header('cross-origin-resource-policy', 'cross-origin');
    },
  });
  return (request, reply) => {
    if (!isPageNavigation(request)) return false;
    reply.header('cache-control', REVALIDATE);
    void reply.sendFile(isAdminPath(request) ? ADMIN_PAGE : isPortalPath(request) ? PORTAL_PAGE : 'index.html', root, { cacheControl: false });
    return true;
  };
}

const ADMIN_PAGE = 'admin.html';
const PORTAL_PAGE = 'enterprise.html';

/** /enterprise: the enterprise portal, where the OIDC login lands too. */
function isPortalPath(request: FastifyRequest): boolean {
  const pathname = request.url.split('?')[0] ?? '';
  return pathname === '/enterprise' || pathname.startsWith('/enterprise/');
}

/** /admin and the back office's own routes under it. */
function isAdminPath(request: FastifyRequest): boolean {
  const pathname = request.url.split('?')[0] ?? '';
  return pathname === '/admin' || pathname.startsWith('/admin/');
}

/** A browser asking for a page (not a script, an image, or the API) at a path the app routes itself. */
function isPageNavigation(request: FastifyRequest): boolean {
  const pathname = request.url.split('?')[0] ?? '';
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (pathname === '/api' || pathname.startsWith('/api/')) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

function registerChatPage(app: FastifyInstance): void {
  const directives = cspDirectives();
  directives['script-src'] = ["'self'", CHAT_PAGE_CSP.script];
  directives['style-src'] = ["'self'", CHAT_PAGE_CSP.style];
  app.get(
    '/',
    { helmet: { contentSecurityPolicy: { useDefaults: false, directives } } },
    (_request, reply) => reply.header('cache-control', REVALIDATE).type('text/html; charset=utf-8').send(CHAT_PAGE),
  );
}
