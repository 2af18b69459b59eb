/**
 * @module answering/follow-up.test
 * Conversations: a follow-up keeps the conversation's topic item — when it opens like one, names
 * no topic, or names only what that item holds — asks the previous field again when it names only
 * what changes ("那博士呢"), and leaves the topic when it names another item. Guides and a policy
 * of a fictional 云湖区, built here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemSchema, type Item } from '../knowledge/index.js';
import { openStore, type Store } from '../storage/index.js';
import type { Answer } from './answer.js';
import { Assistant } from './assistant.js';

const ITEMS: Item[] = [
  {
    kind: 'guide',
    id: 'guide-young-talent-living-allowance',
    title: '青年人才生活补贴申领',
    conditions: ['45周岁以下，具有全日制本科及以上学历', '在云湖区企业就业并缴纳社会保险满6个月'],
    materials: [{ name: '学历学位证书', form: '复印件' }, { name: '劳动合同', form: '复印件' }],
    subsidy: '博士研究生每人每月3000元；硕士研究生每人每月1500元；全日制本科每人每月800元',
    promisedTimeLimit: '15个工作日',
    fee: '不收费',
    place: '云湖区人才服务中心一楼',
    phone: '0000-7101001',
  },
  {
    kind: 'guide',
    id: 'guide-startup-subsidy',
    title: '一次性创业补贴申领',
    conditions: ['在云湖区首次创办企业并正常经营6个月以上'],
    materials: [{ name: '营业执照', form: '复印件' }, { name: '创业者身份证', form: '原件' }],
    subsidy: '每户一次性补贴5000元',
    place: '云湖区就业服务中心二楼',
    phone: '0000-7101002',
  },
  {
    kind: 'guide',
    id: 'guide-foreign-work-permit-extension',
    title: '外国人工作许可延期',
    conditions: ['工作许可证在有效期内', '用人单位应在工作许可证有效期届满前30日内提出延期申请'],
    materials: [{ name: '延期申请表', form: '电子' }, { name: '延期聘用合同', form: '扫描件' }],
    statutoryTimeLimit: '10个工作日',
    promisedTimeLimit: '5个工作日',
    visits: '0次（全程网办）',
    place: '云湖区政务服务中心三楼国际人才窗口',
    phone: '0000-7101003',
    result: '延期后的外国人工作许可证',
    notes: '延期申请以用人单位名义提出，外国人本人无需到窗口。',
  },
  {
    kind: 'guide',
    id: 'guide-sole-trader-deregistration',
    title: '个体工商户注销登记',
    conditions: ['已结清税款'],
    materials: [{ name: '注销登记申请书', form: '原件' }, { name: '营业执照正、副本', form: '原件' }],
    place: '云湖区政务服务中心一楼商事登记窗口',
    phone: '0000-7101004',
  },
  {
    kind: 'guide',
    id: 'guide-business-license-replacement',
    title: '营业执照遗失补领',
    conditions: ['营业执照遗失或损毁'],
    materials: [{ name: '遗失声明', form: '原件' }, { name: '法定代表人身份证', form: '原件' }],
    place: '云湖区政务服务中心一楼商事登记窗口',
    phone: '0000-7101005',
  },
  {
    kind: 'policy',
    id: 'policy-rd-investment',
    title: '云湖区支持企业加大研发投入的若干措施',
    issuer: '云湖区管理委员会',
    level: 'zone',
    text:
      '第一条 对年度研发投入增长的企业，按增量的10%给予补助。\n第二条 对首次开展研发活动的企业给予一次性奖励5万元。\n' +
      '第三条 申报时间。本措施支持事项每年集中申报一次，申报时间为每年8月1日至8月31日。\n第四条 本措施自2026年1月1日起施行。',
  },
].map((raw) => itemSchema.parse(raw));

let store: Store;
let assistant: Assistant;

beforeAll(async () => {
  store = await openStore({ dataDir: 'memory://' });
  await store.upsertItems(ITEMS);
  assistant = await Assistant.create(store, { today: '2026-05-01', hotline: '0000-12345' });
}, 120_000);
afterAll(async () => {
  await store?.close();
});

/** Asks the turns in one session and returns every answer. */
async function conversation(id: string, ...turns: string[]): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const turn of turns) answers.push(await assistant.ask(turn, { sessionId: id }));
  return answers;
}

describe('a follow-up keeps the conversation\'s topic', () => {
  it('"那博士呢" asks the previous field again, about the doctor', async () => {
    const [, , last] = await conversation('c1', '青年人才生活补贴怎么申请', '硕士每个月能领多少', '那博士呢？');
    expect(last!.citations[0]?.id).toBe('guide-young-talent-living-allowance');
    expect(last!.field).toBe('subsidy');
    expect(last!.text).toContain('博士研究生每人每月3000元');
  });

  it('a field question whose only topic word the item holds stays on it (多久能出结果)', async () => {
    const [, last] = await conversation('c2', '外国人工作许可延期在哪个窗口', '多久能出结果？');
    expect(last!.citations[0]?.id).toBe('guide-foreign-work-permit-extension');
    expect(last!.field).toBe('timeLimit');
  });

  it('咨询电话是多少 gives the topic guide\'s phone', async () => {
    const [, last] = await conversation('c3', '外国人工作许可延期在哪个窗口', '咨询电话是多少？');
    expect(last!.text).toContain('0000-7101003');
  });

  it('"他本人需要去窗口吗" opens with a pronoun and asks the visits', async () => {
    const [, last] = await conversation('c4', '外国人工作许可延期要带什么材料', '他本人需要去窗口吗？');
    expect(last!.citations[0]?.id).toBe('guide-foreign-work-permit-extension');
    expect(last!.field).toBe('visits');
    expect(last!.text).toContain('0次');
  });

  it('a time word sets no topic: "今年什么时候申报" after a policy reads the policy', async () => {
    const [, last] = await conversation('c5', '区里支持企业研发投入的措施是哪个文件', '今年什么时候申报？');
    expect(last!.citations[0]?.id).toBe('policy-rd-investment');
    expect(last!.text).toContain('8月1日至8月31日');
  });

  it('leaves the topic when the question names another item\'s title', async () => {
    const [, last] = await conversation('c6', '个体户注销在哪办', '营业执照丢了要带什么材料');
    expect(last!.citations[0]?.id).toBe('guide-business-license-replacement');
  });
});

describe('after a clarifying question', () => {
  it('a reply that asks a field instead of choosing gets the choice again, and the choice answers it', async () => {
    const [first, second, third] = await conversation('c7', '补贴怎么申请', '要带什么材料', '第二个');
    expect(first!.type).toBe('clarify');
    expect(second!.type).toBe('clarify');
    expect(second!.choices?.map((c) => c.id)).toEqual(first!.choices?.map((c) => c.id));
    const chosen = first!.choices![1]!.id;
    expect(third!.citations[0]?.id).toBe(chosen);
    expect(third!.field).toBe('materials');
  });
});
