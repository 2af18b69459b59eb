/**
 * @module search/dense-client.test
 * The embeddings client against a real local server: protocol, batching, order, errors, config.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddingsClient, embeddingsConfigFromEnv } from './dense-client.js';
import { startToyEmbeddingsServer, toyEmbedding, type ToyEmbeddingsServer } from './dense-test-support.js';
import { dot, l2Normalise } from './dense-vector.js';

let server: ToyEmbeddingsServer;
beforeAll(async () => {
  server = await startToyEmbeddingsServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.behaviour = {};
});

const texts = ['营业执照怎么办理', '如何申请公积金提取', '高新技术企业认定条件', '人才补贴申报时间', '社保卡补办'];

describe('EmbeddingsClient.embed', () => {
  it('posts { model, input } to {baseUrl}/embeddings and returns unit vectors of the model', async () => {
    const client = new EmbeddingsClient({ baseUrl: server.baseUrl, model: 'bge-m3' });
    const vectors = await client.embed(texts.slice(0, 2));
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: 'POST', url: '/v1/embeddings' });
    expect(server.requests[0]!.headers['content-type']).toBe('application/json');
    expect(server.requests[0]!.body).toEqual({ model: 'bge-m3', input: texts.slice(0, 2) });
    expect(vectors).toHaveLength(2);
    vectors.forEach((v, i) => {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v).toHaveLength(64);
      expect(dot(v, v)).toBeCloseTo(1, 5);
      // Same direction as the server's raw (unnormalised) vector.
      expect(dot(v, l2Normalise(toyEmbedding(texts[i]!))!)).toBeCloseTo(1, 5);
    });
    // The toy model is not normalised, so this proves the client scaled it.
    expect(Math.hypot(...toyEmbedding(texts[0]!))).toBeGreaterThan(1.5);
  });

  it('splits input into batches of the configured size and keeps the overall order', async () => {
    const client = new EmbeddingsClient({ baseUrl: server.baseUrl, model: 'bge-m3', batchSize: 2 });
    const vectors = await client.embed(texts);
    expect(server.requests.map((r) => r.body.input)).toEqual([texts.slice(0, 2), texts.slice(2, 4), texts.slice(4)]);
    vectors.forEach((v, i) => expect(dot(v, l2Normalise(toyEmbedding(texts[i]!))!)).toBeCloseTo(1, 5));
  });

  it('batches by 32 by default and sends nothing for no texts', async () => {
    const client = new EmbeddingsClient({ baseUrl: server.baseUrl, model: 'bge-m3' });
    expect(await client.embed([])).toEqual([]);
    expect(server.requests).toHaveLength(0);
    const many = Array.from({ length: 70 }, (_, i) => `第${i}条政策解读`);
    expect(await client.embed(many)).toHaveLength(70);
    expect(server.requests.map((r) => (r.body.input as string[]).length)).toEqual([32, 32, 6]);
  });

  it('orders vectors by "index", not by their place in "data"', async () => {
    server.behaviour = { reverse: true };
    const client = new EmbeddingsClient({ baseUrl: server.baseUrl, model: 'bge-m3' });
    const vectors = await client.embed(texts.slice(0, 3));
    vectors.forEach((v, i) => expect(dot(v, l2Normalise(toyEmbedding(texts[i]!))!)).toBeCloseTo(1, 5));
    expect(dot(vectors[0]!, l2Normalise(toyEmbedding(texts[2]!))!)).toBeLessThan(0.9);
  });

  it('sends the key as a bearer token, and no authorization header without one', async () => {
    await new EmbeddingsClient({ baseUrl: server.baseUrl, model: 'bge-m3', apiKey: 'sk-local-123' }).embed(['a']);
    await new EmbeddingsClient({ baseUrl: server.baseUrl, model: 'bge-m3' }).embed(['a']);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-local-123');
    expect(server.requests[1]!.headers.authorization).toBeUndefined();
  });

  it('accepts a base URL with a trailing slash or one already ending in /embeddings', async () => {
    await new EmbeddingsClient({ baseUrl: `${server.baseUrl}/`, model: 'm' }).embed(['a']);
    await new EmbeddingsClient({ baseUrl: `${server.baseUrl}/embeddings`, model: 'm' }).embed(['a']);
    expect(server.requests.map((r) => r.url)).toEqual(['/v1/embeddings', '/v1/embeddings']);
  });
});

describe('EmbeddingsClient errors', () => {
  it('names the URL, the HTTP status and an excerpt of the body, and never the key', async () => {
    server.behaviour = { status: 503, errorBody: '{"error":"model bge-m3 is loading; key sk-secret seen"}' };
    const client = new EmbeddingsClient({ baseUrl: server.baseUrl, model: 'bge-m3', apiKey: 'sk-secret' });
    const error = await client.embed(['x']).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/^xiaoxin embeddings: /);
    expect(message).toContain(`${server.baseUrl}/embeddings`);
    expect(message).toContain('HTTP 503');
    expect(message).toContain('model bge-m3 is loading');
    expect(message).not.toContain('sk-secret');
  });

  it('cuts long error bodies short', async () => {
    server.behaviour = { status: 500, errorBody: `Traceback ${'x'.repeat(5000)}` };
    const client = new EmbeddingsClient({ baseUrl: server.baseUrl, model: 'bge-m3' });
    const message = await client.embed(['x']).then(
      () => '',
      (e: Error) => e.message,
    );
    expect(message).toContain('HTTP 500');
    expect(message).toContain('Traceback');
    expect(message.length).toBeLessThan(500);
  });

  it('says so when the route is wrong (404) or the answer is not embeddings', async () => {
    const wrong = new EmbeddingsClient({ baseUrl: server.baseUrl.replace(/\/v1$/, '/v2'), model: 'm' });
    await expect(wrong.embed(['x'])).rejects.toThrow(/^xiaoxin embeddings: .*\/v2\/embeddings.*HTTP 404/);
    server.behaviour = { status: 200, errorBody: '<html>dashboard</html>' };
    const client = new EmbeddingsClient({ baseUrl: server.baseUrl, model: 'm' });
    await expect(client.embed(['x'])).rejects.toThrow(/^xiaoxin embeddings: .*something other than JSON.*dashboard/);
  });

  it('times out with a clear message', async () => {
    server.behaviour = { delayMs: 1000 };
    const client = new EmbeddingsClient({ baseUrl: server.baseUrl, model: 'bge-m3', timeoutMs: 100 });
    const started = Date.now();
    await expect(client.embed(['x'])).rejects.toThrow(/^xiaoxin embeddings: http:\/\/127\.0\.0\.1:\d+\/v1\/embeddings .*did not answer within 100 ms/);
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('says the server cannot be reached when nothing listens', async () => {
    const closed = await startToyEmbeddingsServer();
    await closed.close();
    const client = new EmbeddingsClient({ baseUrl: closed.baseUrl, model: 'bge-m3' });
    await expect(client.embed(['x'])).rejects.toThrow(/^xiaoxin embeddings: .*could not be reached.*ECONNREFUSED/);
  });

  it('rejects malformed, non-http and credential-bearing base URLs up front', () => {
    expect(() => new EmbeddingsClient({ baseUrl: '127.0.0.1:9997/v1', model: 'm' })).toThrow(/xiaoxin embeddings: .*http/);
    expect(() => new EmbeddingsClient({ baseUrl: 'not a url', model: 'm' })).toThrow(
      /^xiaoxin embeddings: .*not a valid URL: "not a url"; expected something like http:\/\/127\.0\.0\.1:9997\/v1/,
    );
    expect(() => new EmbeddingsClient({ baseUrl: 'ftp://host/v1', model: 'm' })).toThrow(/must be an http:\/\/ or https:\/\/ URL/);
    expect(() => new EmbeddingsClient({ baseUrl: 'http://u:pw@host/v1', model: 'm' })).toThrow(/XIAOXIN_EMBEDDINGS_KEY/);
    expect(() => new EmbeddingsClient({ baseUrl: 'http://host/v1', model: ' ' })).toThrow(/no model name/);
    expect(() => new EmbeddingsClient({ baseUrl: 'http://host/v1', model: 'm', batchSize: 0 })).toThrow(/batch size/);
  });
});

describe('embeddingsConfigFromEnv', () => {
  it('is off (undefined) when the URL is unset or blank', () => {
    expect(embeddingsConfigFromEnv({})).toBeUndefined();
    expect(embeddingsConfigFromEnv({ XIAOXIN_EMBEDDINGS_URL: '  ', XIAOXIN_EMBEDDINGS_MODEL: 'bge-m3' })).toBeUndefined();
  });

  it('reads URL, model and optional key', () => {
    expect(
      embeddingsConfigFromEnv({ XIAOXIN_EMBEDDINGS_URL: 'http://127.0.0.1:9997/v1', XIAOXIN_EMBEDDINGS_MODEL: 'bge-m3' }),
    ).toEqual({ baseUrl: 'http://127.0.0.1:9997/v1', model: 'bge-m3' });
    expect(
      embeddingsConfigFromEnv({
        XIAOXIN_EMBEDDINGS_URL: ' http://gpu.zone.local:8000/v1 ',
        XIAOXIN_EMBEDDINGS_MODEL: 'BAAI/bge-m3',
        XIAOXIN_EMBEDDINGS_KEY: 'token',
      }),
    ).toEqual({ baseUrl: 'http://gpu.zone.local:8000/v1', model: 'BAAI/bge-m3', apiKey: 'token' });
  });

  it('names the variable when the URL is malformed or the model is missing', () => {
    expect(() => embeddingsConfigFromEnv({ XIAOXIN_EMBEDDINGS_URL: 'localhost:9997', XIAOXIN_EMBEDDINGS_MODEL: 'm' })).toThrow(
      /^xiaoxin embeddings: XIAOXIN_EMBEDDINGS_URL must be an http:\/\/ or https:\/\/ URL/,
    );
    expect(() => embeddingsConfigFromEnv({ XIAOXIN_EMBEDDINGS_URL: 'http://[::1', XIAOXIN_EMBEDDINGS_MODEL: 'm' })).toThrow(
      /^xiaoxin embeddings: XIAOXIN_EMBEDDINGS_URL is not a valid URL: "http:\/\/\[::1"/,
    );
    expect(() => embeddingsConfigFromEnv({ XIAOXIN_EMBEDDINGS_URL: 'http://127.0.0.1:9997/v1' })).toThrow(
      /XIAOXIN_EMBEDDINGS_MODEL is not/,
    );
  });
});
