/**
 * Bad input is a 400 naming the field, never a 500 from the database (issue #9, item 5): NUL and
 * unpaired surrogates in paths, query strings and JSON bodies, and whole numbers past what
 * PostgreSQL's integer holds or not finite at all. Over real HTTP, on PGlite and (when
 * XIAOXIN_TEST_DATABASE_URL is set) on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteMemoryBackend, postgresBackend, type TestTarget } from '../storage/test-support.js';
import { AdminClient, loggedIn, STAFF, startAdminServer, type AdminSetup } from './admin/test-support.js';

const backends = [pgliteMemoryBackend, postgresBackend].filter((b) => b.enabled);

describe.each(backends.map((b) => [b.name, b] as const))('bad input on %s', (_name, backend) => {
  let target: TestTarget;
  let setup: AdminSetup;
  let admin: AdminClient;

  beforeAll(async () => {
    target = await backend.create();
    setup = await startAdminServer({ storeOptions: target.options });
    admin = await loggedIn(setup.base, STAFF.admin);
  }, 120_000);

  afterAll(async () => {
    await setup?.close();
    await target?.cleanup();
  });

  it.each([
    ['/api/items/%00', 'id: must not contain control characters'],
    ['/api/items/faq%01parking', 'id: must not contain control characters'],
    ['/api/items/%ED%A0%80', 'the path: /api/items/%ED%A0%80 is not valid %-encoded UTF-8'],
    ['/api/suggest?q=%00', 'q: must not contain control characters'],
    ['/api/admin/items/%00', 'id: must not contain control characters'],
    ['/api/admin/items/faq-parking/versions/999999999999', 'version: must be a whole number from 1 to 2147483647'],
    ['/api/admin/items/faq-parking/versions/1/diff?against=99999999999', 'against: must be a whole number from 1 to 2147483647'],
    ['/api/admin/items?page=1e999', 'page: must be a whole number from 1 to 2147483647'],
    ['/api/admin/items?page=Infinity', 'page: must be a whole number from 1 to 2147483647'],
    ['/api/admin/questions?page=1e999', 'page: must be a whole number from 1 to 2147483647'],
    ['/api/admin/review-queue?days=1e999', 'days: must be a whole number from 0 to 3650'],
    ['/api/admin/audit?beforeId=1e999', 'beforeId: must be a whole number from 1 to 9007199254740991'],
    ['/api/admin/audit?target=%00', 'target: must not contain control characters'],
  ])('GET %s is a 400: %s', async (path, error) => {
    const reply = await admin.get(path);
    expect(reply).toMatchObject({ status: 400, body: { error } });
  });

  it.each([
    ['a login name with NUL', '/api/admin/login', { name: 'boss\u0000', password: 'x' }, 'name: contains a NUL character (U+0000) at position 5'],
    ['a login name with a lone surrogate', '/api/admin/login', { name: 'boss\ud800', password: 'x' }, 'name: contains a broken character (a lone UTF-16 surrogate, U+D800) at position 5'],
    ['a question with NUL', '/api/chat', { message: '停车收费吗\u0000' }, 'message: contains a NUL character (U+0000) at position 6'],
    [
      'an item field with NUL',
      '/api/admin/items',
      { item: { kind: 'faq', id: 'faq-nul', title: '问题\u0000', answer: '答案。' } },
      'item.title: contains a NUL character (U+0000) at position 3',
    ],
    [
      'a property name with NUL',
      '/api/admin/items',
      { item: { kind: 'faq', id: 'faq-nul', title: '问题', answer: '答案。', materials: [{ 'a\u0000': 1 }] } },
      'item.materials[0]."a\\u0000": contains a NUL character (U+0000) at position 2 (in a property name)',
    ],
  ])('POST with %s is a 400 naming the field', async (_what, path, body, error) => {
    const reply = await admin.post(path, body);
    expect(reply).toMatchObject({ status: 400, body: { error } });
  });

  it('refuses a body nested 10 000 deep with a 400 (it overflowed the stack: 500)', async () => {
    const res = await fetch(`${setup.base}/api/admin/insights/clusters/faq`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie!, 'x-csrf-token': admin.csrfToken! },
      body: `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
    });
    expect({ status: res.status, body: await res.json() }).toEqual({
      status: 400,
      body: { error: `${'[0]'.repeat(32)}: must not be nested more than 32 levels deep` },
    });
  });

  it('logged nothing unexpected, and still answers', async () => {
    expect(setup.server.errors).toEqual([]);
    expect((await admin.get('/api/admin/items/faq-parking')).status).toBe(200);
  });
});
