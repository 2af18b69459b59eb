/**
 * @module answering/fields.test
 * Which field of a service guide a question asks for, end to end through the Assistant on guides
 * built here (a fictional 云湖区), and what is answered when the guide leaves that field empty:
 * the sentence of its notes that states it, an FAQ asking for it, or an honest 「该指南未写明…」
 * with the phone — never another field's text presented as the answer. Also over HTTP: the chat
 * reply carries `missingField`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemSchema, type Guide, type Item } from '../knowledge/index.js';
import { startServer, postJson, type Running } from '../server/test-support.js';
import { openStore, type Store } from '../storage/index.js';
import type { Answer } from './answer.js';
import { Assistant } from './assistant.js';

const HOTLINE = '0000-12345';

function guide(input: unknown): Guide {
  const item = itemSchema.parse(input);
  if (item.kind !== 'guide') throw new Error(`${item.id}: not a guide`);
  return item;
}

const STARTUP = guide({
  kind: 'guide',
  id: 'guide-graduate-startup-subsidy',
  title: '高校毕业生一次性创业补贴申领',
  department: '云湖区人力资源和社会保障局',
  servedParty: '在云湖区首次创业的高校毕业生',
  conditions: ['毕业5年内的全日制高校毕业生', '在云湖区首次创办企业并正常经营6个月以上'],
  materials: [{ name: '身份证', form: '原件' }, { name: '毕业证书', form: '原件' }],
  steps: ['登录一网通办平台提交申请', '区人社局审核并公示', '补贴拨付到申请人银行账户'],
  promisedTimeLimit: '10个工作日',
  fee: '不收费',
  subsidy: '每人一次性补贴5000元',
  applicationPeriod: '每年4月1日至4月30日集中受理',
  visits: '0次（全程网办）',
  result: '补贴资金拨付至申请人本人银行账户',
  place: '云湖区政务服务中心二楼人社窗口',
  hours: '工作日9:00–17:00；周六上午9:00–12:00预约办理',
  phone: '0000-7001001',
  complaintPhone: '0000-7009009',
  onlineUrl: 'https://ywtb.yunhu.example/startup',
  notes: '申请人须为所创办企业的法定代表人。同一人只能享受一次。',
});

/** Fee 不收费, no subsidy section: the amount sits in the notes, as many published guides print it. */
const DOCTOR = guide({
  kind: 'guide',
  id: 'guide-doctor-settling-subsidy',
  title: '博士安家补贴申领',
  conditions: ['与区内单位签订3年以上劳动合同的全日制博士'],
  materials: [{ name: '博士学位证书', form: '原件' }],
  fee: '不收费',
  place: '云湖区人才服务中心一楼',
  phone: '0000-7002002',
  notes: '请在入职后一年内申请。补贴标准：博士研究生一次性安家补贴10万元，分3年发放；博士后一次性安家补贴15万元。',
});

/** States neither visits nor an application period nor a subsidy; its fee names a 工本费. */
const RESIDENCE = guide({
  kind: 'guide',
  id: 'guide-residence-permit',
  title: '居住证申领',
  conditions: ['在云湖区居住半年以上'],
  materials: [{ name: '居民身份证', form: '原件' }],
  fee: '首次申领免费；补领、换领收取工本费20元',
  place: '居住地派出所户籍窗口',
  phone: '0000-7003003',
});

/** A guide without the award amount, and the FAQ staff wrote for it. */
const SKILL = guide({
  kind: 'guide',
  id: 'guide-skill-certificate-award',
  title: '技能人才证书奖励申领',
  conditions: ['在区内企业就业并取得技师或高级技师职业资格证书'],
  materials: [{ name: '职业资格证书', form: '原件' }],
  fee: '不收费',
  phone: '0000-7004004',
});
const SKILL_FAQ = itemSchema.parse({
  kind: 'faq',
  id: 'faq-skill-certificate-award',
  title: '考取技师证书奖励多少钱？',
  similarQuestions: ['技师证奖励标准是多少'],
  answer: '取得技师证书的奖励3000元，取得高级技师证书的奖励5000元。',
  links: ['guide-skill-certificate-award'],
});

const ITEMS: Item[] = [STARTUP, DOCTOR, RESIDENCE, SKILL, SKILL_FAQ];

let store: Store;
let assistant: Assistant;

beforeAll(async () => {
  store = await openStore({ dataDir: 'memory://' });
  await store.upsertItems(ITEMS);
  assistant = await Assistant.create(store, { today: '2026-05-01', hotline: HOTLINE });
}, 120_000);
afterAll(async () => {
  await store?.close();
});

const ask = (q: string, sessionId?: string): Promise<Answer> => assistant.ask(q, sessionId ? { sessionId } : {});

describe('money: the amount received is not the fee', () => {
  it('高校毕业生一次性创业补贴能拿多少钱 → the subsidy, not 不收费', async () => {
    const a = await ask('高校毕业生一次性创业补贴能拿多少钱');
    expect(a).toMatchObject({ type: 'guide-field', field: 'subsidy' });
    expect(a.citations[0]?.id).toBe(STARTUP.id);
    expect(a.text).toContain('5000元');
    expect(a.text).not.toContain('不收费');
  });

  it('博士安家补贴多少钱 → the sentence of the notes that holds the amount', async () => {
    const a = await ask('博士安家补贴多少钱');
    expect(a).toMatchObject({ type: 'guide-field', field: 'subsidy' });
    expect(a.citations[0]?.id).toBe(DOCTOR.id);
    expect(a.text).toContain('博士研究生一次性安家补贴10万元');
    expect(a.text).toContain('温馨提示');
    expect(a.text).not.toContain('不收费');
    expect(a.missingField).toBeUndefined();
  });

  it('技能人才证书奖励能拿多少钱 → the FAQ that states the amount, when the guide does not', async () => {
    const a = await ask('技能人才证书奖励能拿多少钱');
    expect(a.type).toBe('faq');
    expect(a.citations[0]?.id).toBe(SKILL_FAQ.id);
    expect(a.text).toContain('3000元');
  });

  it('居住证补领要交多少钱 → the fee', async () => {
    const a = await ask('居住证补领要交多少钱');
    expect(a).toMatchObject({ type: 'guide-field', field: 'fee' });
    expect(a.text).toContain('工本费20元');
  });
});

describe('a guide that lacks the field asked for', () => {
  it.each([
    ['居住证申领要跑几趟', 'visits', '到现场次数'],
    ['居住证申领什么时候申报', 'applicationPeriod', '申报时间'],
  ])('%s → 「该指南未写明%s」, the fields it has and its phone, never another field', async (q, field, label) => {
    const a = await ask(q);
    expect(a).toMatchObject({ type: 'guide-field', field, missingField: field });
    expect(a.citations[0]?.id).toBe(RESIDENCE.id);
    expect(a.text).toContain(`该指南未写明${label}`);
    expect(a.text).toContain('0000-7003003');
    expect(a.text).toContain('收费标准'); // named among what it states …
    expect(a.text).not.toContain('工本费'); // … but never given as the answer
  });

  it('offers the hotline when the guide has no phone of its own', async () => {
    const store2 = await openStore({ dataDir: 'memory://' });
    try {
      const { phone: _phone, ...noPhone } = RESIDENCE;
      await store2.upsertItems([noPhone]);
      const a2 = await Assistant.create(store2, { today: '2026-05-01', hotline: HOTLINE });
      const a = await a2.ask('居住证申领要跑几趟');
      expect(a.missingField).toBe('visits');
      expect(a.text).toContain(HOTLINE);
    } finally {
      await store2.close();
    }
  });
});

describe('each field, as people ask for it', () => {
  it.each<[string, string, string]>([
    ['一次性创业补贴要交钱吗', 'fee', '不收费'],
    ['一次性创业补贴补多少', 'subsidy', '5000元'],
    ['一次性创业补贴收钱吗', 'fee', '不收费'],
    ['一次性创业补贴周六能办吗', 'hours', '周六上午'],
    ['一次性创业补贴晚上能办吗', 'hours', '9:00–17:00'],
    ['一次性创业补贴几月份申报', 'applicationPeriod', '4月1日至4月30日'],
    ['一次性创业补贴要跑几趟', 'visits', '0次'],
    ['一次性创业补贴办完能拿到什么', 'result', '银行账户'],
    ['一次性创业补贴的投诉电话', 'complaintPhone', '0000-7009009'],
    ['什么人可以申请一次性创业补贴', 'conditions', '毕业5年内'],
    ['一次性创业补贴审核要多少个工作日', 'timeLimit', '10个工作日'],
    ['一次性创业补贴申请要注意什么', 'notes', '法定代表人'],
  ])('%s → %s', async (q, field, expected) => {
    const a = await ask(q);
    expect(a).toMatchObject({ type: 'guide-field', field });
    expect(a.citations[0]?.id).toBe(STARTUP.id);
    expect(a.text).toContain(expected);
  });

  it('在哪办 gives the place, the opening hours and the online link', async () => {
    const a = await ask('一次性创业补贴在哪办');
    expect(a).toMatchObject({ type: 'guide-field', field: 'place' });
    expect(a.text).toContain(STARTUP.place!);
    expect(a.text).toContain(STARTUP.hours!);
    expect(a.text).toContain(STARTUP.onlineUrl!);
  });

  it('understands the new fields in follow-ups too', async () => {
    const session = assistant.newSessionId();
    expect((await ask('高校毕业生一次性创业补贴申领要带什么材料', session)).field).toBe('materials');
    const amount = await ask('那能拿多少钱？', session);
    expect(amount).toMatchObject({ field: 'subsidy' });
    expect(amount.text).toContain('5000元');
    const visits = await ask('要跑几趟', session);
    expect(visits).toMatchObject({ field: 'visits' });
    expect(visits.text).toContain('0次');
  });

  it('the overview of a guide shows its steps, fee, hours and phone', async () => {
    const a = await ask('高校毕业生一次性创业补贴申领');
    expect(a).toMatchObject({ type: 'guide-field', field: 'overview' });
    for (const part of ['办理流程', STARTUP.steps[0]!, '收费标准：不收费', '补贴/奖励标准：每人一次性补贴5000元', STARTUP.hours!, STARTUP.phone!]) {
      expect(a.text).toContain(part);
    }
  });
});

describe('POST /api/chat', () => {
  let server: Running;
  beforeAll(async () => {
    server = await startServer(assistant, store);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('returns missingField when the guide does not state the field asked for', async () => {
    const { status, body } = await postJson<{ answer: Answer }>(`${server.base}/api/chat`, { message: '居住证申领要跑几趟' });
    expect(status).toBe(200);
    expect(body.answer).toMatchObject({ type: 'guide-field', field: 'visits', missingField: 'visits' });
  });
});
