/**
 * @module search/search-index.test
 * The lexical index over a handful of hand-written items with the real analyzer: the right item
 * first for tidy, colloquial, traditional and homophone-garbled questions; filters; re-rank data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { itemSchema, type Item, type ItemInput } from '../knowledge/index.js';
import { TextAnalyzer } from '../language/index.js';
import { SearchIndex, type SearchFilters } from './search-index.js';

const TODAY = '2026-11-22';

const INPUTS: ItemInput[] = [
  {
    kind: 'policy',
    id: 'policy-talent-2024',
    title: '星河高新区关于加快集聚创新创业人才的若干措施',
    category: '人才服务',
    audience: ['individual', 'enterprise'],
    effectiveDate: '2024-03-01',
    expiryDate: '2027-02-28',
    text:
      '星河高新区关于加快集聚创新创业人才的若干措施\n' +
      '第一条 对新引进的全日制博士研究生，给予一次性安家补贴10万元。\n' +
      '第二条 对新引进的全日制硕士研究生，给予一次性安家补贴3万元，并按月发放生活补贴1500元，最长3年。\n' +
      '第三条 在星河市无自有住房的青年人才，可申请每月1000元租房补贴。',
  },
  {
    kind: 'policy',
    id: 'policy-talent-2021',
    title: '星河高新区人才引进若干措施（2021年版）',
    category: '人才服务',
    audience: ['individual', 'enterprise'],
    effectiveDate: '2021-03-01',
    expiryDate: '2024-02-29',
    text: '星河高新区人才引进若干措施（2021年版）\n对新引进的硕士研究生，给予一次性安家补贴2万元。对新引进的博士研究生，给予安家补贴8万元。',
  },
  {
    kind: 'policy',
    id: 'policy-rd-deduction',
    title: '关于进一步完善研发费用税前加计扣除政策的公告',
    category: '税费服务',
    audience: ['enterprise'],
    text:
      '企业开展研发活动中实际发生的研发费用，未形成无形资产计入当期损益的，在按规定据实扣除的基础上，' +
      '自2023年1月1日起，再按照实际发生额的100%在税前扣除；形成无形资产的，按照无形资产成本的200%在税前摊销。',
  },
  {
    kind: 'guide',
    id: 'guide-unemployment',
    title: '失业保险金申领',
    category: '社保医保',
    tags: ['失业金', '领失业金'],
    audience: ['individual'],
    department: '星河高新区社会保险服务中心',
    conditions: ['失业前用人单位和本人已经缴纳失业保险费满一年', '非因本人意愿中断就业'],
    materials: [{ name: '身份证件或社会保障卡', form: '原件' }, { name: '终止或解除劳动关系的证明' }],
    steps: ['网上或到社保窗口申领', '审核通过后按月发放失业保险金'],
    promisedTimeLimit: '5个工作日',
    fee: '不收费',
    place: '政务服务中心二楼C区社保医保服务专区',
  },
  {
    kind: 'guide',
    id: 'guide-company',
    title: '有限责任公司设立登记',
    category: '企业开办',
    tags: ['开公司', '注册公司', '营业执照'],
    audience: ['enterprise', 'individual'],
    department: '星河高新区市场监督管理局',
    conditions: ['股东为一个以上五十个以下', '有公司住所'],
    materials: [{ name: '公司登记申请书', form: '原件' }, { name: '公司章程' }, { name: '股东身份证明', form: '复印件' }],
    steps: ['名称自主申报', '在线填报设立登记信息', '领取营业执照'],
    promisedTimeLimit: '0.5个工作日',
    fee: '不收费',
    place: '政务服务中心一楼A区企业开办专区',
  },
  {
    kind: 'faq',
    id: 'faq-license-lost',
    title: '营业执照丢了怎么补办？',
    similarQuestions: ['执照丢了', '营业执照遗失补办', '营业执照要登报吗'],
    category: '企业开办',
    audience: ['enterprise'],
    answer: '可通过一网通办平台申请补领营业执照，无需登报声明遗失，审核通过后免费邮寄到家。',
  },
  {
    kind: 'faq',
    id: 'faq-center-address',
    title: '政务服务中心在哪里？',
    similarQuestions: ['办事大厅在哪', '政务中心地址是多少', '去哪里办业务'],
    category: '综合服务',
    answer: '星河高新区政务服务中心位于科创大道88号，可乘地铁2号线到科创大道站A口出站步行200米。',
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

function top(question: string, filters: SearchFilters = { today: TODAY }): string | undefined {
  return index.search(question, filters).hits[0]?.item.id;
}

describe('SearchIndex.build', () => {
  it('indexes every item and can hand each back by id', () => {
    expect(index.size).toBe(ITEMS.length);
    for (const item of ITEMS) expect(index.getItem(item.id)).toBe(item);
    expect([...index.allItems()].map((i) => i.id).sort()).toEqual(ITEMS.map((i) => i.id).sort());
    expect(index.getItem('no-such-item')).toBeUndefined();
  });

  it('keeps sentence offsets that point into each item body', () => {
    const sentences = index.sentencesOf('policy-talent-2024');
    expect(sentences.length).toBeGreaterThan(3);
    const policy = index.getItem('policy-talent-2024')!;
    if (policy.kind !== 'policy') throw new Error('fixture');
    for (const s of sentences) expect(index.analyzer.normalize(policy.text.slice(s.start, s.end))).toBe(s.norm);
  });

  it('lets other work run while it builds, so a server keeps answering during a rebuild', async () => {
    const many = Array.from({ length: 40 }, (_, n) => ITEMS.map((item) => ({ ...item, id: `${item.id}-${n}` }))).flat();
    let finished = false;
    let ranDuringBuild = false;
    const build = SearchIndex.build(many, new TextAnalyzer()).then((built) => {
      finished = true;
      return built;
    });
    setImmediate(() => {
      ranDuringBuild = !finished;
    });
    expect((await build).size).toBe(many.length);
    expect(ranDuringBuild).toBe(true);
  });
});

describe('SearchIndex.search ranks the right item first', () => {
  it.each([
    ['失业保险金怎么申领', 'guide-unemployment'],
    ['被公司辞退了能领失业金吗', 'guide-unemployment'],
    ['失业保险今申领要什么材料', 'guide-unemployment'],
    ['失業保險金申領', 'guide-unemployment'],
    ['营业执照丢了怎么补办', 'faq-license-lost'],
    ['執照丟了要登報嗎', 'faq-license-lost'],
    ['营业执照遗失', 'faq-license-lost'],
    ['办事大厅在哪', 'faq-center-address'],
    ['政務服務中心地址', 'faq-center-address'],
    ['新引进的硕士研究生有多少安家补贴', 'policy-talent-2024'],
    ['招了个硕士能拿多少安家费和生活补贴', 'policy-talent-2024'],
    ['研发费用加计扣除比例是多少', 'policy-rd-deduction'],
    ['研发费用形成无形资产怎么摊销', 'policy-rd-deduction'],
    ['研发加急扣除', 'policy-rd-deduction'],
    ['注册公司要带什么材料', 'guide-company'],
    ['开个有限公司要准备哪些资料', 'guide-company'],
    ['创新创业大赛有多少项目参赛', 'article-contest'],
  ])('%s → %s', (question, expected) => {
    expect(top(question)).toBe(expected);
  });

  it('finds nothing for a question that shares no term with the knowledge base', () => {
    expect(index.search('今天天气', { today: TODAY }).hits.filter((h) => h.matchedTerms.length)).toEqual([]);
  });

  it('returns at most `limit` hits, best first', () => {
    const { hits } = index.search('补贴', { today: TODAY, includeExpired: true }, 2);
    expect(hits.length).toBeLessThanOrEqual(2);
    const all = index.search('星河高新区', { today: TODAY }, 100).hits;
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.score).toBeGreaterThanOrEqual(all[i]!.score);
  });

  it('accepts an already analysed query', () => {
    const query = index.analyse('失业保险金怎么申领');
    const result = index.search(query, { today: TODAY });
    expect(result.query).toBe(query);
    expect(result.hits[0]!.item.id).toBe('guide-unemployment');
  });
});

describe('SearchIndex.search filters', () => {
  it('keeps only the kinds asked for', () => {
    const hits = index.search('营业执照', { today: TODAY, kinds: ['guide'] }).hits;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.item.kind === 'guide')).toBe(true);
    expect(hits[0]!.item.id).toBe('guide-company');
    const faqs = index.search('营业执照', { today: TODAY, kinds: ['faq'] }).hits;
    expect(faqs[0]!.item.id).toBe('faq-license-lost');
    expect(faqs.every((h) => h.item.kind === 'faq')).toBe(true);
  });

  it('keeps only the category asked for', () => {
    const hits = index.search('申领补贴材料', { today: TODAY, category: '社保医保' }).hits;
    expect(hits.map((h) => h.item.id)).toEqual(['guide-unemployment']);
  });

  it('keeps items for the audience asked for, and items that name no audience', () => {
    const hits = index.search('营业执照 政务服务中心', { today: TODAY, audience: 'individual' }).hits;
    const ids = hits.map((h) => h.item.id);
    expect(ids).not.toContain('faq-license-lost');
    expect(ids).toContain('faq-center-address');
    expect(ids).toContain('guide-company');
  });

  it('leaves out expired policies by default', () => {
    const hits = index.search('2021年版人才引进若干措施', { today: TODAY }).hits;
    expect(hits.map((h) => h.item.id)).not.toContain('policy-talent-2021');
  });

  it('includes expired policies with includeExpired', () => {
    expect(top('2021年版人才引进若干措施', { today: TODAY, includeExpired: true })).toBe('policy-talent-2021');
  });

  it('judges expiry on the day given as today', () => {
    expect(top('2021年版人才引进若干措施', { today: '2023-06-01' })).toBe('policy-talent-2021');
    // The last valid day still counts; the day after does not.
    expect(top('2021年版人才引进若干措施', { today: '2024-02-29' })).toBe('policy-talent-2021');
    const after = index.search('2021年版人才引进若干措施', { today: '2024-03-01' }).hits;
    expect(after.map((h) => h.item.id)).not.toContain('policy-talent-2021');
  });
});

describe('SearchIndex re-ranking data', () => {
  it('fills window, coverage and matched terms of the top hits', () => {
    const { hits, query } = index.search('新引进的硕士研究生有多少安家补贴', { today: TODAY });
    const best = hits[0]!;
    expect(best.item.id).toBe('policy-talent-2024');
    expect(best.coverage).toBeGreaterThan(0.5);
    expect(best.coverage).toBeLessThanOrEqual(1);
    expect(best.window).toBeDefined();
    expect(best.window!.share).toBeGreaterThan(0.5);
    // The best window is the sentence about masters (第二条), the fourth sentence after the title
    // line and two "第N条" headings split off at the spaces.
    const sentences = index.sentencesOf(best.item.id);
    const windowText = sentences
      .slice(best.window!.first, best.window!.first + best.window!.length)
      .map((s) => s.norm)
      .join('');
    expect(windowText).toContain('硕士');
    expect(best.matchedTerms.length).toBeGreaterThan(0);
    expect(best.matchedShare).toBeGreaterThan(0);
    expect(best.passages[0]!.passage.itemId).toBe(best.item.id);
    expect(query.words).toContain('硕士');
  });

  it('headShare is the share of the question found in the item head', () => {
    const q = index.analyse('办事大厅在哪');
    expect(index.headShare('faq-center-address', q)).toBe(1);
    expect(index.headShare('guide-company', q)).toBe(0);
    const partly = index.headShare('faq-license-lost', index.analyse('营业执照丢了怎么补领'));
    expect(partly).toBeGreaterThan(0.3);
    expect(partly).toBeLessThan(1);
    expect(index.headShare('no-such-item', q)).toBe(0);
  });

  it('termWeight gives rare terms more weight than common ones', () => {
    // 星河 occurs in several items, 摊销 in one.
    expect(index.termWeight('摊销')).toBeGreaterThan(index.termWeight('星河'));
  });
});

describe('SearchIndex place fit', () => {
  const policy = (id: string, title: string, text: string): Item =>
    itemSchema.parse({ kind: 'policy', id, title, text: `${title}\n${text}` });
  const SAME = '受疫情影响的企业，可申请阶段性减免养老、失业、工伤保险单位缴费，减免期限不超过5个月。';
  let index: SearchIndex;
  beforeAll(async () => {
    index = await SearchIndex.build(
      [
        policy('national', '关于阶段性减免企业社会保险费的通知', SAME),
        policy('tianjin', '天津市关于阶段性减免企业社会保险费的实施意见', SAME),
        policy('filler-1', '关于做好春耕备耕工作的通知', '各地要抓紧组织春耕备耕，保障农资供应。'),
        policy('filler-2', '关于优化纳税服务的通知', '纳税人可通过电子税务局办理申报。'),
        policy('filler-3', '关于加强校园疫情防控的通知', '学校要做好师生健康监测。'),
      ],
      new TextAnalyzer(),
    );
  });

  it('prefers the general notice to another place’s when the question names a place neither mentions', () => {
    const q = index.analyse('辽宁企业社会保险费减免期限是多久？');
    expect(index.placeFit('national', q)).toBeGreaterThan(index.placeFit('tianjin', q));
    expect(index.search(q, { includeExpired: true }).hits[0]!.item.id).toBe('national');
  });

  it('prefers the place’s own notice when the question names it', () => {
    const q = index.analyse('天津企业社会保险费减免期限是多久？');
    expect(index.placeFit('tianjin', q)).toBe(1);
    expect(index.search(q, { includeExpired: true }).hits[0]!.item.id).toBe('tianjin');
  });

  it('discounts a local notice a little when the question names no place', () => {
    const q = index.analyse('企业社会保险费减免期限是多久？');
    expect(index.placeFit('national', q)).toBe(1);
    expect(index.placeFit('tianjin', q)).toBeLessThan(1);
    expect(index.search(q, { includeExpired: true }).hits[0]!.item.id).toBe('national');
  });

  it('judges the topic without the place: a notice sharing only the place does not outrank one on the topic', async () => {
    const mixed = await SearchIndex.build(
      [
        policy('national-funds', '关于加强污染防治资金管理的通知', '污染防治资金要聚焦重点支出方向，资金使用要规范，严禁挪用。'),
        policy(
          'neimenggu-firms',
          '内蒙古出台15条政策措施助中小企业渡难关',
          '内蒙古自治区出台政策措施，支持内蒙古中小企业健康发展。内蒙古各地要落实减税降费。',
        ),
        policy('filler-1', '关于做好春耕备耕工作的通知', '各地要抓紧组织春耕备耕，保障农资供应。'),
        policy('filler-2', '关于优化纳税服务的通知', '纳税人可通过电子税务局办理申报。'),
      ],
      new TextAnalyzer(),
    );
    const q = mixed.analyse('内蒙古对资金使用做了哪些规定？');
    expect(q.places).toEqual(['内蒙古']);
    expect(q.topic.words).not.toContain('内蒙古');
    expect(q.topic.words).toContain('资金');
    expect(mixed.search(q, { includeExpired: true }).hits[0]!.item.id).toBe('national-funds');
  });

  it('counts a word no item uses as found when it sounds like one of the item’s (speech recognition)', async () => {
    const asr = await SearchIndex.build(
      [
        policy('jobs', '关于实施援企稳岗政策的通知', '对不裁员或少裁员的参保企业，返还失业保险费，援企稳岗。'),
        policy('filler-1', '关于做好春耕备耕工作的通知', '各地要抓紧组织春耕备耕，保障农资供应。'),
      ],
      new TextAnalyzer(),
    );
    const q = asr.analyse('援企问港有哪些举措');
    expect(q.words).toContain('问港');
    const literal = asr.match('jobs', q).coverage;
    expect(asr.match('jobs', q, { bySound: true }).coverage).toBeGreaterThan(literal);
    // Nothing sounds like 火星 in the item: sound is no excuse for a word that is simply not there.
    const mars = asr.analyse('火星援企稳岗');
    expect(asr.match('jobs', mars, { bySound: true }).coverage).toBe(asr.match('jobs', mars).coverage);
  });

  it('does not discount the zone’s own place, named in most titles', async () => {
    const zone = await SearchIndex.build(
      [
        policy('own-1', '海淀区关于阶段性减免企业社会保险费的实施意见', SAME),
        policy('own-2', '海淀区关于做好春耕备耕工作的通知', '各地要抓紧组织春耕备耕，保障农资供应。'),
        policy('own-3', '海淀区关于加强校园疫情防控的通知', '学校要做好师生健康监测。'),
        policy('own-4', '海淀区关于做好返岗务工服务的通知', '为返岗务工人员提供健康证明。'),
        policy('other', '天津市关于优化纳税服务的通知', '纳税人可通过电子税务局办理申报。'),
      ],
      new TextAnalyzer(),
    );
    const q = zone.analyse('企业社会保险费减免期限是多久？');
    // 海淀 names four of the five titles: it is where this knowledge base is, not a narrower scope.
    expect(zone.placeFit('own-1', q)).toBe(1);
    expect(zone.placeFit('other', q)).toBeLessThan(1);
  });
});
