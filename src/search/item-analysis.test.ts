import { describe, expect, it } from 'vitest';
import { itemBody, validateItem, type Item } from '../knowledge/index.js';
import { TextAnalyzer } from '../language/index.js';
import { openStore } from '../storage/index.js';
import { loadDemo } from '../demo/load.js';
import { outlineItem, termsOfItem } from './item-analysis.js';
import { termsField } from './minisearch-fields.js';

const item = (fields: Record<string, unknown>): Item => {
  const checked = validateItem(fields);
  if (!checked.ok) throw new Error(checked.errors.join('; '));
  return checked.item;
};

/** What the item document held when the body was analysed as one text. */
function bodyAsOneText(analyzer: TextAnalyzer, it: Item) {
  const body = analyzer.analyze(itemBody(it));
  return { w: termsField(body.words), b: termsField(body.bigrams) };
}

describe('termsOfItem', () => {
  it("gives every demo item the terms of its body analysed as one text (the passages' terms in order)", async () => {
    const store = await openStore({ dataDir: 'memory://' });
    try {
      await loadDemo(store);
      const items = await store.listItems();
      const analyzer = new TextAnalyzer();
      analyzer.addTerms(items.map((i) => i.title));
      expect(items.length).toBeGreaterThan(100);
      for (const it of items) {
        const { itemDoc } = termsOfItem(analyzer, outlineItem(analyzer, it));
        expect({ w: itemDoc.w, b: itemDoc.b }, it.id).toEqual(bodyAsOneText(analyzer, it));
      }
    } finally {
      await store.close();
    }
  });

  it('holds for texts that run past a passage, end without a stop, and break lines mid-run', () => {
    const analyzer = new TextAnalyzer();
    const long = '申请人应当提交营业执照副本、法定代表人身份证明和近三年的财务审计报告。'.repeat(12);
    for (const it of [
      item({ id: 'p1', kind: 'policy', title: '一项政策', text: `${long}\n第二条 补贴标准为每人每月1500元\n第三条 自2024年1月1日起施行`, interpretation: '解读：企业可按季度申报；个人无需申请' }),
      item({ id: 'a1', kind: 'article', title: '一篇文章', text: 'ABC公司获评2024年度优秀企业 税务ukey免费发放！！！请于3月31日前领取' }),
      item({ id: 'f1', kind: 'faq', title: '问', questions: ['怎么办？'], answer: '带上身份证，到政务服务中心3号窗口办理。' }),
    ]) {
      const { itemDoc } = termsOfItem(analyzer, outlineItem(analyzer, it));
      expect({ w: itemDoc.w, b: itemDoc.b }, it.id).toEqual(bodyAsOneText(analyzer, it));
    }
  });
});
