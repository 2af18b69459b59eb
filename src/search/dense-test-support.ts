/**
 * @module search/dense-test-support
 * A real local HTTP server speaking the OpenAI embeddings protocol with a deterministic toy model,
 * for the dense retrieval tests. Imports no test framework, so it is harmless in a build.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Dimensions of the toy model's vectors. */
export const TOY_DIMENSIONS = 64;

/**
 * A hashed bag of character bigrams (FNV-1a into 64 buckets), deliberately not normalised so
 * that the client's normalisation is tested. Texts sharing words like 营业执照 share bigrams and
 * so get close vectors, which is all a test of nearest-neighbour search needs.
 */
export function toyEmbedding(text: string, dims = TOY_DIMENSIONS): number[] {
  const chars = [...text.replace(/[\s\p{P}]/gu, '')];
  const grams = chars.length === 1 ? chars : chars.slice(1).map((c, i) => chars[i]! + c);
  const vector = new Array<number>(dims).fill(0);
  for (const gram of grams) {
    let hash = 0x811c9dc5;
    for (const unit of gram) {
      hash ^= unit.codePointAt(0)!;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    const bucket = hash % dims;
    vector[bucket] = (vector[bucket] ?? 0) + 1;
  }
  return vector;
}

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: { model?: unknown; input?: unknown };
}

/** What the server does next; tests change it between calls. */
export interface ToyBehaviour {
  /** Answer this status with `errorBody` instead of embeddings. */
  status?: number;
  errorBody?: string;
  /** Wait this long before answering. */
  delayMs?: number;
  /** List `data` in reverse order (with correct `index`es), as some servers do. */
  reverse?: boolean;
}

export interface ToyEmbeddingsServer {
  /** Base URL, `http://127.0.0.1:<port>/v1`. */
  baseUrl: string;
  requests: SeenRequest[];
  behaviour: ToyBehaviour;
  /** Every text embedded so far, in order. */
  embeddedTexts(): string[];
  close(): Promise<void>;
}

export async function startToyEmbeddingsServer(): Promise<ToyEmbeddingsServer> {
  const requests: SeenRequest[] = [];
  const state: { behaviour: ToyBehaviour } = { behaviour: {} };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body: SeenRequest['body'] = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as SeenRequest['body'];
      } catch {
        // Recorded as an empty body; the 400 below tells the client.
      }
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const behaviour = state.behaviour;
      const answer = () => {
        if (res.destroyed) return;
        if (req.method !== 'POST' || req.url !== '/v1/embeddings') return send(404, { error: `no route ${req.url}` });
        if (behaviour.status) return send(behaviour.status, behaviour.errorBody ?? '');
        if (!Array.isArray(body.input)) return send(400, { error: { message: 'input must be an array of strings' } });
        const data = (body.input as string[]).map((text, index) => ({ object: 'embedding', index, embedding: toyEmbedding(text) }));
        if (behaviour.reverse) data.reverse();
        send(200, { object: 'list', data, model: body.model, usage: { prompt_tokens: 0, total_tokens: 0 } });
      };
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': typeof payload === 'string' ? 'text/plain' : 'application/json' });
        res.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
      };
      if (behaviour.delayMs) setTimeout(answer, behaviour.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    get behaviour() {
      return state.behaviour;
    },
    set behaviour(value: ToyBehaviour) {
      state.behaviour = value;
    },
    embeddedTexts: () => requests.flatMap((r) => (Array.isArray(r.body.input) ? (r.body.input as string[]) : [])),
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Timed-out clients leave keep-alive sockets open; close them so close() returns.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
