/**
 * @module directory/assistant.test
 * The directory in the chat path: the demo knowledge base and the demo zone's directory in one
 * store; a question asking to find an entry is answered from the directory (type `directory`, its
 * cards), a policy or procedure question by the knowledge base as before — and a change in the
 * directory is answered at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDirectoryIfEmpty } from '../demo/directory.js';
import { openDemo, type DemoSetup } from '../answering/test-fixtures.js';
import { createEntry } from './service.js';

let demo: DemoSetup;
beforeAll(async () => {
  demo = await openDemo();
  expect(await loadDemoDirectoryIfEmpty(demo.store)).toBeGreaterThan(50);
  expect(await loadDemoDirectoryIfEmpty(demo.store)).toBe(0);
}, 180_000);
afterAll(async () => demo?.store.close());

describe('the chat with the directory', () => {
  it.each([
    ['请帮我找找六百平米左右的厂房，租金每平二十块以内', 'space-zzy-a3-301'],
    ['做商标注册的代理机构有哪些', 'svc-ip-xinghe'],
    ['有什么贷款贴息的资金', 'fund-loan-interest-subsidy'],
    ['经发局在哪里办公，几点上班', 'gov-economic-development'],
  ])('answers %s from the directory', async (question, first) => {
    const answer = await demo.assistant.ask(question);
    expect(answer.type).toBe('directory');
    expect(answer.directory?.[0]?.id).toBe(first);
  });

  it.each([
    ['高新技术企业认定要满足什么条件', /hte|high-tech/],
    ['人才公寓怎么申请', /talent-apartment/],
    ['知识产权质押登记要带哪些材料', /ip-pledge/],
  ])('leaves %s to the knowledge base', async (question, cited) => {
    const answer = await demo.assistant.ask(question);
    expect(answer.type).not.toBe('directory');
    expect(answer.citations[0]?.id).toMatch(cited);
  });

  it('answers from a new entry at once', async () => {
    await createEntry(demo.store, { kind: 'service', id: 'svc-translation', name: '星译翻译服务有限公司', type: '翻译', services: ['专利文件翻译', '标书翻译'] }, 'editor');
    const answer = await demo.assistant.ask('有没有能做标书翻译的服务机构');
    expect(answer.directory?.map((c) => c.id)).toEqual(['svc-translation']);
  });
});
