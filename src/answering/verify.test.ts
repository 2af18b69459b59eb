/**
 * @module answering/verify.test
 * The verifier over a small knowledge base built here: an item answers only questions about what
 * it is about (its topic words, the rarer weighing more) and naming no other degree, year or place.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { itemSchema, type Item, type ItemInput } from '../knowledge/index.js';
import { TextAnalyzer } from '../language/index.js';
import { SearchIndex } from '../search/search-index.js';
import { GENERIC_WORDS } from './assistant.js';
import { stripIntentWords } from './intent.js';
import { abbreviationIn, topicWordsOf, verifyItem, vouches, type Verdict } from './verify.js';

const guide = (id: string, title: string, extra: Partial<ItemInput> = {}): ItemInput =>
  ({
    kind: 'guide',
    id,
    title,
    category: '办事服务',
    audience: ['individual'],
    department: '高新区政务服务中心',
    materials: [{ name: '居民身份证', form: '原件' }],
    steps: ['窗口受理', '审核办结'],
    fee: '不收费',
    ...extra,
  }) as ItemInput;

const INPUTS: ItemInput[] = [
  guide('guide-license-replacement', '营业执照遗失补办', {
    tags: ['执照补办', '营业执照补领'],
    materials: [{ name: '营业执照遗失声明', form: '原件' }],
  }),
  guide('guide-sole-trader-registration', '个体工商户设立登记', {
    materials: [{ name: '经营者身份证件', form: '原件' }, { name: '经营场所证明' }],
  }),
  guide('guide-fund-employer-account', '住房公积金单位缴存登记', {
    tags: ['公积金开户'],
    materials: [{ name: '单位营业执照', form: '复印件' }],
  }),
  guide('guide-pension-registration', '灵活就业人员养老保险参保登记', {
    materials: [{ name: '居民身份证或社会保障卡', form: '原件' }, { name: '非本市户籍人员提供居住证' }],
  }),
  guide('guide-medical-registration', '职工基本医疗保险单位参保登记', {
    materials: [{ name: '参保人员名单', form: '原件' }],
  }),
  guide('guide-hiring-subsidy', '企业吸纳高校毕业生就业补贴申领', { audience: ['enterprise'], subsidy: '每招用1人补贴2000元' }),
  guide('guide-work-permit-renewal', '外国人来华工作许可延期', {
    audience: ['enterprise'],
    conditions: ['外国人工作许可证到期前30日内由用人单位提出申请'],
    materials: [{ name: '外国人工作许可证', form: '原件' }, { name: '延期聘用合同', form: '扫描件' }],
    promisedTimeLimit: '5个工作日',
  }),
  {
    kind: 'faq',
    id: 'faq-phd-subsidy',
    title: '博士安家补贴有多少？',
    similarQuestions: ['引进博士给多少安家费'],
    category: '人才服务',
    audience: ['individual'],
    answer: '2025年起，新引进的全日制博士研究生给予一次性安家补贴10万元。',
  },
  {
    kind: 'faq',
    id: 'faq-master-subsidy',
    title: '硕士安家补贴有多少？',
    similarQuestions: [],
    category: '人才服务',
    audience: ['individual'],
    answer: '新引进的全日制硕士研究生给予一次性安家补贴3万元。',
  },
  {
    kind: 'article',
    id: 'article-contest',
    title: '高新区举办创新创业大赛',
    text: '本报讯 近日，高新区举办第五届创新创业大赛，共有120个项目参赛，最终评出一等奖3名。',
  },
];

const ITEMS: Item[] = INPUTS.map((input) => itemSchema.parse(input));

let index: SearchIndex;
beforeAll(async () => {
  index = await SearchIndex.build(ITEMS, new TextAnalyzer());
});

function verify(question: string, itemId: string): Verdict {
  const query = index.analyse(question);
  const known = (w: string): boolean => index.stats.has(w);
  const words = topicWordsOf(index.analyzer, stripIntentWords(query.normalized), GENERIC_WORDS, known, query.normalized);
  return verifyItem(index, itemId, words, query);
}

describe('verifyItem', () => {
  it('answers a question with the item it is about', () => {
    expect(verify('营业执照丢了怎么补办', 'guide-license-replacement').ok).toBe(true);
    expect(verify('个体工商户设立登记要带什么材料', 'guide-sole-trader-registration').ok).toBe(true);
    expect(verify('博士安家补贴多少钱', 'faq-phd-subsidy').ok).toBe(true);
  });

  it('tells a card from another licence: 社保卡 is not 营业执照', () => {
    expect(verify('社保卡丢了咋补办', 'guide-license-replacement')).toMatchObject({ ok: false, failure: 'certificate' });
  });

  it('tells one registration from another: 结婚登记 is not 个体户登记', () => {
    expect(verify('结婚登记在哪', 'guide-sole-trader-registration')).toMatchObject({ ok: false });
  });

  it('tells drawing the housing fund from opening an account for it', () => {
    expect(verify('公积金怎么提取', 'guide-fund-employer-account')).toMatchObject({ ok: false, failure: 'topic' });
  });

  it('does not take a certificate named among the materials for the service itself', () => {
    expect(verify('我要办居住证', 'guide-pension-registration').ok).toBe(false);
  });

  it('refuses an item naming another degree level', () => {
    expect(verify('硕士安家补贴多少钱', 'faq-phd-subsidy')).toMatchObject({ ok: false, failure: 'degree' });
    expect(verify('硕士安家补贴多少钱', 'faq-master-subsidy').ok).toBe(true);
  });

  it('refuses an item naming other years than the one asked about', () => {
    expect(verify('2023年博士安家补贴多少钱', 'faq-phd-subsidy')).toMatchObject({ ok: false, failure: 'year' });
    expect(verify('2025年博士安家补贴多少钱', 'faq-phd-subsidy').ok).toBe(true);
  });

  it('does not count chatter the knowledge base has never seen against a long question', () => {
    const verdict = verify(
      '我在高新区开了个小奶茶店，现在不想干了，营业执照也找不着了，听说网上就能补办，是真的吗',
      'guide-license-replacement',
    );
    expect(verdict, JSON.stringify(verdict)).toMatchObject({ ok: true });
  });

  it('refuses the sibling of what was asked: 医疗保险 where the item is about 养老保险', () => {
    expect(verify('想自己交医疗保险，怎么参保', 'guide-pension-registration')).toMatchObject({ ok: false, failure: 'sibling' });
    expect(verify('想自己交养老保险，怎么参保', 'guide-pension-registration').ok).toBe(true);
  });

  it('refuses a sibling asked about even when no item is about it: 创业补贴 is not 就业补贴', () => {
    expect(verify('应届毕业生创业补贴能拿多少', 'guide-hiring-subsidy')).toMatchObject({ ok: false, failure: 'sibling' });
    expect(verify('招应届毕业生的就业补贴能拿多少', 'guide-hiring-subsidy').ok).toBe(true);
  });

  it('refuses another act on the same licence: a first application is not its renewal', () => {
    expect(verify('外国人第一次办工作许可要什么材料', 'guide-work-permit-renewal')).toMatchObject({ ok: false, failure: 'act' });
    expect(verify('工作许可快到期了，延期要什么材料', 'guide-work-permit-renewal').ok).toBe(true);
  });

  it('reads a short form people say as the name the item writes out', () => {
    expect(abbreviationIn('工作证', '外国人工作许可证')).toBe(true);
    expect(abbreviationIn('社保卡', '持社会保障卡办理')).toBe(true);
    expect(abbreviationIn('工作证', '工作人员核验身份证')).toBe(false);
    expect(verify('老外的工作证延期，一般多久能批下来', 'guide-work-permit-renewal')).toMatchObject({ ok: true });
  });

  it('reads 外籍 as the 外国人 documents write', () => {
    const verdict = verify('单位外籍技术人员的工作许可证过期前要续，咋办', 'guide-work-permit-renewal');
    expect(verdict.missing).not.toContain('外籍');
    expect(vouches(verdict), JSON.stringify(verdict)).toBe(true);
  });

  it('vouches for a long question whose circumstances the item does not mention', () => {
    const question = '我们公司有个德国工程师，工作许可下个月就到期了，他还要接着在这干。我是人事，需要准备哪些材料？';
    const verdict = verify(question, 'guide-work-permit-renewal');
    expect(vouches(verdict), JSON.stringify(verdict)).toBe(true);
    // The same words in the asking clause are what is asked: an item lacking them is not vouched for.
    expect(vouches(verify('德国工程师的子女上学要准备哪些材料？', 'guide-work-permit-renewal'))).toBe(false);
  });

  it('vouches only for an item holding the whole topic', () => {
    expect(vouches(verify('营业执照遗失补办', 'guide-license-replacement'))).toBe(true);
    expect(vouches(verify('营业执照遗失补办', 'guide-fund-employer-account'))).toBe(false);
    // No topic words at all ("写一首诗"): nothing to vouch for.
    expect(vouches(verify('帮我写一首诗', 'article-contest'))).toBe(false);
  });
});

describe('verifyItem on a question as a speech recogniser wrote it', () => {
  const RELIEF = itemSchema.parse({
    kind: 'policy',
    id: 'policy-relief',
    title: '关于支持小微企业应对疫情的若干措施',
    text:
      '一、疫情防控期间，受影响的小微企业可申请延期缴纳社会保险费，最长不超过6个月。\n' +
      '二、对承租国有房产的小微企业，免收2个月房租。',
  });
  // Another document asks questions of its own (有何, 哪几个): the knowledge base knows those words.
  const QA = itemSchema.parse({
    kind: 'article',
    id: 'article-qa',
    title: '政策问答',
    text: '问：复工复产有何要求？答：企业应当落实防控责任。\n问：复工要做好哪几个方面？答：测温、消毒、登记。',
  });
  let heardIndex: SearchIndex;
  beforeAll(async () => {
    heardIndex = await SearchIndex.build([...ITEMS, RELIEF, QA], new TextAnalyzer());
  });

  /** As the assistant verifies: topic words as the item hears the question, shares against what was said. */
  function verifyHeard(question: string, itemId: string): Verdict {
    const said = heardIndex.refine(heardIndex.analyse(question), itemId);
    const heard = heardIndex.heard(said, itemId);
    const known = (w: string): boolean => heardIndex.stats.has(w);
    const words = topicWordsOf(heardIndex.analyzer, stripIntentWords(heard.normalized), GENERIC_WORDS, known, heard.normalized);
    return verifyItem(heardIndex, itemId, words, said);
  }

  it('holds a misheard word the item writes with the same sound (延企 for 延期), for less than one said', () => {
    const tidy = verifyHeard('小微企业社保费有哪些延期办法', 'policy-relief');
    const misheard = verifyHeard('小微企业社保费有哪些延企办法', 'policy-relief');
    expect(misheard.missing, JSON.stringify(misheard)).not.toContain('延企');
    expect(misheard.ok).toBe(true);
    expect(misheard.coverage).toBeLessThan(tidy.coverage);
    expect(misheard.coverage).toBeGreaterThan(0.7 * tidy.coverage);
  });

  it('does not count a question word as a topic the item lacks (有何, 哪几个)', () => {
    const topicOf = (question: string): string[] => {
      const normalized = heardIndex.analyse(question).normalized;
      const known = (w: string): boolean => heardIndex.stats.has(w);
      return topicWordsOf(heardIndex.analyzer, stripIntentWords(normalized), GENERIC_WORDS, known, normalized).map((w) => w.word);
    };
    expect(topicOf('小微企业延期缴纳社保费有何条件')).not.toContain('有何');
    expect(topicOf('小微企业房租减免包括哪几个月')).not.toContain('哪几个');
    expect(verifyHeard('小微企业延期缴纳社保费有何条件', 'policy-relief').missing).not.toContain('有何');
  });

  it('still refuses another service, however the rest of the question is heard', () => {
    expect(verifyHeard('社保卡丢了咋补半', 'guide-license-replacement')).toMatchObject({ ok: false, failure: 'certificate' });
    expect(verifyHeard('小微企业社保费有哪些延企办法', 'guide-fund-employer-account').ok).toBe(false);
  });
});
