/**
 * @module directory/constraints
 * Numeric wishes written the way people speak: “500平以上”, “五百平米左右”, “300到500平方”,
 * “不超过30块一平”, “每平米每月25元以内”, “承重1吨”, “贷款100万以上”. Numbers in words are read by
 * the forms' spoken-number reader (两百五 = 250, 1.2万 = 12000). A bare figure is read as the
 * person's aim: an area around it, a rent at most it, a floor load at least it.
 */
import { parseNumberRun } from '../enterprise/forms/spoken-numbers.js';

export interface Range {
  min?: number;
  max?: number;
  /** Said with 左右/大约: shown as “约…”. */
  approximate?: boolean;
}

export interface Constraints {
  /** m² */
  area?: Range;
  /** 元/m²/月 */
  rent?: Range;
  /** kN/m² */
  floorLoad?: Range;
  /** 万元, for funds */
  amount?: Range;
}

const NUM = '[0-9零〇一二两三四五六七八九十百千万亿点.]+';
const AREA_UNIT = '(?:平方米|平方|平米|平|㎡|m²|m2|平方公尺)';
const ABOVE = /^(?:以上|及以上|之上|往上|起|多|出头)/;
const BELOW = /^(?:以下|及以下|以内|之内|内|之下|封顶)/;
const AROUND = /^(?:左右|上下|附近)/;
const BEFORE_ABOVE = /(?:至少|最少|不少于|不小于|不低于|超过|大于|多于|高于|起码|以上)$/;
const BEFORE_BELOW = /(?:不超过|不大于|不高于|不多于|最多|至多|低于|少于|小于|不到|以内|顶多|最高)$/;
const BEFORE_AROUND = /(?:大约|大概|约|差不多|将近|接近|估计)$/;

type Lean = 'min' | 'max' | 'around';

/** A number run in the text; undefined when it is not one. */
function numberOf(run: string): number | undefined {
  const parsed = parseNumberRun(run);
  return parsed && Number.isFinite(parsed.value) ? parsed.value : undefined;
}

/** How the words around a figure lean it: at least, at most, around — or `fallback`. */
function leanOf(before: string, after: string, fallback: Lean): Lean {
  // Negations first: 不超过 holds 超过, 不低于 holds 低于.
  if (/不(?:超过|大于|高于|多于)$/.test(before)) return 'max';
  if (/不(?:低于|小于|少于|到)$/.test(before)) return /不到$/.test(before) ? 'max' : 'min';
  if (ABOVE.test(after) || BEFORE_ABOVE.test(before)) return 'min';
  if (BELOW.test(after) || BEFORE_BELOW.test(before)) return 'max';
  if (AROUND.test(after) || BEFORE_AROUND.test(before)) return 'around';
  return fallback;
}

function rangeOf(value: number, lean: Lean): Range {
  if (lean === 'min') return { min: value };
  if (lean === 'max') return { max: value };
  // “500平左右”: a fifth either way.
  return { min: round(value * 0.8), max: round(value * 1.2), approximate: true };
}

const round = (n: number) => Math.round(n * 100) / 100;

interface Found {
  range: Range;
  /** The text with the figure taken out, so that another pattern does not read it again. */
  rest: string;
}

/** `low 到 high unit` or `value unit` with its leaning words; the first match of `pattern`. */
function findFigure(text: string, pattern: RegExp, fallback: Lean, scale: (value: number, match: RegExpExecArray) => number): Found | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  const low = numberOf(match.groups!.low ?? '');
  const high = numberOf(match.groups!.value ?? '');
  if (high === undefined) return undefined;
  const before = text.slice(Math.max(0, match.index - 4), match.index);
  const after = text.slice(match.index + match[0].length, match.index + match[0].length + 4);
  const rest = text.slice(0, match.index) + '　' + text.slice(match.index + match[0].length);
  if (low !== undefined) return { range: { min: round(scale(low, match)), max: round(scale(high, match)) }, rest };
  const approximate = /多|余|来$/.test(match.groups!.more ?? '');
  const lean = approximate && fallback !== 'max' ? 'min' : leanOf(before, `${match.groups!.tail ?? ''}${after}`, fallback);
  return { range: rangeOf(round(scale(high, match)), lean), rest };
}

const RANGE = `(?:(?<low>${NUM})\\s*(?:${AREA_UNIT})?\\s*(?:到|至|-|~|～|—)\\s*)?`;

// 30块一平, 30元/㎡/月, 30元每平米每月, 一平30块, 每平方米每月25元, 租金30以下
const RENT_AFTER = new RegExp(`${RANGE}(?<value>${NUM})(?<more>多|来)?\\s*(?:元|块)(?:钱)?\\s*(?:\\/|每|一|1)?\\s*${AREA_UNIT}\\s*(?:(?:\\/|每|一|1)?\\s*(?<per>月|天|日))?(?<tail>以上|以下|以内|左右)?`);
const RENT_BEFORE = new RegExp(`(?:每|一|1)${AREA_UNIT}(?:(?:每|一)(?<per>月|天|日))?(?:租金)?(?:(?:不超过|最多|低于|不到|在)?)\\s*(?<value>${NUM})(?<more>多|来)?\\s*(?:元|块)(?<tail>以上|以下|以内|左右)?`);
const RENT_WORD = new RegExp(`(?:租金|租价|房租|月租)(?:在|是|为)?(?:不超过|最多|低于|不到)?\\s*(?<value>${NUM})(?<more>多|来)?\\s*(?:元|块)?(?:钱)?(?<tail>以上|以下|以内|左右)?`);
// 承重1吨, 承重不低于5kN, 楼面荷载8千牛, 承载500公斤每平
const LOAD = new RegExp(`(?:承重|荷载|承载|载荷)(?:能力)?(?:要|需要|在|达到|是)?(?:不低于|至少|超过|大于|不少于)?\\s*(?<value>[0-9零〇一二两三四五六七八九十百点.]+)\\s*(?<unit>吨|t|T|千牛|kN|KN|kn|公斤|kg|KG)?(?:\\/|每)?(?:${AREA_UNIT})?(?<tail>以上|以下|左右)?`);
const AREA = new RegExp(`${RANGE}(?<value>${NUM})(?<more>多|来|余)?\\s*${AREA_UNIT}(?<tail>以上|以下|以内|左右|上下)?`);
// 100万以上的贷款, 贷款500万, 融资两千万
const AMOUNT = new RegExp(`${RANGE}(?<value>${NUM})(?<more>多|来)?\\s*(?<unit>万元|万|亿元|亿)(?<tail>以上|以下|以内|左右)?`);

/** Per-day rents (“每平每天1块”) are turned into per-month ones; the directory keeps 元/m²/月. */
const perMonth = (value: number, match: RegExpExecArray) => (/天|日/.test(match.groups!.per ?? '') ? value * 30 : value);

const LOAD_TO_KN: Record<string, number> = { 吨: 9.8, t: 9.8, T: 9.8, 公斤: 0.0098, kg: 0.0098, KG: 0.0098 };

const DIGIT_WORDS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * Spoken shapes the number reader does not take, rewritten first: 两三百 → 两百到三百 (a range),
 * 一块五 → 1.5元 (块 as the decimal point of money), 一个亿 → 一亿.
 */
function respell(text: string): string {
  return text
    .replace(/([一二两三四五六七八九])([二三四五六七八九])([十百千万])/g, (all, a: string, b: string, unit: string) =>
      DIGIT_WORDS[b]! === DIGIT_WORDS[a]! + 1 ? `${a}${unit}到${b}${unit}` : all,
    )
    .replace(/([0-9零〇一二两三四五六七八九十]+)[块元]([1-9一二三四五六七八九])[毛角]?(?![0-9零〇一二两三四五六七八九十百千万平㎡方米m每/])/g, (all, int: string, tenth: string) => {
      const whole = numberOf(int);
      const decimal = DIGIT_WORDS[tenth] ?? Number(tenth);
      return whole === undefined ? all : `${whole}.${decimal}元`;
    })
    .replace(/([一二两三四五六七八九十])个(亿|万)/g, '$1$2');
}

/** Everything numeric the question asks for; empty when it names no figure. */
export function parseConstraints(question: string): Constraints {
  let text = respell(question.normalize('NFKC').replace(/\s+/g, ''));
  const out: Constraints = {};
  for (const pattern of [RENT_AFTER, RENT_BEFORE, RENT_WORD]) {
    const found = findFigure(text, pattern, 'max', perMonth);
    if (found) {
      out.rent = found.range;
      text = found.rest;
      break;
    }
  }
  const load = findFigure(text, LOAD, 'min', (value, match) => {
    const unit = match.groups!.unit;
    // A bare 承重5 is read in kN/m² unless it is small enough to be tonnes (承重1、承重2).
    if (!unit) return value <= 3 ? value * 9.8 : value;
    return value * (LOAD_TO_KN[unit] ?? 1);
  });
  if (load) {
    out.floorLoad = load.range;
    text = load.rest;
  }
  const area = findFigure(text, AREA, 'around', (value) => value);
  if (area) {
    out.area = area.range;
    text = area.rest;
  }
  const amount = findFigure(text, AMOUNT, 'min', (value, match) => {
    // parseNumberRun already read 万 inside the run when there is one (“两千万”); the unit then adds nothing.
    const runHasMagnitude = /[万亿]/.test(match.groups!.value ?? '');
    if (runHasMagnitude) return value / 1e4;
    return /亿/.test(match.groups!.unit ?? '') ? value * 1e4 : value;
  });
  if (amount) out.amount = amount.range;
  return out;
}

/** Whether `value` satisfies `range`; an unknown value never does. */
export function inRange(value: number | undefined, range: Range | undefined): boolean {
  if (!range) return true;
  if (value === undefined) return false;
  return (range.min === undefined || value >= range.min - 1e-9) && (range.max === undefined || value <= range.max + 1e-9);
}

/** “500 m²以上”, “约400–600 m²”, “30元/m²/月以下”. */
export function describeRange(range: Range, unit: string): string {
  if (range.approximate && range.min !== undefined && range.max !== undefined) return `约${round((range.min + range.max) / 2)}${unit}（${range.min}–${range.max}${unit}）`;
  if (range.min !== undefined && range.max !== undefined) return `${range.min}–${range.max}${unit}`;
  if (range.min !== undefined) return `${range.min}${unit}以上`;
  return `${range.max}${unit}以下`;
}
