/**
 * @module speech/endpoint
 * The OpenAI-compatible endpoints a zone may run for speech (CosyVoice, FunASR, SenseVoice,
 * Whisper servers): a base URL such as `http://127.0.0.1:9880/v1` and the path under it.
 */

export interface OpenAiEndpoint {
  /** Base URL (`http://host:port/v1`) or the full endpoint URL. */
  url: string;
  model: string;
  /** Bearer key, if the server wants one. */
  key?: string;
}

/** The endpoint URL: `path` appended to the base unless the URL already ends with it. */
export function endpointUrl(base: string, path: '/audio/speech' | '/audio/transcriptions'): string {
  const url = new URL(base);
  url.hash = '';
  const trimmed = url.pathname.replace(/\/+$/, '');
  url.pathname = trimmed.endsWith(path) ? trimmed : `${trimmed}${path}`;
  return url.toString();
}

export function authHeaders(endpoint: OpenAiEndpoint): Record<string, string> {
  return endpoint.key ? { authorization: `Bearer ${endpoint.key}` } : {};
}

/** A body read up to `maxBytes`; more is an error (a server that does not stop talking). */
export async function readCapped(response: Response, maxBytes: number, what: string): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new Error(`${what}: the reply is larger than ${maxBytes} bytes`);
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > maxBytes) throw new Error(`${what}: the reply is larger than ${maxBytes} bytes`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
