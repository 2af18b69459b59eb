/**
 * The safety net behind the schemas: the database's own refusal of a value (as PGlite and
 * PostgreSQL really raise it) becomes a 400 naming the request's field.
 */
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../storage/index.js';
import { pgliteMemoryBackend, postgresBackend, type TestTarget } from '../storage/test-support.js';
import { databaseInputError } from './database-input-errors.js';

const backends = [pgliteMemoryBackend, postgresBackend].filter((b) => b.enabled);

const request = (parts: { params?: unknown; query?: unknown; body?: unknown }) => parts as unknown as FastifyRequest;

async function refusal(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (e) {
    return e;
  }
  throw new Error('the database took the value');
}

describe.each(backends.map((b) => [b.name, b] as const))('database refusals on %s', (_name, backend) => {
  let target: TestTarget;
  let store: Store;

  beforeAll(async () => {
    target = await backend.create();
    store = await openStore(target.options);
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    await target?.cleanup();
  });

  it('names the field whose text has NUL', async () => {
    const error = await refusal(() => store.getItem('faq\u0000'));
    expect(databaseInputError(error, request({ params: { id: 'faq\u0000' } }))).toEqual({ message: 'id: contains a character the database cannot store' });
  });

  it('names the field whose number is out of range', async () => {
    const error = await refusal(() => store.versions.get('faq-parking', 999_999_999_999));
    expect(databaseInputError(error, request({ params: { id: 'faq-parking', version: 999_999_999_999 } }))).toEqual({ message: 'version: is out of range' });
  });
});

describe('other errors', () => {
  it('are not the client’s', () => {
    expect(databaseInputError(new Error('connection refused'), request({}))).toBeUndefined();
    expect(databaseInputError(Object.assign(new Error('deadlock'), { code: '40P01' }), request({}))).toBeUndefined();
  });
});
