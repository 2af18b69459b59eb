/**
 * @module server/security
 * Security headers (helmet) with a strict content security policy: everything from this origin,
 * no inline scripts or styles, no plugins. The built web app satisfies it (Vite emits external
 * scripts and stylesheets only; Vue sets styles through the DOM, which CSP allows).
 *
 * Framing: nothing may be framed (`frame-ancestors 'none'`, and X-Frame-Options: DENY for old
 * browsers), least of all the back office, where a framed page could be clicked through by a
 * hostile site. The one exception is the widget's page (`/?embed=1`, which widget.js opens in an
 * iframe on the zone's websites): it may be framed by XIAOXIN_EMBED_ORIGINS.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export type CspDirectives = Record<string, string[]>;

/** The policy of every response; `frameAncestors` says who may frame it (`'none'` by default). */
export function cspDirectives(frameAncestors: readonly string[] = ["'none'"]): CspDirectives {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    // Vite inlines small images and fonts as data: URLs; recordings and camera frames are blobs.
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'media-src': ["'self'", 'blob:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': [...frameAncestors],
  };
}

/** Who may frame the widget's page: the embedding origins (`['*']`: any site). */
export function widgetFrameAncestors(embedOrigins: readonly string[]): string[] {
  return embedOrigins.includes('*') ? ['*'] : ["'self'", ...embedOrigins];
}

export function registerSecurityHeaders(app: FastifyInstance, embedOrigins: readonly string[]): void {
  app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives() },
    xFrameOptions: { action: 'deny' },
    // Only for what is served here; a zone's other sites under the same domain are not ours to pin.
    strictTransportSecurity: { maxAge: 180 * 24 * 60 * 60, includeSubDomains: false },
    // Same-origin by default; static.ts opens the widget script and hashed assets to other sites.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  const widgetAncestors = `frame-ancestors ${widgetFrameAncestors(embedOrigins).join(' ')}`;
  // The widget's page is index.html like the app's own, so it is told apart by its query here
  // rather than by a route; the rest of its policy (e.g. the chat page's hashes) is kept.
  app.addHook('onSend', async (request, reply, payload) => {
    const csp = reply.getHeader('content-security-policy');
    const html = String(reply.getHeader('content-type') ?? '').startsWith('text/html');
    if (typeof csp !== 'string' || !html || !isWidgetPage(request)) return payload;
    reply.header('content-security-policy', csp.replace(/frame-ancestors [^;]*/, widgetAncestors));
    reply.removeHeader('x-frame-options');
    return payload;
  });
}

/** A request for the public web app in embed mode (`/?embed=1`), never the back office or the API. */
export function isWidgetPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const [pathname = '', query = ''] = request.url.split('?');
  if (pathname === '/api' || pathname.startsWith('/api/') || pathname === '/admin' || pathname.startsWith('/admin/')) return false;
  if (pathname.startsWith('/assets/') || pathname === '/admin.html') return false;
  return new URLSearchParams(query).get('embed') === '1';
}
