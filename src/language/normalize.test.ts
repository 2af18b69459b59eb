/**
 * @module language/normalize.test
 * The canonical text form: width, script, case, and Chinese numerals before units.
 */
import { describe, expect, it } from 'vitest';
import { normalizeText, parseChineseNumber } from './normalize.js';

describe('normalizeText', () => {
  it('folds full-width letters and digits to half-width', () => {
    expect(normalizeText('ＡＢＣ１２３')).toBe('abc123');
    expect(normalizeText('税务ＵＫｅｙ')).toBe('税务ukey');
    expect(normalizeText('１５个工作日')).toBe('15个工作日');
  });

  it('converts traditional characters to simplified', () => {
    expect(normalizeText('辦理營業執照')).toBe('办理营业执照');
    expect(normalizeText('失業保險金申領要帶什麼材料')).toBe('失业保险金申领要带什么材料');
    // Already simplified text is unchanged.
    expect(normalizeText('办理营业执照')).toBe('办理营业执照');
  });

  // BUG: the replacer read its arguments one place off (the unit's capture group came first), so
  // the checks on the character before a run never ran: 200万元 became 2000元 (万 read as a
  // numeral of its own, worth 0), and 20万元 could not be told from 200元.
  it('leaves the multiplier after digits alone, and ordinals as they are', () => {
    expect(normalizeText('给予一次性奖励200万元')).toBe('给予一次性奖励200万元');
    expect(normalizeText('最高1.5万元')).toBe('最高1.5万元');
    expect(normalizeText('第三个月')).toBe('第三个月');
  });

  it('lower-cases Latin letters', () => {
    expect(normalizeText('APP下载')).toBe('app下载');
    expect(normalizeText('UKey')).toBe('ukey');
  });

  it.each([
    ['十五个工作日', '15个工作日'],
    ['二〇二〇年', '2020年'],
    ['三万元', '30000元'],
    ['两万元', '20000元'],
    ['一百零八元', '108元'],
    ['五百万元', '5000000元'],
    ['二十年', '20年'],
    ['三个月', '3个月'],
    ['三十五周岁', '35周岁'],
    ['十天', '10天'],
    ['申请后五个工作日内办结', '申请后5个工作日内办结'],
    ['十五個工作日', '15个工作日'],
  ])('writes the quantity %s as %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it.each([
    '一网通办',
    '第一条',
    '第十五条',
    '一次性',
    '一次性吸纳就业补贴',
    '六税两费',
    '星期一',
    '周一至周五',
    '一个',
    '一年',
    '三农',
  ])('leaves the word or ordinal %s alone', (word) => {
    expect(normalizeText(word)).toBe(word);
  });

  it('is idempotent', () => {
    const once = normalizeText('辦理營業執照需要十五個工作日，費用三萬元，ＡＰＰ可辦');
    expect(normalizeText(once)).toBe(once);
    // NFKC also folds full-width punctuation (，→ ,); the ideographic full stop stays.
    expect(once).toBe('办理营业执照需要15个工作日,费用30000元,app可办');
    expect(normalizeText('可以吗？是的。')).toBe('可以吗?是的。');
  });
});

describe('parseChineseNumber', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['二十五', 25],
    ['一百零八', 108],
    ['两百', 200],
    ['一千零一', 1001],
    ['三万', 30000],
    ['十万', 100000],
    ['一万五千', 15000],
    ['十二万五千', 125000],
    ['三千五百万', 35000000],
    ['二〇二〇', 2020],
    ['二〇二六', 2026],
    ['零', 0],
  ] as const)('%s = %d', (run, value) => {
    expect(parseChineseNumber(run)).toBe(value);
  });

  it('gives undefined for text that is not a numeral', () => {
    expect(parseChineseNumber('十五个')).toBeUndefined();
    expect(parseChineseNumber('abc')).toBeUndefined();
  });
});
