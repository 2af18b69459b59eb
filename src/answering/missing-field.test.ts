/**
 * @module answering/missing-field.test
 * A guide that does not state what was asked, beside a policy that does: the policy's passage
 * answers, not 「该指南未写明」 (issue #10). Fresh items and questions, written for this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemSchema, type ItemInput } from '../knowledge/index.js';
import { openStore, type Store } from '../storage/index.js';
import { Assistant } from './assistant.js';

const ITEMS: ItemInput[] = [
  {
    kind: 'guide',
    id: 'guide-tech-contract',
    title: '技术合同认定登记',
    category: '科技服务',
    audience: ['enterprise'],
    department: '区科技局',
    conditions: ['由技术合同的卖方提出申请'],
    materials: [{ name: '技术合同文本', form: '原件' }],
    steps: ['网上申报', '窗口审核', '登记办结'],
    fee: '不收费',
    place: '区政务服务中心三楼科技窗口',
  },
  {
    kind: 'policy',
    id: 'policy-tech-transfer',
    title: '关于促进科技成果转移转化的若干措施',
    text:
      '第一条 为促进科技成果在本区转化，制定本措施。\n' +
      '第二条 对经认定登记的技术转让合同，按合同成交额的2%给予卖方奖励，每家单位每年最高50万元。\n' +
      '第三条 本措施自2026年1月1日起施行。',
  },
  {
    kind: 'guide',
    id: 'guide-seal',
    title: '公章刻制备案',
    category: '企业开办',
    audience: ['enterprise'],
    department: '区公安分局',
    materials: [{ name: '营业执照', form: '复印件' }],
    steps: ['网上申请', '刻制', '备案'],
    fee: '备案不收费',
  },
];

let store: Store;
let assistant: Assistant;
beforeAll(async () => {
  store = await openStore({ dataDir: 'memory://' });
  await store.upsertItems(ITEMS.map((i) => itemSchema.parse(i)));
  assistant = await Assistant.create(store, { today: '2026-06-01' });
});
afterAll(async () => {
  await store?.close();
});

describe('a field the guide does not state', () => {
  it('is answered by the policy passage that states it', async () => {
    const answer = await assistant.ask('技术合同认定登记以后，卖方能拿多少奖励');
    expect(answer.citations[0]?.id).toBe('policy-tech-transfer');
    expect(answer.text).toContain('2%');
  });

  it('still gets 「未写明」 when no document states it', async () => {
    const answer = await assistant.ask('技术合同认定登记要跑几趟');
    expect(answer.citations[0]?.id).toBe('guide-tech-contract');
    expect(answer.missingField).toBeDefined();
  });
});
