/**
 * @module search/dense-client
 * A client for a local OpenAI-compatible embeddings server (bge-m3 behind vLLM, Ollama or
 * Xinference), configured from XIAOXIN_EMBEDDINGS_URL / _MODEL / _KEY; off when the URL is unset.
 */
import { l2Normalise } from './dense-vector.js';

/** Anything that turns texts into vectors; `model` names the vector space (it keys the cache). */
export interface Embedder {
  readonly model: string;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

export interface EmbeddingsConfig {
  /** Base URL of the OpenAI-compatible API, e.g. `http://127.0.0.1:9997/v1`; `/embeddings` is appended. */
  baseUrl: string;
  /** Model name as the server knows it, e.g. `bge-m3`. */
  model: string;
  /** Sent as `Authorization: Bearer <key>`; never shown in messages. */
  apiKey?: string;
  /** Texts per request. */
  batchSize?: number;
  /** Per request, in milliseconds. */
  timeoutMs?: number;
}

/** Small enough that one request of 220-character passages stays well inside a server's token budget. */
export const DEFAULT_BATCH_SIZE = 32;
/** A cold bge-m3 on CPU can take seconds per batch; half a minute means the server is not coming back. */
export const DEFAULT_TIMEOUT_MS = 30_000;

const PREFIX = 'xiaoxin embeddings:';
const EXAMPLE_URL = 'http://127.0.0.1:9997/v1';
const BODY_EXCERPT_CHARS = 300;

/**
 * The embeddings configuration from the environment, or `undefined` when XIAOXIN_EMBEDDINGS_URL
 * is unset or blank (dense retrieval is off). Throws when it is set but unusable.
 */
export function embeddingsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): EmbeddingsConfig | undefined {
  const baseUrl = env.XIAOXIN_EMBEDDINGS_URL?.trim();
  if (!baseUrl) return undefined;
  parseBaseUrl(baseUrl, 'XIAOXIN_EMBEDDINGS_URL');
  const model = env.XIAOXIN_EMBEDDINGS_MODEL?.trim();
  if (!model) {
    throw new Error(
      `${PREFIX} XIAOXIN_EMBEDDINGS_URL is set but XIAOXIN_EMBEDDINGS_MODEL is not; ` +
        'set it to the model name the server serves, e.g. bge-m3',
    );
  }
  const apiKey = env.XIAOXIN_EMBEDDINGS_KEY?.trim();
  return { baseUrl, model, ...(apiKey ? { apiKey } : {}) };
}

export class EmbeddingsClient implements Embedder {
  readonly model: string;
  /** The endpoint as shown in messages: no credentials, query or fragment. */
  readonly endpoint: string;
  readonly batchSize: number;
  readonly timeoutMs: number;
  private readonly url: URL;
  private readonly apiKey: string | undefined;

  constructor(config: EmbeddingsConfig) {
    this.url = endpointOf(parseBaseUrl(config.baseUrl, 'the embeddings base URL'));
    this.endpoint = `${this.url.origin}${this.url.pathname}`;
    if (!config.model.trim()) throw new Error(`${PREFIX} no model name given for ${this.endpoint}`);
    this.model = config.model.trim();
    this.apiKey = config.apiKey?.trim() || undefined;
    this.batchSize = positiveInteger(config.batchSize ?? DEFAULT_BATCH_SIZE, 'batch size');
    this.timeoutMs = positiveInteger(config.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'timeout');
  }

  /** Unit-length vectors, one per text, in the order given. */
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    // Batches go one after another: the server is a single local model, and parallel requests
    // would only queue there while making timeouts fire on work that is merely waiting.
    for (let start = 0; start < texts.length; start += this.batchSize) {
      for (const vector of await this.embedBatch(texts.slice(start, start + this.batchSize))) out.push(vector);
    }
    const dims = out[0]?.length;
    if (out.some((v) => v.length !== dims)) throw this.error('returned vectors of different lengths in one call');
    return out;
  }

  private async embedBatch(batch: readonly string[]): Promise<Float32Array[]> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.apiKey) headers.authorization = `Bearer ${this.apiKey}`;
    let status: number;
    let statusText: string;
    let body: string;
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ model: this.model, input: batch }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = response.status;
      statusText = response.statusText;
      body = await response.text();
    } catch (cause) {
      if (cause instanceof Error && cause.name === 'TimeoutError') {
        throw this.error(`did not answer within ${this.timeoutMs} ms`, cause);
      }
      const reason = cause instanceof Error ? describeFetchError(cause) : String(cause);
      throw this.error(`could not be reached (${reason}); is the embeddings server running?`, cause);
    }
    if (status < 200 || status >= 300) {
      throw this.error(`answered HTTP ${status}${statusText ? ` ${statusText}` : ''}: ${this.excerpt(body)}`);
    }
    return this.parse(body, batch.length);
  }

  /** Checks the OpenAI response shape and puts the vectors in input order (servers may not). */
  private parse(body: string, expected: number): Float32Array[] {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw this.error(`answered with something other than JSON: ${this.excerpt(body)}`);
    }
    const data = (json as { data?: unknown } | null)?.data;
    if (!Array.isArray(data)) throw this.error(`answered without a "data" array: ${this.excerpt(body)}`);
    if (data.length !== expected) throw this.error(`returned ${data.length} embeddings for ${expected} texts`);
    const out = new Array<Float32Array | undefined>(expected);
    for (const entry of data as { index?: unknown; embedding?: unknown }[]) {
      const index = entry?.index;
      if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= expected || out[index]) {
        throw this.error(`returned a missing, repeated or out-of-range "index": ${this.excerpt(String(JSON.stringify(index)))}`);
      }
      const vector = Array.isArray(entry.embedding) ? l2Normalise(entry.embedding as unknown[] as number[]) : undefined;
      if (!vector) {
        throw this.error(`returned embedding ${index} that is not a non-zero array of numbers`);
      }
      out[index] = vector;
    }
    return out as Float32Array[];
  }

  private excerpt(text: string): string {
    let short = text.replace(/\s+/g, ' ').trim();
    if (short.length > BODY_EXCERPT_CHARS) short = `${short.slice(0, BODY_EXCERPT_CHARS)}…`;
    // A proxy that echoes request headers must not leak the key into logs.
    if (this.apiKey) short = short.split(this.apiKey).join('***');
    return short || '(empty body)';
  }

  private error(message: string, cause?: unknown): Error {
    return new Error(`${PREFIX} ${this.endpoint} (model ${this.model}) ${message}`, cause ? { cause } : undefined);
  }
}

/** Validates a base URL; `name` says where it came from, for the message. */
function parseBaseUrl(raw: string, name: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`${PREFIX} ${name} is not a valid URL: ${JSON.stringify(raw)}; expected something like ${EXAMPLE_URL}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${PREFIX} ${name} must be an http:// or https:// URL, not ${JSON.stringify(url.protocol)}; e.g. ${EXAMPLE_URL}`);
  }
  if (url.username || url.password) {
    // fetch refuses URLs with credentials, and they would show up in every message.
    throw new Error(`${PREFIX} ${name} must not contain a user name or password; put the key in XIAOXIN_EMBEDDINGS_KEY`);
  }
  return url;
}

/** `{base}/embeddings`; a base already ending in /embeddings (a common slip) is taken as is. */
function endpointOf(base: URL): URL {
  const url = new URL(base);
  url.hash = '';
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = path.endsWith('/embeddings') ? path : `${path}/embeddings`;
  return url;
}

function positiveInteger(value: number, what: string): number {
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${PREFIX} the ${what} must be a positive integer, not ${value}`);
  return value;
}

/** undici reports "fetch failed" and hides the reason (ECONNREFUSED, ENOTFOUND…) in `cause`. */
function describeFetchError(error: Error): string {
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : '';
  return detail ? `${error.message}: ${detail}` : error.message;
}
