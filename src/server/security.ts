/**
 * @module server/security
 * Security headers (helmet) with a strict content security policy: everything from this origin,
 * no inline scripts or styles, no plugins. The built web app satisfies it (Vite emits external
 * scripts and stylesheets only; Vue sets styles through the DOM, which CSP allows). Who may frame
 * the app is XIAOXIN_EMBED_ORIGINS, said with frame-ancestors (X-Frame-Options cannot list origins,
 * so it is not sent).
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export type CspDirectives = Record<string, string[]>;

/** The policy of every response; `frame-ancestors` from the embedding origins (`['*']`: anyone). */
export function cspDirectives(embedOrigins: readonly string[]): CspDirectives {
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
    'frame-ancestors': embedOrigins.includes('*') ? ['*'] : ["'self'", ...embedOrigins],
  };
}

export function registerSecurityHeaders(app: FastifyInstance, embedOrigins: readonly string[]): void {
  app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(embedOrigins) },
    xFrameOptions: false,
    // Only for what is served here; a zone's other sites under the same domain are not ours to pin.
    strictTransportSecurity: { maxAge: 180 * 24 * 60 * 60, includeSubDomains: false },
    // Same-origin by default; static.ts opens the widget script and hashed assets to other sites.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
}
