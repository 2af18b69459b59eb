/**
 * Several instances on one PostgreSQL database: what one publishes, the others answer with, told
 * by LISTEN/NOTIFY rather than by polling (the poll here is a minute, far beyond the wait).
 * Uses a PostgreSQL server of its own; skipped where PostgreSQL is not installed (CI installs it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assistant } from '../answering/index.js';
import { DEMO_FILES, DEMO_TODAY } from '../answering/test-fixtures.js';
import { importPaths } from '../ingestion/index.js';
import { validateItem } from '../knowledge/index.js';
import { openStore, type Store } from '../storage/index.js';
import { postgresBinaries, startThrowawayPostgres, type ThrowawayPostgres } from '../test/throwaway-postgres.js';
import { postJson, startServer, type Running } from './test-support.js';

interface ChatReply {
  answer: { type: string; citations: { id: string }[] };
}

describe.skipIf(!postgresBinaries())('two instances on one PostgreSQL database', () => {
  let postgres: ThrowawayPostgres;
  const stores: Store[] = [];
  const servers: Running[] = [];

  beforeAll(async () => {
    postgres = await startThrowawayPostgres();
    const first = await openStore({ databaseUrl: postgres.url });
    await first.upsertItems((await importPaths(DEMO_FILES)).items);
    stores.push(first, await openStore({ databaseUrl: postgres.url }));
    for (const store of stores) {
      const assistant = await Assistant.create(store, { today: DEMO_TODAY });
      servers.push(await startServer(assistant, store, { refreshMs: 60_000, rateLimit: 0 }));
    }
  }, 120_000);

  afterAll(async () => {
    for (const server of servers) await server.close();
    for (const store of stores) await store.close();
    await postgres?.remove();
  });

  it('answers on one instance with what was published on the other, without waiting for the poll', async () => {
    const question = '无人机表演备案去哪里办';
    const made = validateItem({
      id: 'faq-drone-show',
      kind: 'faq',
      title: '无人机表演备案',
      questions: [question],
      answer: '无人机表演备案在政务服务中心二楼公安窗口办理，表演前十个工作日提交申请。',
    });
    if (!made.ok) throw new Error(made.errors.join('; '));
    const cites = async () =>
      (await postJson<ChatReply>(`${servers[1]!.base}/api/chat`, { message: question })).body.answer.citations.some((c) => c.id === made.item.id);
    expect(await cites()).toBe(false);

    const published = Date.now();
    await stores[0]!.upsertItems([made.item]);
    while (!(await cites())) {
      // The poll is a minute: only the notification can have told the second instance this soon.
      if (Date.now() - published > 20_000) throw new Error('the second instance never answered with the published item');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 60_000);
});
