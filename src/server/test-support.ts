/**
 * @module server/test-support
 * Helpers for the server tests: a server listening on a free port, and JSON requests to it.
 * Imports no test framework, so it is harmless in a build.
 */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../storage/index.js';
import { buildServer, type ChatEngine, type ServerOptions } from './app.js';

/** A web folder that does not exist, so that tests never depend on whether the web app was built. */
export const NO_WEB_APP = '/nonexistent/xiaoxin-web';

export interface Running {
  app: FastifyInstance;
  base: string;
  /** Notes the server gave the operator. */
  notes: string[];
  errors: string[];
  close(): Promise<void>;
}

/** Builds a server with quiet logs and no refreshing (unless asked), and listens on 127.0.0.1. */
export async function startServer(
  engine: ChatEngine | Promise<ChatEngine>,
  store: Store,
  options: ServerOptions = {},
): Promise<Running> {
  const notes: string[] = [];
  const errors: string[] = [];
  const app = buildServer(engine, store, {
    refreshMs: 0,
    webDir: NO_WEB_APP,
    processMetrics: false,
    logNote: (m) => notes.push(m),
    logError: (m) => errors.push(m),
    ...options,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  return { app, base: `http://127.0.0.1:${address.port}`, notes, errors, close: () => app.close() };
}

export interface JsonReply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export async function getJson<T = Record<string, unknown>>(url: string, init: RequestInit = {}): Promise<JsonReply<T>> {
  const res = await fetch(url, init);
  return { status: res.status, headers: res.headers, body: (await res.json()) as T };
}

export function postJson<T = Record<string, unknown>>(url: string, body: unknown, headers: Record<string, string> = {}) {
  return getJson<T>(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** An engine that answers every question with the same FAQ, and can be told to fail. */
export function standInEngine(options: { fail?: boolean } = {}) {
  return {
    asked: [] as string[],
    async ask(question: string) {
      this.asked.push(question);
      if (options.fail) throw new Error('engine exploded');
      return {
        text: '政务服务中心地下停车场对办事群众免费开放。',
        type: 'faq' as const,
        citations: [{ id: 'faq-parking', title: '停车收费吗？', kind: 'faq' as const }],
        confidence: 0.9,
        suggestions: [],
      };
    },
    refresh: async () => false,
  };
}
