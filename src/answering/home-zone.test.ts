/**
 * @module answering/home-zone.test
 * A zone's own assistant over a knowledge base that also holds another zone's items (issue #10,
 * "Zones"): asked at 桐溪高新区's kiosk, a question naming no zone is about 桐溪. Another zone's
 * copy of a service (云港高新区's) is never its answer — not as the top item, not as the FAQ
 * written for it — while a national item still answers what the zone has no item of. And what
 * another zone publishes does not move this zone's answers: the same questions get the same
 * verdicts with and without 云港's items.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemSchema, type Item, type ItemInput } from '../knowledge/index.js';
import { openStore, type Store } from '../storage/index.js';
import { Assistant } from './assistant.js';

const HOME = '桐溪高新区政务服务中心';

const TONGXI: ItemInput[] = [
  {
    kind: 'guide',
    id: 'tx-residence',
    title: '居住证申领',
    category: '民生服务',
    tags: ['居住证'],
    audience: ['individual'],
    department: '桐溪市公安局桐溪高新区分局',
    servedParty: '在桐溪高新区居住半年以上的非本地户籍人员',
    conditions: ['在桐溪高新区居住半年以上', '有合法稳定就业、住所或连续就读'],
    materials: [{ name: '居民身份证', form: '原件', copies: 1 }, { name: '居住登记凭证', form: '原件', copies: 1 }],
    fee: '首次申领不收费',
    place: '桐溪高新区政务服务中心一楼B02窗口',
    phone: '0000-7100101',
  },
  {
    kind: 'guide',
    id: 'tx-patent-award',
    title: '发明专利授权奖励',
    category: '知识产权',
    tags: ['专利奖励'],
    audience: ['enterprise'],
    department: '桐溪高新区科技局',
    conditions: ['注册在桐溪高新区的企业', '上一年度获得发明专利授权'],
    materials: [{ name: '专利证书', form: '复印件', copies: 1 }],
    subsidy: '每件发明专利奖励5000元',
    place: '桐溪高新区政务服务中心二楼C03窗口',
  },
  {
    kind: 'article',
    id: 'tx-evening-news',
    title: '区政务服务中心推出周三夜间服务',
    date: '2026-02-01',
    text: '桐溪高新区政务服务中心自3月起每周三延时服务至20:00。夜间来办事的群众，可在中心东侧停车场免费停车3小时。',
  },
];

const YUNGANG: ItemInput[] = [
  {
    kind: 'guide',
    id: 'yg-sole-trader',
    title: '个体工商户设立登记',
    category: '企业开办',
    tags: ['个体户', '营业执照'],
    audience: ['individual'],
    department: '云港高新区市场监督管理局',
    servedParty: '在云港高新区从事工商业经营的自然人',
    materials: [{ name: '个体工商户登记申请书', form: '原件', copies: 1 }, { name: '经营者身份证件', form: '原件', copies: 1 }],
    fee: '不收费',
    place: '云港高新区政务服务中心一楼A03窗口',
  },
  {
    kind: 'guide',
    id: 'yg-residence',
    title: '居住证申领',
    category: '民生服务',
    tags: ['居住证'],
    audience: ['individual'],
    department: '云港市公安局云港高新区分局',
    servedParty: '在云港高新区居住半年以上的非本地户籍人员',
    materials: [{ name: '居民身份证', form: '原件', copies: 1 }],
    fee: '不收费',
    place: '云港高新区政务服务中心二楼D05窗口',
  },
  {
    kind: 'faq',
    id: 'yg-residence-faq',
    title: '居住证在哪个窗口办？',
    similarQuestions: ['办居住证去哪个窗口', '居住证窗口在哪'],
    answer: '在政务服务中心二楼D05窗口办理，工作日均可受理。',
    links: ['yg-residence'],
  },
  {
    kind: 'faq',
    id: 'yg-chat',
    title: '想办个事不知道找谁怎么办？',
    similarQuestions: ['办个手续找哪个窗口', '我想办个证不知道去哪'],
    answer: '可以先到云港高新区政务服务中心一楼咨询台，工作人员会告诉您去哪个窗口办个什么手续。',
    links: [],
  },
  {
    kind: 'faq',
    id: 'yg-parking',
    title: '去政务服务中心办事怎么停车？',
    similarQuestions: ['停车收费吗', '有停车场吗'],
    // Names no zone: as far as anyone can tell, a general item.
    answer: '中心地下停车场对办事群众免费开放2小时，夜间也可停放。',
    links: [],
  },
];

const NATIONAL: ItemInput[] = [
  {
    kind: 'policy',
    id: 'national-hte',
    title: '高新技术企业认定管理办法',
    level: 'national',
    issuer: '科学技术部 财政部 国家税务总局',
    text:
      '高新技术企业认定管理办法\n第一条 为扶持和鼓励高新技术企业的发展，制定本办法。\n' +
      '第二条 认定为高新技术企业须同时满足下列条件：企业申请认定时须注册成立一年以上；近三个会计年度的研究开发费用总额占同期销售收入总额的比例不低于5%。\n' +
      '第三条 认定机构应在收到申请后10个工作日内完成审查。',
  },
];

const parse = (inputs: ItemInput[]): Item[] => inputs.map((input) => itemSchema.parse(input));

async function assistantOver(inputs: ItemInput[]): Promise<{ store: Store; assistant: Assistant }> {
  const store = await openStore({ dataDir: 'memory://' });
  await store.upsertItems(parse(inputs));
  return { store, assistant: await Assistant.create(store, { today: '2026-03-01', zoneName: HOME }) };
}

describe("a zone's assistant with another zone's items beside its own", () => {
  const stores: Store[] = [];
  let both: Assistant;
  let alone: Assistant;
  beforeAll(async () => {
    const a = await assistantOver([...TONGXI, ...YUNGANG, ...NATIONAL]);
    const b = await assistantOver([...TONGXI, ...NATIONAL]);
    stores.push(a.store, b.store);
    both = a.assistant;
    alone = b.assistant;
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
  });

  const cited = async (assistant: Assistant, question: string) => {
    const answer = await assistant.ask(question);
    return { type: answer.type, id: answer.citations[0]?.id };
  };

  it('says "not found" for a service only the other zone offers, asked without naming a zone', async () => {
    expect((await cited(both, '开个体户要带些什么材料')).type).toBe('none');
    // Naming that zone still finds its guide.
    expect((await cited(both, '云港高新区开个体户要带些什么材料')).id).toBe('yg-sole-trader');
  });

  it("answers from the home zone's guide, not from the other zone's FAQ written for the question", async () => {
    const { id } = await cited(both, '办居住证去哪个窗口');
    expect(id).toBe('tx-residence');
  });

  it("prefers the home zone's own item to a general one answering as closely", async () => {
    expect((await cited(both, '晚上去办事停车要钱吗')).id).toBe('tx-evening-news');
  });

  it("gives the same verdict with and without the other zone's items (their words do not count)", async () => {
    for (const question of ['我想办个居住证', '居住证要带啥材料', '首次办居住证收费不']) {
      const here = await cited(alone, question);
      expect(here.id).toBe('tx-residence');
      expect(await cited(both, question)).toEqual(here);
    }
  });

  it('still answers from a national item what the zone has no item of', async () => {
    expect((await cited(both, '高新技术企业认定对研究开发费用占销售收入的比例有什么要求')).id).toBe('national-hte');
  });

  it('does not answer from an item holding only the circumstances told, not the thing asked', async () => {
    // The national rules hold 高新技术企业 and 认定, never an award; the zone's only award is for patents.
    expect((await cited(both, '我们公司今年刚认定了高新技术企业，奖励有多少')).type).toBe('none');
  });
});
