/**
 * @module search/quoted-names.test
 * A name the asker quotes (《…》, “…”) is the thing asked about: the item holding that very name
 * ranks above one that only shares its words.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { itemSchema, type Item } from '../knowledge/index.js';
import { TextAnalyzer } from '../language/index.js';
import { quotedNames, quotedShare } from './quoted-names.js';
import { DEFAULT_RANKING } from './ranking.js';
import { SearchIndex } from './search-index.js';

describe('quotedNames', () => {
  it('reads names in title marks and quotation marks, each once, without spaces', () => {
    expect(quotedNames('《民声直通车》栏目和“ 民声直通车 ”是一回事吗？「一网通办」呢')).toEqual(['民声直通车', '一网通办']);
    expect(quotedNames('听说有个"随申码"，怎么申请')).toEqual(['随申码']);
  });

  it('ignores a question without quotes and a single quoted character', () => {
    expect(quotedNames('老年人乘车优惠怎么办理？')).toEqual([]);
    expect(quotedNames('“免”是指哪些费用？')).toEqual([]);
  });

  it('measures the share of the names an item holds verbatim', () => {
    expect(quotedShare(['民声直通车', '一网通办'], '市里开设了民声 直通车栏目')).toBe(0.5);
    expect(quotedShare([], '任何文字')).toBe(0);
  });
});

describe('SearchIndex ranks the item holding a quoted name above one sharing its words', () => {
  const article = (id: string, title: string, text: string): Item =>
    itemSchema.parse({ kind: 'article', id, title, text: `${title}\n${text}` });
  const ITEMS = (): Item[] => [
        article(
          'column',
          '融媒体中心回应群众关切',
          '为及时回应群众关切，市融媒体中心在“掌上青山”手机应用开设《民声直通车》栏目，每天更新。',
        ),
        article(
          'scattered',
          '民生服务直通车开进社区',
          '民生服务直通车开进社区，各部门在手机客户端设有专门栏目，倾听民声，群众反映的问题可随时查询办理进度。',
        ),
        article('filler-1', '春耕备耕工作有序开展', '各地抓紧组织春耕备耕，保障农资供应。'),
        article('filler-2', '电子税务局新增预约功能', '纳税人可通过电子税务局预约办税。'),
  ];
  const QUESTION = '《民声直通车》栏目是在哪个客户端开设的？';
  let index: SearchIndex;
  beforeAll(async () => {
    index = await SearchIndex.build(ITEMS(), new TextAnalyzer());
  });

  it('is a case the words alone get wrong: without the quoted name the scattered words win', async () => {
    const wordsOnly = await SearchIndex.build(ITEMS(), new TextAnalyzer(), { ...DEFAULT_RANKING, quoted: 0 });
    expect(wordsOnly.search(QUESTION, { includeExpired: true }).hits[0]!.item.id).toBe('scattered');
  });

  it('answers 《民声直通车》 with the item that names it', () => {
    const hits = index.search(QUESTION, { includeExpired: true }).hits;
    expect(hits[0]!.item.id).toBe('column');
  });
});
