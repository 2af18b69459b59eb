/**
 * @module server/admin/import-commit.test
 * An import commit over real HTTP is all or nothing, on PGlite and (with XIAOXIN_TEST_DATABASE_URL)
 * PostgreSQL: a row the database refuses midway stores nothing, keeps the preview and the retry
 * works; a second concurrent commit of one preview is refused; text PostgreSQL cannot store is a
 * preview problem by file and line, and the other rows go through.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, SqlStore } from '../../storage/index.js';
import { pgliteMemoryBackend, postgresBackend, type TestTarget } from '../../storage/test-support.js';
import { loggedIn, STAFF, startAdminServer, type AdminClient, type AdminSetup } from './test-support.js';

const faqRow = (n: number) => ({ kind: 'faq', id: `faq-import-${n}`, title: `第${n}个问题？`, answer: `第${n}个答复。` });
const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
const SIX = jsonl([1, 2, 3, 4, 5, 6].map(faqRow));

function form(files: Record<string, string | Uint8Array>): FormData {
  const data = new FormData();
  for (const [name, content] of Object.entries(files)) data.append('files', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  return data;
}

/** The database refuses any version or item row of `id`, after the rows before it were written. */
async function refuseRowsOf(db: Db, id: string): Promise<void> {
  await db.exec(`
    CREATE OR REPLACE FUNCTION test_refuse_row() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF coalesce(to_jsonb(NEW) ->> 'item_id', to_jsonb(NEW) ->> 'id') = '${id}' THEN
        RAISE EXCEPTION 'test: row of ${id} refused';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER test_refuse_version BEFORE INSERT ON item_versions FOR EACH ROW EXECUTE FUNCTION test_refuse_row();
    CREATE TRIGGER test_refuse_item BEFORE INSERT ON items FOR EACH ROW EXECUTE FUNCTION test_refuse_row();
  `);
}

async function acceptAllRows(db: Db): Promise<void> {
  await db.exec('DROP TRIGGER test_refuse_version ON item_versions; DROP TRIGGER test_refuse_item ON items; DROP FUNCTION test_refuse_row();');
}

for (const backend of [pgliteMemoryBackend, postgresBackend]) {
  describe.skipIf(!backend.enabled)(`import commit on ${backend.name}`, () => {
    let target: TestTarget;
    let setup: AdminSetup;
    let db: Db;
    let editor: AdminClient;
    let boss: AdminClient;

    beforeAll(async () => {
      target = await backend.create();
      // Self-publishing allowed here, so that the published path can be tried by one person.
      setup = await startAdminServer({ storeOptions: target.options, allowSelfPublish: true });
      db = (setup.store as SqlStore).db;
      editor = await loggedIn(setup.base, STAFF.editor);
      boss = await loggedIn(setup.base, STAFF.admin);
    }, 120_000);
    afterAll(async () => {
      await setup?.close();
      await target?.cleanup();
    });

    const counts = async () => ({
      items: Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM items'))[0]!.n),
      versions: Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM item_versions'))[0]!.n),
      imports: (await setup.store.audit.query({ action: 'import.commit' })).length,
      drafts: (await setup.store.audit.query({ action: 'item.save-draft' })).length,
      revision: await setup.store.revision(),
    });

    async function preview(client: AdminClient, files: Record<string, string | Uint8Array>): Promise<any> {
      const reply = await client.request('POST', '/api/admin/import/preview', form(files));
      expect(reply.status).toBe(200);
      return reply.body;
    }

    let round = 0;
    beforeEach(() => {
      round += 1;
    });
    // Each test imports ids of its own, so the tests do not depend on each other's rows.
    const rows = (n: number) => jsonl(Array.from({ length: n }, (_, i) => ({ ...faqRow(i + 1), id: `faq-r${round}-${i + 1}` })));

    it('stores no draft when the database refuses the fourth item, keeps the preview, and the retry stores all', async () => {
      const { previewId } = await preview(editor, { 'six.jsonl': rows(6) });
      const before = await counts();
      await refuseRowsOf(db, `faq-r${round}-4`);
      let failed;
      try {
        failed = await editor.post('/api/admin/import/commit', { previewId });
      } finally {
        await acceptAllRows(db);
      }
      expect(failed.status).toBe(500);
      expect(failed.body.error).toMatch(/nothing was stored; the preview is kept/);
      expect(await counts()).toEqual(before);
      expect(setup.server.errors.at(-1)).toMatch(/test: row of faq-r\d+-4 refused/);

      const retried = await editor.post('/api/admin/import/commit', { previewId });
      expect(retried.status).toBe(200);
      expect(retried.body.versions).toHaveLength(6);
      const after = await counts();
      expect(after).toMatchObject({ items: before.items, versions: before.versions + 6, imports: before.imports + 1, drafts: before.drafts + 6 });
      // Committed once: the preview is gone now.
      expect((await editor.post('/api/admin/import/commit', { previewId })).status).toBe(404);
    });

    it('publishes none of the items when one fails, and the audit entry says who approved it', async () => {
      const { previewId } = await preview(boss, { 'six.jsonl': rows(6) });
      const before = await counts();
      await refuseRowsOf(db, `faq-r${round}-4`);
      let failed;
      try {
        failed = await boss.post('/api/admin/import/commit', { previewId, publish: true });
      } finally {
        await acceptAllRows(db);
      }
      expect(failed.status).toBe(500);
      expect(await counts()).toEqual(before);
      const retried = await boss.post('/api/admin/import/commit', { previewId, publish: true });
      expect(retried.body).toMatchObject({ published: true, created: [1, 2, 3, 4, 5, 6].map((n) => `faq-r${round}-${n}`) });
      expect((await counts()).items).toBe(before.items + 6);
      const [entry] = await setup.store.audit.query({ action: 'import.commit' });
      expect(entry).toMatchObject({ actor: 'boss', after: { published: true, selfPublished: true }, detail: expect.stringMatching(/^本人发布，未经他人审核/) });
    });

    it('commits one preview once when two commits of it arrive together', async () => {
      const { previewId } = await preview(editor, { 'ten.jsonl': rows(10) });
      const before = await counts();
      const replies = await Promise.all([1, 2, 3].map(() => editor.post('/api/admin/import/commit', { previewId })));
      const statuses = replies.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      // The others either found it being committed (409) or already gone (404).
      for (const s of statuses.filter((s) => s !== 200)) expect([404, 409]).toContain(s);
      expect((await counts()).versions).toBe(before.versions + 10);
    });

    it('lists text PostgreSQL refuses as a problem of its row; the other rows import', async () => {
      const rowsWithNul = [1, 2, 3, 4, 5].map((n) => ({ ...faqRow(n), id: `faq-r${round}-${n}` }));
      rowsWithNul[3]!.answer = '第四个\u0000答复。';
      const csv = `问题,答案\n第一问？,答一。\n第二问？,答二。\n第三问？,答三。\n第四问？,答四。\n第五问？,答五。\n`;
      const body = await preview(editor, { 'nul.jsonl': jsonl(rowsWithNul), 'nul.csv': new TextEncoder().encode(csv.replace('答四', '答\u0000四')) });
      expect(body.problems).toEqual([
        { file: 'nul.jsonl', line: 4, message: 'answer: contains a NUL character (U+0000) at position 4' },
        { file: 'nul.csv', line: 5, message: expect.stringMatching(/contains a NUL character \(U\+0000\) at position 2/) },
      ]);
      expect(body.create.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([1, 2, 3, 5].map((n) => `faq-r${round}-${n}`)));
      expect(body.create).toHaveLength(4 + 4);
      const committed = await editor.post('/api/admin/import/commit', { previewId: body.previewId });
      expect(committed.status).toBe(200);
      expect(committed.body.versions).toHaveLength(8);
    });
  });
}
