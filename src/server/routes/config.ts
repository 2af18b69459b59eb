/**
 * @module server/routes/config
 * GET /api/config: what the web app needs to know of this installation.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { PublicConfig, ServerContext, SpeechFeatures } from '../context.js';
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
        speech: {
          type: 'object',
          description: 'Speech through the server: out (POST /api/speech) and in (POST /api/transcribe)',
          properties: {
            output: {
              type: 'object',
              properties: {
                available: { type: 'boolean' },
                engine: { type: 'string', enum: ['remote', 'espeak-ng', 'none'] },
                reason: { type: 'string', description: 'Why espeak-ng cannot speak (missing program or voice)' },
              },
              required: ['available', 'engine'],
            },
            input: { type: 'object', properties: { available: { type: 'boolean' } }, required: ['available'] },
          },
          required: ['output', 'input'],
        },
      },
      required: ['zoneName', 'hotline', 'serviceWindow', 'kioskIdleSeconds', 'maxMessageChars', 'kiosk', 'speech'],
    },
    ...errorReplies(429),
  },
};

export const configRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.get('/api/config', { schema }, async (): Promise<PublicConfig> => ({ ...ctx.settings, speech: speechFeatures(ctx) }));
};

function speechFeatures(ctx: ServerContext): SpeechFeatures {
  const { speaker, transcriber } = ctx.speech;
  return {
    output: speaker?.status ?? { available: false, engine: 'none', reason: '服务器未开启语音播报' },
    input: { available: transcriber !== undefined },
  };
}
