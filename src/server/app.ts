/**
 * @module server/app
 * The HTTP interface (a minimal one until the web app arrives): POST /api/chat, GET /api/items/:id,
 * GET /healthz and a one-page chat at /. Errors are JSON `{ "error": "…" }` with a 4xx/5xx status.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Answer } from '../answering/answer.js';
import type { Store } from '../storage/index.js';
import { CHAT_PAGE } from './page.js';
import { DEFAULT_REFRESH_MS, startRefresher } from './refresher.js';

/** The part of the assistant the server uses (the real `Assistant`, or a stand-in in tests). */
export interface ChatEngine {
  ask(question: string, options?: { sessionId?: string }): Promise<Answer>;
  refresh(): Promise<boolean>;
}

export interface ServerOptions {
  /** How often to check the store for changes made elsewhere; 0 turns checking off. */
  refreshMs?: number;
  /** Where unexpected errors are reported (stderr by default). */
  logError?: (message: string) => void;
}

/** The longest question accepted; a spoken or typed question is far shorter. */
export const MAX_MESSAGE_CHARS = 500;

const chatSchema = z.object({
  message: z
    .string({ error: 'message: must be a string' })
    .trim()
    .min(1, 'message: must not be empty')
    .refine((m) => [...m].length <= MAX_MESSAGE_CHARS, `message: must be at most ${MAX_MESSAGE_CHARS} characters`),
  sessionId: z
    .string({ error: 'sessionId: must be a string' })
    .regex(/^[\w.:-]{1,100}$/, 'sessionId: must be 1–100 letters, digits, or . _ : -')
    .optional(),
});

export function buildServer(assistant: ChatEngine, store: Store, options: ServerOptions = {}): FastifyInstance {
  const logError = options.logError ?? ((m: string) => process.stderr.write(`xiaoxin serve: ${m}\n`));
  const app = Fastify({ logger: false });

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      logError(error.stack ?? error.message);
      return reply.status(status).send({ error: 'internal error; the server log has the details' });
    }
    return reply.status(status).send({ error: clientMessage(error) });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: `no route ${request.method} ${request.url.split('?')[0]}` }),
  );

  app.get('/', (_request, reply) => reply.type('text/html; charset=utf-8').send(CHAT_PAGE));

  app.get('/healthz', async () => ({ status: 'ok', items: await store.countItems(), revision: await store.revision() }));

  app.post('/api/chat', async (request, reply) => {
    // Fastify hands text/plain over as a string; anything but a JSON object is the wrong body.
    if (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body)) {
      return reply.status(400).send({ error: 'send a JSON body such as {"message": "办理营业执照要带什么材料"}' });
    }
    const parsed = chatSchema.safeParse(request.body);
    if (!parsed.success) return reply.status(400).send({ error: parsed.error.issues.map((i) => i.message).join('; ') });
    const sessionId = parsed.data.sessionId ?? randomUUID();
    const answer = await assistant.ask(parsed.data.message, { sessionId });
    return { sessionId, answer };
  });

  app.get<{ Params: { id: string } }>('/api/items/:id', async (request, reply) => {
    const item = await store.getItem(request.params.id);
    if (!item) return reply.status(404).send({ error: `no item with id "${request.params.id}"` });
    return item;
  });

  const refreshMs = options.refreshMs ?? DEFAULT_REFRESH_MS;
  if (refreshMs > 0) {
    const refresher = startRefresher(assistant, refreshMs, (e) => logError(`index refresh failed: ${String(e)}`));
    app.addHook('onClose', async () => refresher.stop());
  }
  return app;
}

/** Fastify's own 4xx messages, said the way a client developer can act on them. */
function clientMessage(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'the body is not valid JSON; send {"message": "…", "sessionId": "…"}';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'the body is empty; send {"message": "…"}';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'send the body as JSON (Content-Type: application/json)';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'the body is too large';
    default:
      return error.message;
  }
}
