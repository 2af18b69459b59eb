/**
 * @module enterprise/forms/spoken-numbers
 * Quantities as people say them in conversation: “三百多人” → 300 (approximate), “八千万” → 8000 万元,
 * “1.2亿” → 12000 万元, “两百五” → 250, “三万五” → 35000, “百分之五点二” → 5.2 %, “是/没有” → true/false.
 *
 * Written here rather than taken from npm: `nzh` (the most used decoder) reads 两千 as 0, 二〇二三 as
 * 223 and 两百五 as 5, and none of the packages tried reads mixed forms (3.5万, 8000万元) or marks
 * “多/左右” as approximate. src/language's parseChineseNumber covers plain integer numerals only.
 */

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };
/** Financial (大写) numerals and traditional unit characters, read as the everyday ones. */
const CAPITALS: Record<string, string> = { 壹: '一', 贰: '二', 貳: '二', 叁: '三', 參: '三', 肆: '四', 伍: '五', 陆: '六', 陸: '六', 柒: '七', 捌: '八', 玖: '九', 拾: '十', 佰: '百', 仟: '千', 萬: '万', 億: '亿', 兩: '两', 幺: '一' };

const APPROXIMATE = /多|余|来[万亿人个元块家项]|左右|上下|大约|大概|约|差不多|将近|接近|估计|不到|几/;
const NUMBER_CHARS = /[0-9零〇一二两三四五六七八九十百千万亿点.,多余]/;

export interface SpokenNumber {
  value: number;
  approximate: boolean;
  /** the run said a magnitude (万/亿), so it is an absolute count, not a number in the unit asked */
  magnitude: boolean;
  /** the text after the number (its unit word: 元, 人, %) */
  after: string;
}

function normalise(text: string): string {
  return [...text.normalize('NFKC')].map((c) => CAPITALS[c] ?? c).join('').replace(/\s+/g, '');
}

/** Reads one run of digits and numerals (3.5万, 一千二百万, 两百五, 二〇二三); undefined when it holds no number. */
export function parseNumberRun(run: string): { value: number; magnitude: boolean } | undefined {
  let total = 0; // 亿 and above
  let wan = 0; // the part counted in 万
  let small = 0; // below 万
  let current: number | undefined;
  let currentIsSingleDigit = false;
  let afterZero = false;
  let lastUnit = 0;
  let magnitude = false;
  let i = 0;
  while (i < run.length) {
    const rest = run.slice(i);
    const arabic = /^\d+(?:,\d{3})*(?:\.\d+)?/.exec(rest);
    const chinese = /^([零〇一二两三四五六七八九]+)(?:点([零〇一二三四五六七八九]+))?/.exec(rest);
    if (arabic) {
      current = Number(arabic[0].replace(/,/g, ''));
      currentIsSingleDigit = /^\d$/.test(arabic[0]);
      afterZero = false;
      i += arabic[0].length;
    } else if (chinese) {
      const [whole, int, frac] = chinese as unknown as [string, string, string | undefined];
      afterZero = int[0] === '零' || int[0] === '〇';
      // 二〇二三, 一零五: digit by digit; 三, 两: one digit
      const intValue = Number([...int].map((c) => DIGITS[c]).join(''));
      current = frac ? Number(`${intValue}.${[...frac].map((c) => DIGITS[c]).join('')}`) : intValue;
      currentIsSingleDigit = int.replace(/^[零〇]/, '').length === 1 && !frac;
      i += whole.length;
    } else if (rest[0]! in SMALL_UNITS) {
      const unit = SMALL_UNITS[rest[0]!]!;
      small += (current ?? 1) * unit;
      current = undefined;
      lastUnit = unit;
      afterZero = false;
      i += 1;
    } else if (rest[0]! in BIG_UNITS) {
      const unit = BIG_UNITS[rest[0]!]!;
      const section = small + (current ?? 0) || 1;
      if (unit === 1e8) {
        total += (wan + section) * 1e8;
        wan = 0;
      } else {
        wan += section * 1e4;
      }
      small = 0;
      current = undefined;
      lastUnit = unit;
      magnitude = true;
      afterZero = false;
      i += 1;
    } else if (rest[0] === '多' || rest[0] === '余') {
      i += 1; // 三百多万: the approximation is noted by the caller; the unit after it still counts
    } else {
      return undefined;
    }
  }
  if (current === undefined && small === 0 && wan === 0 && total === 0) return undefined;
  // Colloquial: 两百五 = 250, 三万五 = 35000, 一千二 = 1200 — a lone digit after a unit counts one place below it.
  let tail = current ?? 0;
  if (current !== undefined && currentIsSingleDigit && !afterZero && lastUnit >= 100) tail = current * (lastUnit === 1e8 ? 1e7 : lastUnit === 1e4 ? 1e3 : lastUnit / 10);
  return { value: total + wan + small + tail, magnitude };
}

/** The number in a spoken answer; dates (2023年, 3月) are skipped, the longest remaining run wins. */
export function parseSpokenNumber(input: string): SpokenNumber | undefined {
  const text = normalise(input);
  const percentWords = /百分之([零〇一二两三四五六七八九十百点0-9.]+)/.exec(text);
  if (percentWords) {
    const run = parseNumberRun(percentWords[1]!);
    if (run) return { value: run.value, approximate: APPROXIMATE.test(text), magnitude: false, after: '%' };
  }
  const runs: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < text.length; ) {
    if (!NUMBER_CHARS.test(text[i]!) || text[i] === '多' || text[i] === '余' || text[i] === '点' || text[i] === '.' || text[i] === ',') {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && NUMBER_CHARS.test(text[end]!)) end++;
    // 多/余 only inside a run when a unit follows (三百多万); at its end it is left for the approximation test
    while (end > i && /[多余点.,]/.test(text[end - 1]!)) end--;
    runs.push({ start: i, end });
    i = Math.max(end, i + 1);
  }
  let best: { run: string; after: string } | undefined;
  for (const { start, end } of runs) {
    const run = text.slice(start, end);
    const after = text.slice(end);
    if (/^[年月日号]/.test(after)) continue; // part of a date
    // a lone 一 is mostly a word (一共, 一般, 一下), not a quantity
    if (run === '一' && !/^[个人家项位名元块次]/.test(after)) continue;
    if (!best || run.length > best.run.length) best = { run, after };
  }
  if (!best) return undefined;
  const parsed = parseNumberRun(best.run);
  if (!parsed) return undefined;
  return { value: parsed.value, approximate: APPROXIMATE.test(text), magnitude: parsed.magnitude, after: best.after };
}

/**
 * A spoken quantity in the unit a field asks for. Money asked in 万元 accepts 8000万, 八千万, 1.2亿,
 * 500000元 and a bare number (taken as 万元, the unit asked); other units take the number as said.
 */
export function parseQuantity(input: string, unit?: string): { value: number; approximate: boolean } | undefined {
  const spoken = parseSpokenNumber(input);
  if (!spoken) return undefined;
  let value = spoken.value;
  const saysYuan = /^(?:多|余)?(?:元|块)/.test(spoken.after);
  if (unit === '万元' && (spoken.magnitude || saysYuan)) value = value / 1e4;
  if (unit === '亿元' && (spoken.magnitude || saysYuan)) value = value / 1e8;
  // a float's tail (0.30000000000000004) is not what anyone said
  return { value: Math.round(value * 1e6) / 1e6, approximate: spoken.approximate };
}

const NO = /^(?:否|不|没|无|未|非|no\b|n\b|false\b|×|✗)/i;
const YES = /^(?:是|有|对|享受|已|符合|具有|同意|yes\b|y\b|true\b|√|✓|☑)/i;

/** 是/有/享受了 → true; 不是/没有/未享受/否 → false; otherwise undefined. */
export function parseYesNo(input: string): boolean | undefined {
  const text = normalise(input).replace(/^(?:嗯|呃|啊|哦|那个)?[，,]?(?:我们|我司|公司|本公司|企业)?(?:去年|上年度?)?/, '');
  if (NO.test(text)) return false;
  if (YES.test(text)) return true;
  return undefined;
}
