/**
 * @module server/routes/config
 * GET /api/config: what the web app needs to know of this installation.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../context.js';
import { errorReplies } from '../schemas.js';

const schema = {
  summary: 'This installation, for the web app',
  tags: ['configuration'],
  response: {
    200: {
      type: 'object',
      properties: {
        zoneName: { type: 'string' },
        hotline: { type: 'string' },
        serviceWindow: { type: 'string' },
        kioskIdleSeconds: { type: 'integer', description: 'A kiosk left alone this long starts over' },
        maxMessageChars: { type: 'integer' },
        kiosk: { type: 'boolean', description: 'Every browser gets kiosk mode (XIAOXIN_KIOSK)' },
      },
      required: ['zoneName', 'hotline', 'serviceWindow', 'kioskIdleSeconds', 'maxMessageChars', 'kiosk'],
    },
    ...errorReplies(429),
  },
};

export const configRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.get('/api/config', { schema }, async () => ctx.settings);
};
