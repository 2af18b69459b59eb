/**
 * @module answering/source-preference.test
 * A news report about a policy ranks first, the policy close behind: asked what the policy rules
 * (its application window, its term), the policy answers; asked what happened, the report does.
 * Fresh items and questions, written for this test, beside the demo's knowledge (so that words
 * weigh as they do in a real knowledge base).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemSchema, type ItemInput } from '../knowledge/index.js';
import type { Store } from '../storage/index.js';
import type { Assistant } from './assistant.js';
import { asksWhatARuleSays } from './source-preference.js';
import { openDemo } from './test-fixtures.js';

const ITEMS: ItemInput[] = [
  {
    kind: 'policy',
    id: 'policy-green-factory',
    title: '关于支持绿色工厂建设的若干措施',
    text:
      '第一条 为推动制造业绿色转型，制定本措施。\n' +
      '第二条 对新认定为国家级绿色工厂的企业，给予一次性奖励80万元；新认定为省级的，给予一次性奖励30万元。\n' +
      '第三条 申报时间。每年9月1日至9月30日集中申报，申报上一年度认定的事项。\n' +
      '第四条 本措施自2026年3月1日起施行，有效期至2028年2月29日。',
  },
  {
    kind: 'article',
    id: 'news-green-briefing',
    title: '绿色工厂新政宣讲会举行 百余家企业听“干货”',
    text:
      '5月14日上午，绿色工厂新政宣讲会在区会展中心举行，120余家企业参加。\n' +
      '区经信局负责人对3月1日起施行的《关于支持绿色工厂建设的若干措施》进行了解读，介绍了绿色工厂奖励的申报要点。\n' +
      '去年全区新增绿色工厂14家，今年的奖励申报通知将于近期发布。',
  },
];

let store: Store;
let assistant: Assistant;
beforeAll(async () => {
  ({ store, assistant } = await openDemo());
  await store.upsertItems(ITEMS.map((i) => itemSchema.parse(i)));
  await assistant.refresh();
});
afterAll(async () => {
  await store?.close();
});

describe('a news report and the policy it retells', () => {
  it('the policy answers when applications are taken', async () => {
    const answer = await assistant.ask('绿色工厂奖励政策啥时候报');
    expect(answer.citations[0]?.id).toBe('policy-green-factory');
    expect(answer.text).toContain('9月1日至9月30日');
  });

  it('the policy answers until when it applies', async () => {
    const answer = await assistant.ask('绿色工厂新政有效期到啥时候');
    expect(answer.citations[0]?.id).toBe('policy-green-factory');
    expect(answer.text).toContain('2028年2月29日');
  });

  it('the report answers what happened (a figure of last year)', async () => {
    const answer = await assistant.ask('去年全区新增了几家绿色工厂');
    expect(answer.citations[0]?.id).toBe('news-green-briefing');
  });
});

describe('asksWhatARuleSays', () => {
  it.each([
    ['这个政策有效期到什么时候', undefined, true],
    ['从哪天开始施行', undefined, true],
    ['补贴什么时候申报', 'applicationPeriod', true],
    ['去年全区新增多少家', undefined, false],
    ['宣讲会在哪开', 'place', false],
  ] as const)('%s → %s', (question, field, expected) => {
    expect(asksWhatARuleSays(question, field)).toBe(expected);
  });
});
