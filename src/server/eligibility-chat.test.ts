/**
 * @module server/eligibility-chat.test
 * The eligibility dialogue through POST /api/chat over real HTTP on PGlite: a question about
 * qualifying starts it, the missing facts are asked one at a time and answered as people speak
 * (spoken numbers, a fact named while another was asked, 不知道), it ends with the verdict and
 * its reasons; 算了 leaves; a logged-in enterprise gets the verdict from its stored profile; and
 * questions that merely name the rule go to the knowledge base.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, STAFF } from './admin/test-support.js';
import { CODE_A, registeredEnterprise, startEnterpriseServer, TODAY, type EnterpriseClient, type EnterpriseSetup } from './enterprise/test-support.js';

const YEAR = Number(TODAY.slice(0, 4));
let setup: EnterpriseSetup;
let enterprise: EnterpriseClient;

beforeAll(async () => {
  setup = await startEnterpriseServer();
  const boss = await loggedIn(setup.base, STAFF.admin);
  enterprise = (await registeredEnterprise(setup.base, boss, CODE_A, '丙午光电科技有限公司', 'c.user')).client;
  const saved = await enterprise.put('/api/enterprise/profile', {
    profile: {
      registrationDate: '2015-09-01', employees: 480, stStaff: 30, revenue: { [YEAR - 1]: 56000 }, totalAssets: { [YEAR - 1]: 41000 },
      industryCode: 'C3976', qualifications: [], honours: [], incidents: [],
    },
  });
  if (saved.status !== 200) throw new Error(JSON.stringify(saved.body));
});
afterAll(async () => setup?.close());

interface Turn { sessionId: string; answer: { type: string; text: string; eligibility?: Record<string, any> } }

/** One conversation as an anonymous visitor (or with a client's cookie). */
function conversation(client?: EnterpriseClient) {
  let sessionId: string | undefined;
  return async (message: string): Promise<Turn> => {
    const body = { message, ...(sessionId ? { sessionId } : {}) };
    const reply = client
      ? await client.post('/api/chat', body)
      : await fetch(`${setup.base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: await r.json() }));
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    sessionId = reply.body.sessionId;
    return reply.body as Turn;
  };
}

describe('the eligibility dialogue in chat', () => {
  it('asks the facts one at a time, reads spoken answers and unknowns, and ends with the verdict and its reasons', async () => {
    const say = conversation();
    let turn = await say('请问我们厂够不够格评科技型中小企业？');
    expect(turn.answer.type).toBe('eligibility');
    expect(turn.answer.eligibility).toMatchObject({ stage: 'asking', ruleId: 'tech-sme-evaluation' });
    const seen = new Set<string>();
    const answers: Record<string, string> = {
      employees: '三百多人',
      stStaff: '大概六十个',
      revenue: '去年营收八千万',
      totalAssets: '一个多亿吧',
      rdExpenses: '研发投入大概四百万',
      costsAndExpenses: '不知道',
    };
    for (let i = 0; i < 25 && turn.answer.eligibility!.stage === 'asking'; i++) {
      const key = turn.answer.eligibility!.factKey as string;
      expect(seen.has(key), `asked ${key} twice`).toBe(false);
      seen.add(key);
      // One question a turn, in words.
      expect(turn.answer.text.match(/？/g)!.length).toBeGreaterThanOrEqual(1);
      expect(turn.answer.eligibility!.question).toMatch(/^(贵公司|请问贵公司)/);
      const head = key.split('.')[0]!;
      turn = await say(answers[head] ?? (head === 'ip' ? '没有' : head.endsWith('s') ? '没有' : '不知道'));
    }
    const card = turn.answer.eligibility!;
    expect(card.stage).toBe('verdict');
    expect(['eligible', 'not-eligible', 'missing-facts']).toContain(card.verdict);
    expect(card.fromProfile).toBe(false);
    expect(card.conditions.length).toBeGreaterThan(0);
    for (const c of card.conditions) expect(['符合', '不符合', '待补充']).toContain(c.statusText);
    expect(turn.answer.text).toMatch(/结论/);
    expect(card.guide).toMatchObject({ id: 'guide-tech-sme-evaluation' });
    // The spoken numbers were read into the facts the rule judged.
    expect(JSON.stringify(card.conditions)).toMatch(/300人|8000万元|400万元/);
  });

  it('takes a fact named while another was asked, and asks the other again', async () => {
    const say = conversation();
    const first = await say('我们公司能申报高企吗？');
    expect(first.answer.eligibility!.stage).toBe('asking');
    const pending = first.answer.eligibility!.factKey;
    const second = await say('去年营收八千万');
    expect(second.answer.text).toContain(`${YEAR - 1}年销售（营业）收入`);
    if (!String(pending).startsWith('revenue')) expect(second.answer.eligibility!.factKey).toBe(pending);
  });

  it('leaves on 算了, and the next question goes to the knowledge base', async () => {
    const say = conversation();
    await say('咱们企业能评专精特新吗');
    const left = await say('算了，不问了');
    expect(left.answer.type).toBe('eligibility');
    expect(left.answer.eligibility!.stage).toBe('left');
    const next = await say('三百多人');
    expect(next.answer.type).toBe('faq'); // the stand-in knowledge base
  });

  it('answers a logged-in enterprise at once from its stored profile', async () => {
    const turn = await conversation(enterprise)('我们单位符合中小企业标准吗');
    // 中小企业划型 is a classification, not an offer: it is answered by the knowledge base.
    expect(turn.answer.type).toBe('faq');
    const verdict = await conversation(enterprise)('我司有没有资格申报高新技术企业？');
    expect(verdict.answer.type).toBe('eligibility');
    const card = verdict.answer.eligibility!;
    expect(card).toMatchObject({ stage: 'verdict', fromProfile: true, ruleId: 'high-tech-enterprise' });
    expect(verdict.answer.text).toContain('企业服务门户中填报的画像');
    // 30 of 480 staff is 6.25%: the reason says so and how far it is from 10%.
    const staff = card.conditions.find((c: { id?: string }) => c.id === 'st-staff-share');
    expect(staff).toMatchObject({ status: 'not-met', value: '6.25%' });
    expect(card.verdict).toBe('not-eligible');
  });

  it('leaves questions that merely name a rule to the knowledge base', async () => {
    for (const question of ['申请高新技术企业认定要准备什么材料', '科小入库在哪个网站填报', '专精特新的认定标准是什么', '高企证书有效期几年', '研发补助什么时候开始申报']) {
      const turn = await conversation()(question);
      expect(turn.answer.type, question).toBe('faq');
    }
    for (const question of ['我们这种公司能不能评上高企', '我司评得上科小吗', '我们公司够条件拿研发投入补助吗']) {
      const turn = await conversation()(question);
      expect(turn.answer.type, question).toBe('eligibility');
    }
  });
});
