/**
 * @module answering/assistant.test
 * The engine end to end on the demo knowledge base (PGlite in memory): guide fields, follow-ups,
 * FAQs, colloquial / traditional / homophone-garbled questions, "not found", clarifying choices,
 * citations that match the files, expired policies left out, and answers copied from their items.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Guide, Item } from '../knowledge/index.js';
import { charPinyin, normalizeText } from '../language/index.js';
import type { Answer } from './answer.js';
import { DEMO_HOTLINE, DEMO_TODAY, linesNotInItem, openDemo, type DemoSetup } from './test-fixtures.js';

let demo: DemoSetup;
/** Every answer given in this file, checked for faithfulness at the end. */
const given: { question: string; answer: Answer }[] = [];

beforeAll(async () => {
  demo = await openDemo();
});
afterAll(async () => {
  await demo?.store.close();
});

async function ask(question: string, sessionId?: string): Promise<Answer> {
  const answer = await demo.assistant.ask(question, sessionId ? { sessionId } : {});
  given.push({ question, answer });
  return answer;
}

function guide(id: string): Guide {
  const item = demo.items.get(id);
  if (!item || item.kind !== 'guide') throw new Error(`no guide ${id} in the demo`);
  return item;
}

function cited(answer: Answer): string[] {
  return answer.citations.map((c) => c.id);
}

/** Replaces the character at `index` by another of the same toneless pinyin. */
function garble(text: string, index: number, replacement: string): string {
  const chars = [...text];
  expect(charPinyin(replacement)).toBe(charPinyin(chars[index]!));
  expect(replacement).not.toBe(chars[index]);
  chars[index] = replacement;
  return chars.join('');
}

const UNEMPLOYMENT = 'guide-unemployment-benefit-claim';

describe('the demo knowledge base', () => {
  it('imports with the ids written in the files', () => {
    expect([...demo.items.keys()].sort()).toEqual(demo.raw.map((r) => r.id).sort());
    expect(demo.assistant.searchIndex.size).toBe(demo.raw.length);
  });
});

describe('guide fields and follow-ups', () => {
  it('answers a materials question with the guide materials, then place and time limit as follow-ups', async () => {
    const g = guide(UNEMPLOYMENT);
    const session = demo.assistant.newSessionId();

    const materials = await ask(`${g.title}要带什么材料`, session);
    expect(materials.type).toBe('guide-field');
    expect(materials.field).toBe('materials');
    expect(cited(materials)).toEqual([g.id]);
    expect(g.materials.length).toBeGreaterThan(0);
    for (const m of g.materials) expect(materials.text).toContain(m.name);

    const place = await ask('在哪里办', session);
    expect(place.type).toBe('guide-field');
    expect(place.field).toBe('place');
    expect(cited(place)).toEqual([g.id]);
    expect(place.text).toContain(g.place!);
    expect(place.text).toContain(g.hours!);

    const time = await ask('那要多长时间？', session);
    expect(time.type).toBe('guide-field');
    expect(time.field).toBe('timeLimit');
    expect(cited(time)).toEqual([g.id]);
    expect(time.text).toContain(g.promisedTimeLimit!);
    expect(time.text).toContain(g.statutoryTimeLimit!);
  });

  it('does not carry a topic over to another session', async () => {
    await ask(`${guide(UNEMPLOYMENT).title}要带什么材料`, demo.assistant.newSessionId());
    const other = await ask('那要多长时间？', demo.assistant.newSessionId());
    expect(cited(other)).not.toEqual([UNEMPLOYMENT]);
  });

  it('finds the guide for a traditional-character question', async () => {
    const g = guide(UNEMPLOYMENT);
    const answer = await ask('失業保險金申領要帶什麼材料');
    expect(normalizeText('失業保險金申領')).toBe(g.title);
    expect(answer.type).toBe('guide-field');
    expect(answer.field).toBe('materials');
    expect(cited(answer)).toEqual([g.id]);
  });

  it.each([
    ['guide-unemployment-benefit-claim', 4, '今'],
    ['guide-talent-apartment', 5, '情'],
    ['guide-employer-social-insurance-registration', 7, '机'],
    ['guide-specialized-sme-recognition', 9, '订'],
  ])('finds %s when one title character is replaced by a homophone', async (id, index, replacement) => {
    const g = guide(id);
    const garbled = garble(g.title.replace(/（.*?）/g, ''), index, replacement);
    const answer = await ask(`${garbled}需要什么材料`);
    expect(answer.type).toBe('guide-field');
    expect(answer.field).toBe('materials');
    expect(cited(answer)).toEqual([g.id]);
  });

  // BUG: bestFaq() lets any FAQ whose question has no detectable field answer a field question
  // when its bigram Dice reaches 0.55. "有限责任公司设立登记要带什么材料" is answered with the FAQ
  // "一个人能开有限公司吗？" (similar question "一人有限责任公司"), which says nothing about
  // materials, though the guide ranks first and has a materials field. Same for about half the
  // demo guides (技术合同认定登记, 外国人来华工作许可, 建筑工程施工许可证核发, 企业投资项目备案 …).
  it('answers a materials question about a guide with the guide, not with an unrelated FAQ', async () => {
    const g = guide('guide-company-establishment');
    const answer = await ask(`${g.title}要带什么材料`);
    expect(answer.type).toBe('guide-field');
    expect(cited(answer)).toEqual([g.id]);
  });

  // BUG: a follow-up whose topic is an FAQ is answered with that FAQ again, whatever it asks.
  // After "高新技术企业认定要带什么材料" (answered by faq-hte-materials) the follow-up
  // "在哪里办" gets the same materials answer back instead of where to apply.
  it('answers a place follow-up to an FAQ answer with where to go, not the same FAQ again', async () => {
    const session = demo.assistant.newSessionId();
    const first = await ask('高新技术企业认定要带什么材料', session);
    const place = await ask('在哪里办', session);
    expect(place.text).not.toBe(first.text);
  });

  // BUG: "网上能办吗" is not taken as a follow-up: stripIntentWords leaves "能办", which
  // segments as a two-character content word, so it counts as a topic. The question is searched
  // on its own and gets a clarifying choice between unrelated FAQs (周末能不能办事 / 办事需要预约吗).
  it('answers "网上能办吗" after a guide answer with the guide online address', async () => {
    const g = guide(UNEMPLOYMENT);
    const session = demo.assistant.newSessionId();
    await ask(`${g.title}要带什么材料`, session);
    const online = await ask('网上能办吗', session);
    expect(online.field).toBe('onlineUrl');
    expect(cited(online)).toEqual([g.id]);
  });
});

describe('FAQs', () => {
  it.each([
    ['faq-resign-unemployment', '主动离职有失业金吗'],
    ['faq-parking', '有停车场吗'],
    ['faq-hire-master-subsidy', '招个研究生区里给多少钱'],
    ['faq-license-lost', '执照找不到了'],
    ['faq-talent-card', '人才卡能干什么'],
  ])('answers %s when asked one of its similar questions', async (id, question) => {
    const faq = demo.items.get(id)!;
    expect(faq.kind === 'faq' && faq.similarQuestions.includes(question)).toBe(true);
    const answer = await ask(question);
    expect(answer.type).toBe('faq');
    expect(cited(answer)).toEqual([id]);
    if (faq.kind === 'faq') expect(answer.text).toBe(faq.answer);
  });

  it('answers nearly every FAQ question and similar question with that FAQ', async () => {
    let total = 0;
    let own = 0;
    for (const item of demo.items.values()) {
      if (item.kind !== 'faq') continue;
      for (const q of [item.title, ...item.similarQuestions]) {
        total++;
        const answer = await demo.assistant.ask(q);
        if (answer.type === 'faq' && answer.citations[0]?.id === item.id) own++;
      }
    }
    // 652 of 684 when written; some of the rest are fairly answered by a guide instead.
    expect(own / total).toBeGreaterThan(0.9);
  });

  // BUG: the re-ranker scores an item by its best *body* window only; an FAQ's own question
  // (its head) does not count there. An FAQ whose answer words its topic differently drops out
  // of the top 5 that bestFaq() looks at, so its exact standard question is answered by another
  // FAQ: 高企认定需要什么条件？ → faq-hte-duration, 科技型中小企业需要什么条件？ →
  // faq-tech-sme-benefits, 创新型中小企业怎么评价？ → faq-srdi-reward.
  it.each(['faq-hte-conditions', 'faq-tech-sme-conditions', 'faq-innovative-sme'])(
    'answers the exact standard question of %s with that FAQ',
    async (id) => {
      const faq = demo.items.get(id)!;
      const answer = await ask(faq.title);
      expect(cited(answer)).toEqual([id]);
    },
  );
});

describe('colloquial questions', () => {
  it('finds a talent subsidy for "我们公司招了个硕士能拿什么补贴"', async () => {
    const answer = await ask('我们公司招了个硕士能拿什么补贴');
    expect(answer.type).not.toBe('none');
    expect(answer.citations.length).toBeGreaterThan(0);
    const item = demo.items.get(answer.citations[0]!.id)!;
    const text = `${item.title}\n${JSON.stringify(item)}`;
    expect(text).toContain('硕士');
    expect(text).toMatch(/补贴|补助/);
    expect(item.category).toBe('人才服务');
  });
});

describe('not found and clarify', () => {
  it('says it found nothing for an unrelated question, offers the hotline and cites nothing', async () => {
    const answer = await ask('今天天气怎么样');
    expect(answer.type).toBe('none');
    expect(answer.text).toContain(DEMO_HOTLINE);
    expect(answer.citations).toEqual([]);
    expect(answer.confidence).toBe(0);
  });

  it('does not answer the opening hours of something the knowledge base never mentions', async () => {
    const answer = await ask('火星上的邮局几点开门');
    expect(answer.type).toBe('none');
    expect(answer.citations).toEqual([]);
  });

  it('introduces itself from its own FAQ rather than a look-alike', async () => {
    expect(cited(await ask('你叫什么名字'))).toEqual(['faq-assistant-intro']);
  });

  it('asks back on a short ambiguous question and takes "第二个" as the answer', async () => {
    const session = demo.assistant.newSessionId();
    const clarify = await ask('补贴怎么申请？', session);
    expect(clarify.type).toBe('clarify');
    expect(clarify.citations).toEqual([]);
    const choices = clarify.choices!;
    expect(choices.length).toBeGreaterThanOrEqual(2);
    for (const [i, c] of choices.entries()) expect(clarify.text).toContain(`${i + 1}. ${c.title}`);
    for (const c of choices) expect(demo.items.has(c.id)).toBe(true);

    const second = await ask('第二个', session);
    expect(second.type).not.toBe('clarify');
    expect(cited(second)).toEqual([choices[1]!.id]);
  });

  it('takes the title of a choice as the answer too', async () => {
    const session = demo.assistant.newSessionId();
    const clarify = await ask('补贴怎么申请？', session);
    const third = clarify.choices![2] ?? clarify.choices![0]!;
    const answer = await ask(third.title, session);
    expect(cited(answer)).toEqual([third.id]);
  });
});

describe('sessions', () => {
  it('keeps no personal data in the stored conversation', async () => {
    const session = demo.assistant.newSessionId();
    await ask('我手机13812345678，办理营业执照要带什么材料', session);
    const state = await demo.store.getSession(session);
    expect(state?.lastQuestion).toContain('营业执照');
    expect(state?.lastQuestion).not.toContain('13812345678');
  });
});

describe('citations', () => {
  it('cite the ids written in the demo files', () => {
    const ids = new Set(demo.raw.map((r) => r.id));
    expect(given.length).toBeGreaterThan(10);
    for (const { answer } of given) {
      for (const c of [...answer.citations, ...(answer.choices ?? [])]) {
        expect(ids.has(c.id)).toBe(true);
        expect(c.title).toBe(demo.raw.find((r) => r.id === c.id)!.title);
      }
    }
  });

  it('never cite an expired policy, even asked by its exact title', async () => {
    const expired = demo.raw.filter((r) => r.kind === 'policy' && r.expiryDate && r.expiryDate < DEMO_TODAY);
    expect(expired.length).toBeGreaterThanOrEqual(1);
    for (const policy of expired) {
      const response = await demo.assistant.respond(policy.title);
      given.push({ question: policy.title, answer: response.answer });
      expect(cited(response.answer)).not.toContain(policy.id);
      expect((response.answer.choices ?? []).map((c) => c.id)).not.toContain(policy.id);
      expect(response.retrieved).not.toContain(policy.id);
    }
  });

  it('carry the validity of a current policy', async () => {
    // (Asked by its full title, the policy loses to the FAQ about the old talent policy, which
    // quotes that title; a shorter question gets the policy passage.)
    const answer = await ask('人才引进若干措施');
    expect(answer.type).toBe('passage');
    const citation = answer.citations.find((c) => c.id === 'policy-zone-talent-measures-2024');
    expect(citation).toBeDefined();
    expect(citation!.validUntil).toBe(demo.raw.find((r) => r.id === citation!.id)!.expiryDate);
    expect(citation!.validUntil! >= DEMO_TODAY).toBe(true);
  });
});

describe('faithfulness', () => {
  it('every answer text, less the added labels, is copied from the item it cites', () => {
    let checked = 0;
    for (const { question, answer } of given) {
      for (const c of answer.citations) {
        const item: Item = demo.items.get(c.id)!;
        expect({ question, missing: linesNotInItem(answer, item) }).toEqual({ question, missing: [] });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
