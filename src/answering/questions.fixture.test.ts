/**
 * @module answering/questions.fixture.test
 * Ranking regression fixture: the same need asked tidily, colloquially and as a speech recogniser
 * garbles it (homophones, traditional characters), each with the demo item that must answer it.
 * The colloquial and garbled forms must find the same item as the tidy one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charPinyin } from '../language/index.js';
import { DEMO_HOTLINE, openDemo, type DemoSetup } from './test-fixtures.js';

interface Need {
  /** The demo item that answers this need. */
  id: string;
  tidy: string;
  colloquial: string[];
  /** Speech-recognition forms: homophones of the tidy wording, or traditional characters. */
  garbled: string[];
  /**
   * Questions the engine gets wrong today, with why; they run as `it.fails`, so a fix shows up
   * as a failing test that asks for the entry to be removed.
   */
  misses?: Record<string, string>;
}

const NEEDS: Need[] = [
  {
    id: 'guide-unemployment-benefit-claim',
    tidy: '失业保险金申领需要什么材料',
    colloquial: ['被辞退了领失业金要带啥', '失业金申请要准备什么材料'],
    garbled: ['失业保险今申领需要什么材料', '失業保險金申領需要什麼材料'],
  },
  {
    id: 'faq-resign-unemployment',
    tidy: '主动辞职能领失业金吗',
    colloquial: ['我自己不干了还能拿失业金不'],
    garbled: ['主动辞职能领失业今吗'],
  },
  {
    id: 'faq-hire-master-subsidy',
    tidy: '我们公司招了个硕士能拿什么补贴',
    colloquial: ['招个研究生区里给多少钱', '公司新招了研究生能申请什么'],
    garbled: ['我们公司招了个硕士能拿什么补铁'],
  },
  {
    id: 'guide-talent-apartment',
    tidy: '人才公寓申请需要什么材料',
    colloquial: ['想住人才公寓得准备哪些资料', '人才公寓申请要交什么资料'],
    garbled: ['人才公寓申情需要什么材料', '人才公寓申請需要什麼材料'],
  },
  {
    id: 'faq-license-lost',
    tidy: '营业执照丢了怎么补办',
    colloquial: ['执照找不到了咋办'],
    garbled: ['營業執照丟了怎麼補辦', '营业执照丢了怎么不办'],
  },
  {
    id: 'faq-center-address',
    tidy: '政务服务中心在哪里',
    colloquial: ['办事大厅在哪'],
    garbled: ['政务服务中心在哪里', '正务服务中心在哪里'],
  },
  {
    id: 'faq-center-hours',
    tidy: '政务服务中心几点上班',
    colloquial: ['办事大厅几点开门'],
    garbled: ['政務服務中心幾點上班'],
  },
  {
    id: 'faq-rd-deduction-ratio',
    tidy: '研发费用加计扣除比例是多少',
    colloquial: ['研发费用能多扣多少'],
    garbled: ['研发费用加急扣除比例是多少'],
  },
  {
    id: 'guide-housing-fund-employer-account',
    tidy: '住房公积金单位缴存登记需要什么材料',
    colloquial: ['公司开公积金户头要带什么'],
    garbled: ['住房公基金单位缴存登记需要什么材料'],
  },
  {
    id: 'guide-employer-social-insurance-registration',
    tidy: '单位社会保险登记需要什么材料',
    colloquial: ['新公司开社保户要带啥资料'],
    garbled: ['单位社会保险登机需要什么材料'],
  },
  {
    id: 'faq-small-scale-vat-exempt',
    tidy: '小规模纳税人免增值税的标准是多少',
    colloquial: ['月销售额多少免税'],
    garbled: ['小规模纳税人免增值税的标准是多少', '小規模納稅人免增值稅的標準是多少'],
  },
  {
    id: 'faq-job-retention-conditions',
    tidy: '失业保险稳岗返还需要什么条件',
    colloquial: ['稳岗补贴谁能拿'],
    garbled: ['失业保险稳岗反还需要什么条件'],
  },
  {
    id: 'faq-patent-priority',
    tidy: '专利优先审查怎么申请',
    colloquial: ['发明专利太慢了能走快速通道吗'],
    garbled: ['专利优先审察怎么申请'],
  },
];

/**
 * Questions asking for one field of a service (issue #10): the field answered, or the text that
 * must (and must not) be in the answer. 「多少钱」 after a subsidy word asks the amount, never the fee.
 */
interface FieldNeed {
  question: string;
  /** The item cited first. */
  id: string;
  /** The guide field answered, for a guide-field answer. */
  field?: string;
  contains?: string;
  notContains?: string;
}

const FIELD_NEEDS: FieldNeed[] = [
  // The demo's guide states its subsidy now; before it did, the FAQ answered with the same 10万元.
  { question: '博士安家补贴多少钱', id: 'guide-young-talent-subsidy', field: 'subsidy', contains: '10万元', notContains: '不收费' },
  { question: '高校毕业生一次性吸纳就业补贴能拿多少钱', id: 'guide-graduate-employment-subsidy', field: 'subsidy', contains: '2000元', notContains: '不收费' },
  { question: '办营业执照多少钱', id: 'guide-company-establishment', field: 'fee', contains: '不收费' },
  { question: '公章刻制收钱吗', id: 'guide-seal-engraving-filing', field: 'fee', contains: '备案不收费' },
  { question: '营业执照补领多少个工作日', id: 'guide-business-license-replacement', field: 'timeLimit', contains: '即时办结' },
  { question: '人才补贴什么时候申报', id: 'faq-subsidy-apply-time', contains: '每年3月、9月' },
  { question: '人才公寓申请要注意什么', id: 'guide-talent-apartment', field: 'notes', contains: '累计租住期限' },
  { question: '食品经营许可在哪办', id: 'guide-food-business-license', field: 'place', contains: '网上办理' },
];

/**
 * Questions about services the demo knowledge base does not hold (issue #10): each used to get
 * another service's answer (社保卡 → the business-licence replacement guide). They must get the
 * honest "not found", with the hotline and the closest items as suggestions.
 */
const NOT_HELD = [
  '社保卡丢了咋补办',
  '结婚登记在哪',
  '公积金怎么提取',
  '我要办居住证',
  // The demo holds the employer's hiring subsidy for graduates (吸纳就业补贴), not a start-up one.
  '高校毕业生一次性创业补贴能拿多少钱',
];

let demo: DemoSetup;
beforeAll(async () => {
  demo = await openDemo();
});
afterAll(async () => {
  await demo?.store.close();
});

async function answerer(question: string): Promise<string | undefined> {
  const answer = await demo.assistant.ask(question);
  return answer.citations[0]?.id;
}

describe('question fixture', () => {
  it('names items that exist in the demo knowledge base', () => {
    for (const need of NEEDS) expect(demo.items.has(need.id)).toBe(true);
  });

  for (const need of NEEDS) {
    describe(need.id, () => {
      it(`tidy: ${need.tidy}`, async () => {
        expect(await answerer(need.tidy)).toBe(need.id);
      });
      for (const q of need.colloquial) {
        const test = need.misses?.[q] ? it.fails : it;
        test(`colloquial: ${q}${need.misses?.[q] ? ` — ${need.misses[q]}` : ''}`, async () => {
          expect(await answerer(q)).toBe(await answerer(need.tidy));
          expect(await answerer(q)).toBe(need.id);
        });
      }
      for (const q of need.garbled) {
        const test = need.misses?.[q] ? it.fails : it;
        test(`garbled: ${q}${need.misses?.[q] ? ` — ${need.misses[q]}` : ''}`, async () => {
          expect(await answerer(q)).toBe(await answerer(need.tidy));
          expect(await answerer(q)).toBe(need.id);
        });
      }
    });
  }

  for (const need of FIELD_NEEDS) {
    it(`field: ${need.question}`, async () => {
      const answer = await demo.assistant.ask(need.question);
      expect(answer.citations[0]?.id).toBe(need.id);
      if (need.field) expect(answer).toMatchObject({ type: 'guide-field', field: need.field });
      if (need.contains) expect(answer.text).toContain(need.contains);
      if (need.notContains) expect(answer.text).not.toContain(need.notContains);
    });
  }

  for (const question of NOT_HELD) {
    it(`not held: ${question}`, async () => {
      const answer = await demo.assistant.ask(question);
      expect(answer.type).toBe('none');
      expect(answer.text).toContain(DEMO_HOTLINE);
      expect(answer.suggestions?.length).toBeGreaterThan(0);
    });
  }

  it('garbled forms sound like the tidy form (same toneless pinyin, or the same text once simplified)', () => {
    const pinyin = (s: string) => [...demo.assistant.searchIndex.analyzer.normalize(s)].map(charPinyin).join(' ');
    for (const need of NEEDS) {
      for (const q of need.garbled) expect(pinyin(q)).toBe(pinyin(need.tidy));
    }
  });
});
