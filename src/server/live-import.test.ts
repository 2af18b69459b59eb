/**
 * The server keeps answering while items are imported into its store and the index is rebuilt,
 * and a new item becomes answerable within seconds. Over real HTTP; on PGlite the import goes
 * through the server's own store object, on PostgreSQL (XIAOXIN_TEST_DATABASE_URL) through a
 * second one, as `xiaoxin import` in another process would.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Assistant } from '../answering/index.js';
import { DEMO_FILES } from '../answering/test-fixtures.js';
import { importPaths } from '../ingestion/index.js';
import { itemSchema, type Item } from '../knowledge/index.js';
import { openStore, type Store } from '../storage/index.js';
import { pgliteMemoryBackend, postgresBackend, type TestTarget } from '../storage/test-support.js';
import { postJson, startServer, type Running } from './test-support.js';

const DRONE = itemSchema.parse({
  kind: 'faq',
  id: 'faq-drone-filing',
  title: '在星河高新区飞无人机需要报备吗？',
  answer: '在星河高新区内飞行无人机，须提前1个工作日通过“星河政务”小程序报备飞行计划。',
  category: '综合服务',
});
const QUESTIONS = ['政务服务中心在哪里', '办理营业执照要带什么材料', '人才公寓怎么申请', '高新技术企业认定条件'];

type ChatReply = { answer: { citations: Array<{ id: string }> } };

for (const backend of [pgliteMemoryBackend, postgresBackend]) {
  describe.skipIf(!backend.enabled)(`answering during an import on ${backend.name}`, () => {
    let target: TestTarget | undefined;
    const stores: Store[] = [];
    let server: Running | undefined;

    afterEach(async () => {
      await server?.close();
      for (const store of stores.splice(0)) await store.close();
      await target?.cleanup();
    });

    it('answers every question while FAQs are imported, and answers from the new ones within seconds', async () => {
      target = await backend.create();
      const served = await openStore(target.options);
      stores.push(served);
      const importer = backend === postgresBackend ? await openStore(target.options) : served;
      if (importer !== served) stores.push(importer);

      const demo = await importPaths(DEMO_FILES);
      const faqs = demo.items.filter((i) => i.kind === 'faq');
      await served.upsertItems(demo.items.filter((i) => i.kind !== 'faq'));
      const assistant = await Assistant.create(served, { today: '2026-11-22' });
      server = await startServer(assistant, served, { refreshMs: 200, rateLimit: 0 });
      const base = server.base;

      // Questions keep coming, two at a time, for as long as the import and the rebuilds take.
      const statuses: number[] = [];
      let asking = true;
      const asker = async (offset: number) => {
        for (let i = offset; asking; i += 2) {
          const reply = await postJson(`${base}/api/chat`, { message: QUESTIONS[i % QUESTIONS.length] });
          statuses.push(reply.status);
          // A busy hall, not a flood: the rebuild has to share the process with these.
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      const askers = [asker(0), asker(1)];
      try {
        const batches: Item[][] = [];
        for (let i = 0; i < faqs.length; i += 40) batches.push(faqs.slice(i, i + 40));
        batches.push([DRONE]);
        for (const batch of batches) {
          await importer.upsertItems(batch);
          await new Promise((r) => setTimeout(r, 50));
        }
        const imported = Date.now();

        // Two to four seconds on an idle machine (a rebuild in progress, then the last one); the
        // bound is loose because CI runs many test files at once on two cores.
        let cited: string | undefined;
        while (Date.now() - imported < 30_000) {
          const reply = await postJson<ChatReply>(`${base}/api/chat`, { message: '飞无人机要报备吗' });
          cited = reply.body.answer.citations[0]?.id;
          if (cited === DRONE.id) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        expect(cited).toBe(DRONE.id);
        // And the completion offers it too.
        const suggest = await fetch(`${base}/api/suggest?q=${encodeURIComponent('飞无人机')}`);
        expect(((await suggest.json()) as { suggestions: Array<{ itemId: string }> }).suggestions[0]?.itemId).toBe(DRONE.id);
      } finally {
        asking = false;
        await Promise.all(askers);
      }
      expect(statuses.length).toBeGreaterThan(10);
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      expect(server.errors).toEqual([]);
    }, 120_000);
  });
}
