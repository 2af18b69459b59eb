/**
 * @module answering/extract-lists.test
 * How far an answer reaches: a list of measures is answered whole (up to `listRunOnChars`), not
 * cut where a paragraph's answer would stop; what brackets or a web address hold stays with its
 * clause (a comma in "（星期二，农历…）" or the colon of "https://" ends no clause); a web address
 * named after 网站 answers "哪个网站"; a series of quantities keeps what its last one counts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { TextAnalyzer } from '../language/index.js';
import { analyseQuery } from '../search/query.js';
import { TermStatistics, type SentenceEntry } from '../search/rerank.js';
import { splitSentences } from '../search/sentences.js';
import { extractAnswer } from './extract.js';

let analyzer: TextAnalyzer;
let stats: TermStatistics;

/** Support measures introduced by "…如下：", five numbered items of about 50 characters each. */
const RENT =
  '云岭高新区关于减轻小微企业房租负担的通知\n' +
  '为帮助小微企业渡过难关，现将房租减免措施通知如下：\n' +
  '1.承租区属国有企业经营用房的小微企业，免收三个月房租，已经缴纳的从以后的租金中抵扣。\n' +
  '2.承租园区孵化器、众创空间的初创企业，六个月内房租减半收取，由园区运营单位直接办理。\n' +
  '3.为租户减免租金的民营业主，按减免金额的百分之三十给予补助，单个业主补助总额不设上限。\n' +
  '4.减免租金的业主当年缴纳房产税、城镇土地使用税确有困难的，可以向税务部门申请困难减免。\n' +
  '5.租户与业主因租金发生纠纷的，可以向街道人民调解委员会申请免费调解，调解期间暂不停水停电。\n' +
  '本通知自印发之日起施行。';

/** One sentence of measures joined by "；", about 220 characters. */
const JOBS =
  '云岭高新区稳就业工作方案\n' +
  '稳定就业岗位方面，对不裁员或少裁员的参保企业，按上年度实际缴纳失业保险费的百分之六十予以返还；' +
  '对吸纳本区户籍登记失业人员就业并签订一年以上劳动合同的企业，按每人两千元给予一次性吸纳就业补贴；' +
  '对组织职工参加线上职业技能培训的企业，按每人每课时二十元给予培训补贴，每人最多补贴八十课时；' +
  '对新招用高校毕业生并开展以工代训的中小微企业，按每人每月五百元给予职业培训补贴，最长补贴六个月；' +
  '对临时生产经营困难的企业，经批准可以缓缴社会保险费，缓缴期间免收滞纳金，最长不超过六个月。\n' +
  '本方案由区人力资源和社会保障局负责解释。';

const HOLIDAY =
  '云岭高新区管委会关于调整假期安排的通知\n' +
  '经研究决定，今年劳动节假期延长至5月6日（星期三，农历四月十四），5月7日起正常上班。\n' +
  '延长假期期间，政务服务大厅暂停现场办理，网上办理照常受理。';

const ONLINE =
  '云岭高新区关于网上办理涉税事项的提示\n' +
  '区税务局已梳理可以网上办理的涉税事项清单，详见区税务局网站https://yunling.tax.example.cn/list。\n' +
  '纳税人有疑问的，可以拨打12366咨询。';

beforeAll(() => {
  analyzer = new TextAnalyzer();
  stats = new TermStatistics();
  for (const text of [RENT, JOBS, HOLIDAY, ONLINE, '营业执照遗失补领当场办结。', '失业保险金按月发放。']) {
    const a = analyzer.analyze(text);
    stats.add([...a.words, ...a.bigrams]);
  }
});

function sentencesOf(body: string): SentenceEntry[] {
  return splitSentences(body).map((s) => ({ start: s.start, end: s.end, norm: analyzer.normalize(s.text) }));
}

function extract(body: string, question: string): string | undefined {
  const query = analyseQuery(analyzer, question);
  const span = extractAnswer(body, sentencesOf(body), query, stats, (t) => analyzer.normalize(t), undefined, analyzer.synonyms);
  return span ? body.slice(span.start, span.end) : undefined;
}

describe('answers that reach as far as the list', () => {
  it('answers "有哪些减免措施" with every numbered item, not the first three', () => {
    const text = extract(RENT, '小微企业房租减免有哪些措施？');
    expect(text).toContain('1.承租区属国有企业经营用房');
    expect(text).toContain('5.租户与业主因租金发生纠纷');
    expect(text).not.toContain('本通知自印发之日起施行');
  });

  it('answers a question about a "；" series with the whole series', () => {
    const text = extract(JOBS, '稳定就业岗位方面对企业有哪些支持？');
    expect(text).toContain('百分之六十予以返还');
    expect(text).toContain('最长不超过六个月');
  });
});

describe('clauses that brackets and web addresses do not end', () => {
  it('keeps a bracketed weekday with the date it qualifies', () => {
    expect(extract(HOLIDAY, '劳动节假期延长到哪天？')).toContain('5月6日（星期三，农历四月十四）');
  });

  it('answers "哪个网站" with the web address named after 网站, whole', () => {
    expect(extract(ONLINE, '涉税事项清单详见哪个网站？')).toContain('https://yunling.tax.example.cn/list');
    // 在哪个网站 asks an online channel, not a place to go.
    expect(extract(ONLINE, '网上办的涉税事项清单在哪个网站能查？')).toContain('https://yunling.tax.example.cn/list');
  });
});

describe('quantities that say what they count', () => {
  it('keeps the thing counted after the last of a series of quantities', () => {
    const body = '云岭高新区驻企服务工作简报\n区工信局会同市场监管局进驻了12家医疗器械企业、7家防护用品企业，现场解决困难41个。';
    expect(extract(body, '区工信局会同市场监管局进驻了多少家企业？')).toBe('12家医疗器械企业、7家防护用品企业');
  });
});
