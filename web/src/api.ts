/**
 * @module web/api
 * The HTTP client of docs/API.md. Same origin as the page (the server serves the app), so paths
 * are absolute and no credentials or CORS are involved.
 */
import type { AppConfig, ChatReply, Channel, HotTopics, PublicItem, Suggestion } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json');
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, credentials: 'omit', cache: 'no-store' });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, '网络连接失败，请稍后再试');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const message =
      body && typeof body === 'object' && 'error' in body && typeof body.error === 'string' ? body.error : response.statusText;
    throw new ApiError(response.status, message);
  }
  return body as T;
}

/** A request whose successful body is not JSON (audio, or multipart in); errors are still `{error}`. */
async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new ApiError(0, '网络连接失败，请稍后再试');
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    const message =
      body && typeof body === 'object' && 'error' in body && typeof body.error === 'string' ? body.error : response.statusText;
    throw new ApiError(response.status, message);
  }
  return response;
}

/** Cited items are fetched for cards and "查看原文"; the same item is asked for once. */
const items = new Map<string, Promise<PublicItem>>();

export const api = {
  chat(message: string, sessionId: string | undefined, channel: Channel, signal?: AbortSignal): Promise<ChatReply> {
    return request<ChatReply>('/api/chat', {
      method: 'POST',
      body: JSON.stringify(sessionId ? { message, sessionId, channel } : { message, channel }),
      signal,
    });
  },

  item(id: string): Promise<PublicItem> {
    let found = items.get(id);
    if (!found) {
      found = request<PublicItem>(`/api/items/${encodeURIComponent(id)}`);
      // A failure is not remembered: the next card may try again.
      found.catch(() => items.delete(id));
      items.set(id, found);
    }
    return found;
  },

  async suggest(q: string, limit: number, signal?: AbortSignal): Promise<Suggestion[]> {
    const params = new URLSearchParams({ q, limit: String(limit) });
    const reply = await request<{ suggestions: Suggestion[] }>(`/api/suggest?${params}`, { signal });
    return reply.suggestions;
  },

  hot(): Promise<HotTopics> {
    return request<HotTopics>('/api/hot');
  },

  /** The server's voice for a text (POST /api/speech): audio/wav, or whatever audio the zone's voice server sends. */
  async speech(text: string, rate: number): Promise<Blob> {
    const response = await send('/api/speech', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, rate }),
    });
    return response.blob();
  },

  /** A spoken question as text (POST /api/transcribe, the recording as the multipart field `file`). */
  async transcribe(wav: Blob): Promise<string> {
    const form = new FormData();
    form.append('file', wav, 'question.wav');
    const response = await send('/api/transcribe', { method: 'POST', body: form });
    return ((await response.json()) as { text: string }).text;
  },

  config(): Promise<AppConfig> {
    return request<AppConfig>('/api/config');
  },

  async feedback(turnId: string, helpful: boolean): Promise<void> {
    await request<{ ok: true }>('/api/feedback', { method: 'POST', body: JSON.stringify({ turnId, helpful }) });
  },
};
