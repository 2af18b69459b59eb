/**
 * @module answering/zones.test
 * Several zones in one knowledge base (issue #10, "Zones"): two made-up zones, 桐溪高新区 and
 * 云港高新区, both offer 人才公寓申请; 桐溪市 (the city) has a graduate allowance no zone has. A
 * question naming a zone is answered from its items or its city's, never another zone's; one
 * naming none is about the home zone. And with the demo zone (星河高新区) as home, the demo's
 * questions are still answered from the demo, another zone's copies beside it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemSchema, type Item, type ItemInput } from '../knowledge/index.js';
import { importPaths } from '../ingestion/index.js';
import { openStore, type Store } from '../storage/index.js';
import { DEMO_ZONE_NAME } from '../demo/load.js';
import { Assistant, type AssistantOptions } from './assistant.js';
import { DEMO_FILES } from './test-fixtures.js';

const TODAY = '2026-03-01';

const apartment = (id: string, zone: string, window: string): ItemInput =>
  ({
    kind: 'guide',
    id,
    title: '人才公寓申请',
    category: '人才服务',
    tags: ['人才公寓', '人才房'],
    audience: ['individual'],
    department: `${zone}人才服务中心`,
    servedParty: `在${zone}全职工作的高层次人才和青年人才`,
    conditions: [`与${zone}内用人单位签订1年以上劳动合同`, '本人在本市无自有住房'],
    materials: [{ name: '人才公寓入住申请表', form: '原件', copies: 1 }, { name: '劳动合同', form: '复印件', copies: 1 }],
    steps: ['用人单位网上提交申请', '资格审核', '轮候选房'],
    fee: '不收费',
    place: `${zone}政务服务中心${window}`,
    phone: zone.startsWith('桐溪') ? '0000-7100001' : '0000-7200002',
  }) as ItemInput;

const ZONE_ITEMS: ItemInput[] = [
  apartment('tongxi-apartment', '桐溪高新区', '二楼B05窗口'),
  apartment('yungang-apartment', '云港高新区', '一楼A12窗口'),
  {
    kind: 'guide',
    id: 'tongxi-city-graduate-allowance',
    title: '桐溪市高校毕业生一次性生活补贴申领',
    category: '就业创业',
    tags: ['生活补贴', '毕业生补贴'],
    audience: ['individual'],
    department: '桐溪市人力资源和社会保障局',
    servedParty: '毕业2年内来桐溪市就业的全日制高校毕业生',
    conditions: ['毕业2年内', '在桐溪市用人单位就业并缴纳社会保险满6个月'],
    materials: [{ name: '毕业证书', form: '复印件', copies: 1 }],
    subsidy: '本科生一次性补贴5000元，硕士研究生8000元',
    place: '桐溪市人力资源市场一楼综合窗口',
  } as ItemInput,
  {
    kind: 'guide',
    id: 'tongxi-company-registration',
    title: '有限责任公司设立登记',
    category: '企业开办',
    tags: ['开公司', '营业执照'],
    audience: ['enterprise'],
    department: '桐溪高新区市场监督管理局',
    materials: [{ name: '公司登记申请书', form: '原件', copies: 1 }],
    fee: '不收费',
    place: '桐溪高新区政务服务中心一楼A01窗口',
  } as ItemInput,
  {
    kind: 'guide',
    id: 'yungang-individual-business',
    title: '个体工商户设立登记',
    category: '企业开办',
    tags: ['个体户', '营业执照'],
    audience: ['individual'],
    department: '云港高新区市场监督管理局',
    servedParty: '在云港高新区从事工商业经营的自然人',
    materials: [{ name: '个体工商户登记申请书', form: '原件', copies: 1 }, { name: '经营者身份证件', form: '原件', copies: 1 }],
    fee: '不收费',
    place: '云港高新区政务服务中心一楼A03窗口',
  } as ItemInput,
];

const items = (inputs: ItemInput[]): Item[] => inputs.map((input) => itemSchema.parse(input));

async function assistantOver(list: Item[], options: AssistantOptions): Promise<{ store: Store; assistant: Assistant }> {
  const store = await openStore({ dataDir: 'memory://' });
  await store.upsertItems(list);
  return { store, assistant: await Assistant.create(store, { today: TODAY, ...options }) };
}

const cited = async (assistant: Assistant, question: string) => {
  const answer = await assistant.ask(question);
  return { type: answer.type, id: answer.citations[0]?.id };
};

describe('two zones with the same service', () => {
  const stores: Store[] = [];
  /** By home zone: none, 桐溪高新区 (as a service centre's name), 云港高新区. */
  const assistants = new Map<string, Assistant>();
  beforeAll(async () => {
    for (const home of ['', '桐溪高新区政务服务中心', '云港高新区']) {
      const { store, assistant } = await assistantOver(items(ZONE_ITEMS), home ? { zoneName: home } : {});
      stores.push(store);
      assistants.set(home, assistant);
    }
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
  });
  const at = (home: string) => assistants.get(home)!;

  it('answers a question naming a zone from that zone, whichever is home', async () => {
    for (const assistant of assistants.values()) {
      expect((await cited(assistant, '云港高新区的人才公寓申请要带啥材料')).id).toBe('yungang-apartment');
      expect((await cited(assistant, '桐溪高新技术产业开发区的人才公寓去哪个窗口办')).id).toBe('tongxi-apartment');
    }
  });

  it('says "not found" for a zone nobody here serves, though both others have the service', async () => {
    const assistant = at('桐溪高新区政务服务中心');
    expect((await cited(assistant, '岚湾高新区的人才公寓怎么申请')).type).toBe('none');
    expect((await cited(assistant, '云港高新区个体户营业执照去哪办')).id).toBe('yungang-individual-business');
    // 桐溪 has no such guide, only 云港 does: never 云港's guide for a question about 桐溪.
    expect((await cited(assistant, '桐溪高新区开个体户要带什么材料')).type).toBe('none');
  });

  it('answers a question naming no zone, or 区里, from the home zone', async () => {
    expect((await cited(at('桐溪高新区政务服务中心'), '人才公寓申请要交哪些材料')).id).toBe('tongxi-apartment');
    expect((await cited(at('桐溪高新区政务服务中心'), '区里的人才公寓在哪个窗口办理')).id).toBe('tongxi-apartment');
    expect((await cited(at('云港高新区'), '人才公寓申请要交哪些材料')).id).toBe('yungang-apartment');
    expect((await cited(at('云港高新区'), '区里的人才公寓在哪个窗口办理')).id).toBe('yungang-apartment');
  });

  it("answers a zone's question from its city's item when the zone has none, not from another city's", async () => {
    expect((await cited(at(''), '桐溪高新区刚毕业的硕士生活补贴能领多少')).id).toBe('tongxi-city-graduate-allowance');
    expect((await cited(at(''), '云港高新区刚毕业的硕士生活补贴能领多少')).type).toBe('none');
  });
});

describe('the demo zone at home, another zone beside it', () => {
  let store: Store;
  let assistant: Assistant;
  let demoIds: Set<string>;
  beforeAll(async () => {
    const demo = await importPaths(DEMO_FILES);
    demoIds = new Set(demo.items.map((i) => i.id));
    ({ store, assistant } = await assistantOver([...demo.items, ...items(ZONE_ITEMS)], { zoneName: DEMO_ZONE_NAME }));
  });
  afterAll(async () => {
    await store.close();
  });

  it.each([
    '想住人才公寓得准备哪些材料',
    '人才公寓在哪个窗口交材料',
    '开个小店办个体户执照要带啥',
    '星河高新区的人才公寓谁能申请',
  ])('answers %s from the demo zone', async (question) => {
    const { type, id } = await cited(assistant, question);
    expect(type).not.toBe('none');
    expect(demoIds.has(id!)).toBe(true);
  });
});
