/**
 * @module answering/extract-in-place.test
 * The right words of the right sentence: the clause holding the value asked is not cut off as a
 * restatement, "多少 + thing" is answered by the quantity of that thing, a question's light words
 * (达到了, 有) need not be said the same way, a hotline named in passing does not make a question
 * ask for a phone number, and a flattened page's title does not hide its first paragraph.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { TextAnalyzer } from '../language/index.js';
import { analyseQuery } from '../search/query.js';
import { TermStatistics, type SentenceEntry } from '../search/rerank.js';
import { splitSentences } from '../search/sentences.js';
import { askedKind, tidyQuestionWords } from './answer-kinds.js';
import { extractAnswer } from './extract.js';

let analyzer: TextAnalyzer;
let stats: TermStatistics;

const STATION =
  '星河站迎来返程客流高峰\n' +
  '记者从星河站获悉，返程高峰持续到本周末。\n' +
  '国庆最后一天，星河站预计接待旅客12万人次，同比增长30%。\n' +
  '车站增开了临时售票窗口。';

const CHARGING =
  '星河高新区新能源汽车充电设施建设进展\n' +
  '今年以来，区里加快建设公共充电设施。\n' +
  '目前，已经建成了5座充电站，共有320个充电桩，日均服务车辆900辆。';

const HOTLINE =
  '星河区12345热线上半年运行情况\n' +
  '上半年，12345热线共接听来电3.6万个，受理投诉860件，办结率98%。\n' +
  '热线将继续做好7×24小时服务。';

const WORKS =
  '星河高新区重点项目复工情况\n' +
  '目前，全区在建重点项目复工率达90%，其中交通项目复工率达75%。\n' +
  '区里将继续协调解决项目用工、原材料等问题。';

// A page flattened onto one line: its title runs into the first paragraph.
const NOTICE =
  '星河区关于开通助老服务热线的通告 为做好疫情期间独居老人关爱工作，自3月1日起开通助老服务热线，为独居老人提供代购药品、上门探访等服务。 ' +
  '助老服务热线号码：12349。 特此通告。 星河区民政局 2020年3月1日';

beforeAll(() => {
  analyzer = new TextAnalyzer();
  stats = new TermStatistics();
  for (const text of [STATION, CHARGING, HOTLINE, WORKS, NOTICE, '营业执照遗失补领当场办结。', '失业保险金按月发放。']) {
    const a = analyzer.analyze(text);
    stats.add([...a.words, ...a.bigrams]);
  }
});

function extract(body: string, question: string): string | undefined {
  const sentences: SentenceEntry[] = splitSentences(body).map((s) => ({ start: s.start, end: s.end, norm: analyzer.normalize(s.text) }));
  const query = analyseQuery(analyzer, question);
  const span = extractAnswer(body, sentences, query, stats, (t) => analyzer.normalize(t), undefined, analyzer.synonyms);
  return span ? body.slice(span.start, span.end) : undefined;
}

describe('extractAnswer, in place', () => {
  it('keeps the clause that restates the question but holds the number asked', () => {
    expect(extract(STATION, '国庆最后一天星河站预计接待旅客多少人次？')).toBe('12万人次');
  });

  it('answers "多少 + thing" with the quantity of that thing', () => {
    expect(extract(CHARGING, '目前已经建成了多少充电桩？')).toBe('320个');
    expect(extract(HOTLINE, '上半年12345热线受理投诉多少件？')).toBe('860件');
  });

  it('lines the question up although the source says its light words otherwise', () => {
    expect(extract(WORKS, '全区在建重点项目中交通项目复工率达到了多少？')).toBe('75%');
  });

  it('reads the first paragraph of a flattened page, not only its title', () => {
    expect(extract(NOTICE, '助老服务热线为独居老人提供哪些服务？')).toContain('代购药品、上门探访');
  });
});

describe('askedKind', () => {
  const kindOf = (q: string) => askedKind(tidyQuestionWords(q));
  it('asks a phone number only when the question word asks it', () => {
    expect(kindOf('12345热线上半年受理了多少件投诉')).toBe('quantity');
    expect(kindOf('助老热线是从什么时候开通的')).toBe('date');
    expect(kindOf('助老服务热线号码是多少')).toBe('phone');
    expect(kindOf('社保中心的咨询电话')).toBe('phone');
    expect(kindOf('想投诉的话怎么打电话')).toBe('phone');
  });
});
