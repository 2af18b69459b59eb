/**
 * @module answering/misheard.test
 * Questions as a speech recogniser writes them down, each with one or two characters replaced by
 * others of the same sound (政策 → 证策, 防控 → 防空, 种 → 中, 了 → 疗). When the right item ranks
 * first, the question is answered as its tidy wording is, not refused; a question the knowledge
 * base cannot answer is still refused, misheard or not. Fresh items and questions, written here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemSchema, type ItemInput } from '../knowledge/index.js';
import type { Assistant } from './assistant.js';
import { openDemo, type DemoSetup } from './test-fixtures.js';

const ITEMS: ItemInput[] = [
  {
    kind: 'policy',
    id: 'policy-relief',
    title: '关于应对疫情支持小微企业渡过难关的若干措施',
    text:
      '一、疫情防控期间，受影响的小微企业可申请延期缴纳社会保险费，延期最长不超过6个月，延期期间不收滞纳金。\n' +
      '二、对承租国有房产的小微企业，免收2个月房租，减半收取3个月房租。\n' +
      '三、对疫情防控重点保障企业的新增贷款，按贷款利息的50%给予贴息。\n' +
      '四、本措施自发布之日起施行，有效期至疫情结束。',
  },
  {
    kind: 'article',
    id: 'article-health-code',
    title: '本市上线居民健康码',
    text:
      '本报讯 为做好疫情防控，本市上线居民健康码。\n' +
      '系统根据居民填报的健康信息，把居民分为红码、黄码、绿码三种颜色，实行分类管理。\n' +
      '绿码人员可以正常出行，黄码人员须居家观察7天，红码人员须集中隔离14天。',
  },
  {
    kind: 'article',
    id: 'article-resume-work',
    title: '园区企业有序复工复产',
    text:
      '本报讯 园区已有120家规模以上企业复工复产，复工率达到85%。\n' +
      '园区为复工企业发放口罩3万只，并派出驻企联络员帮助企业解决用工难题。',
  },
  {
    kind: 'article',
    id: 'article-loan',
    title: '市农商银行推出稳岗贷支持小微企业',
    text:
      '本报讯 为帮助小微企业稳定就业岗位，市农商银行推出稳岗贷产品。\n' +
      '稳岗贷面向吸纳就业较多的小微企业，单户最高可贷300万元，年利率不超过4%，当天申请最快3天放款。\n' +
      '截至目前，已有46家企业获得稳岗贷1.2亿元。',
  },
  {
    kind: 'article',
    id: 'article-masks',
    title: '省发改委多措并举保障防疫物资供应',
    text:
      '本报讯 省发改委从组织企业扩大产能、协调原料供应、畅通物流运输三个方面保障口罩等防疫物资供应。\n' +
      '目前全省口罩日产量已达到80万只。',
  },
  {
    kind: 'guide',
    id: 'guide-license-replacement',
    title: '营业执照遗失补办',
    category: '企业开办',
    audience: ['enterprise'],
    department: '区市场监管局',
    materials: [{ name: '营业执照遗失声明', form: '原件' }],
    steps: ['网上申请', '窗口领取'],
    fee: '不收费',
  },
  {
    kind: 'guide',
    id: 'guide-fund-account',
    title: '住房公积金单位缴存登记',
    category: '住房保障',
    audience: ['enterprise'],
    department: '住房公积金管理中心',
    materials: [{ name: '单位营业执照', form: '复印件' }],
    steps: ['网上申请', '审核办结'],
    fee: '不收费',
  },
];

// The demo zone's knowledge base, with these items beside it: misheard words are read against a
// knowledge base of realistic size, where a pair such as 证策 or 延企 is rare but not unknown.
let demo: DemoSetup;
let assistant: Assistant;
beforeAll(async () => {
  demo = await openDemo();
  await demo.store.upsertItems(ITEMS.map((i) => itemSchema.parse(i)));
  await demo.assistant.refresh();
  assistant = demo.assistant;
});
afterAll(async () => {
  await demo?.store.close();
});

async function cited(question: string): Promise<string | undefined> {
  const answer = await assistant.ask(question);
  return answer.type === 'none' ? undefined : answer.citations[0]?.id;
}

describe('a misheard question whose item ranks first', () => {
  it.each([
    // 发改委 → 发改为 (改为 is a word of its own), 几 → 机
    ['省发改为从哪机个方面保障口罩供应', '省发改委从哪几个方面保障口罩供应', 'article-masks'],
    ['我们厂缺口罩，省发改为从哪几个方面保障口罩这些物资的供应', '我们厂缺口罩，省发改委从哪几个方面保障口罩这些物资的供应', 'article-masks'],
    // 了 → 疗: a misheard particle is no topic the item lacks
    ['园区帮助企业解决疗哪些难题', '园区帮助企业解决了哪些难题', 'article-resume-work'],
    ['疫情期间园区的驻企联络员帮企业解决疗哪些难题', '疫情期间园区的驻企联络员帮企业解决了哪些难题', 'article-resume-work'],
  ])('is answered nearly as surely as its tidy wording: %s', async (misheard, tidy, itemId) => {
    const [heard, said] = [await assistant.ask(misheard), await assistant.ask(tidy)];
    expect(heard.citations[0]?.id).toBe(itemId);
    expect(said.citations[0]?.id).toBe(itemId);
    // What is read by sound counts for less than what was said, but not much less.
    expect(heard.confidence).toBeLessThanOrEqual(said.confidence);
    expect(heard.confidence, `${heard.confidence} against ${said.confidence}`).toBeGreaterThan(said.confidence - 0.06);
  });

  it.each([
    ['疫情防空期间小微企业社保费能延企缴纳吗', 'policy-relief'],
    ['健康码把居民分成哪几中颜色', 'article-health-code'],
    ['农商银行退出的稳岗贷最多能贷多少', 'article-loan'],
  ])('is answered from its item: %s', async (question, itemId) => {
    expect(await cited(question)).toBe(itemId);
  });
});

describe('a misheard question the knowledge base cannot answer', () => {
  it.each(['公积金怎么题取', '社保卡丢了咋补半', '结婚登记在哪里半'])('is still refused: %s', async (question) => {
    expect((await assistant.ask(question)).type).toBe('none');
  });
});
