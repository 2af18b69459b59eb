/**
 * @module server/docs
 * The OpenAPI description, generated from the routes' JSON schemas, at /api/docs/json, and a
 * browsable page at /api/docs. Only routes with tags are listed (not the web app's files).
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

// The documentation page's own policy: Swagger UI sets inline styles that the app's policy forbids.
const DOCS_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

export function registerDocs(app: FastifyInstance, version: string): void {
  app.register(swagger, {
    hideUntagged: true,
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '小新 xiaoxin API',
        description:
          'The public API of xiaoxin, the government-service assistant: conversation, knowledge, configuration ' +
          'and operations. Every error is JSON `{ "error": "…" }` naming the field at fault; /api/* is rate-limited per client address.',
        version,
      },
      tags: [
        { name: 'conversation', description: 'Questions, answers and feedback' },
        { name: 'knowledge', description: 'Items, question completion and the home screen' },
        { name: 'directory', description: 'The 七找 directory (docs/ENTERPRISE-API.md, “The 七找 directory”): search and filter published entries' },
        { name: 'configuration', description: 'This installation' },
        { name: 'operations', description: 'Probes and metrics' },
        {
          name: 'admin',
          description:
            'The back office (docs/ADMIN-API.md): log in with POST /api/admin/login, which sets the session cookie; every other ' +
            'write also sends the returned csrfToken as the x-csrf-token header. Not rate-limited except login.',
        },
        {
          name: 'enterprise',
          description:
            'The enterprise portal (docs/ENTERPRISE-API.md): register, log in (credit code, username, password, or the identity ' +
            'service by OIDC), and the logged-in enterprise\'s own profile. Its own cookie xiaoxin_enterprise and CSRF token; errors in Chinese.',
        },
      ],
      components: {
        securitySchemes: {
          adminSession: { type: 'apiKey', in: 'cookie', name: 'xiaoxin_admin', description: 'Set by POST /api/admin/login' },
          enterpriseSession: { type: 'apiKey', in: 'cookie', name: 'xiaoxin_enterprise', description: 'Set by POST /api/enterprise/login or the OIDC callback' },
        },
      },
    },
  });
  app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: DOCS_CSP });
}
