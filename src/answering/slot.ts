/**
 * @module answering/slot
 * Chinese asks questions in place: the question word stands where the answer stands in the
 * statement ("全国铁路预计发送旅客多少人次" ↔ "全国铁路预计发送旅客85万人"). So the words before the
 * question word end just before the answer, and the words after it begin just after it; the
 * answer is the stretch of the source between the two.
 */

import { charPinyin } from '../language/index.js';

/** A question split at its question word. */
export interface QuestionShape {
  /** The question word (多少, 哪些, 如何 …). */
  wh: string;
  /** The question before and after the question word, punctuation and closing particles removed. */
  before: string;
  after: string;
  /**
   * How far the answer reaches: `fact` (an amount, a date, a place, a name) and `thing` (什么/哪些 +
   * a noun: which platform, what kind of service) are answered within one clause; `open` questions
   * (如何, 有哪些措施, …是什么) by the whole statement.
   */
  scope: 'fact' | 'thing' | 'open';
}

// Longest forms first, so that 什么时候 is one question word and not 什么 + 时候.
const QUESTION_WORD =
  /什么时候|什么时间|什么地方|多长时间|多少|多久|哪些|哪个|哪家|哪一|哪几|哪里|哪儿|哪天|哪|什么样|什么|如何|怎样|怎么样|怎么|何时|何种|何地|有何|何|几|谁|是否/;
const FACT = /^(什么时候|什么时间|什么地方|多长时间|多少|多久|哪个|哪家|哪一|哪里|哪儿|哪天|何时|何地|几|谁)$/;
const MANNER = /^(如何|怎样|怎么样|怎么|有何|是否)$/;
// Nouns that name a set of measures or a whole statement: "有哪些(管理)措施" is answered at
// length. The noun heads the short phrase after the question word, so it ends it: 管理要求 → 要求.
const OPEN_NOUNS = '措施|举措|要求|政策|规定|内容|办法|工作|情况|作用|方面|服务|支持|安排|处理|方式|做法|意见|优惠|规范|保障|帮扶|行动|手段|对策|建议|努力|部署';
const OPEN_NOUN = new RegExp(`^.{0,4}(${OPEN_NOUNS})`);
// The same nouns as a speech recogniser may write them (证测 for 政策, 内融 for 内容).
const OPEN_NOUN_SOUNDS = new Set(OPEN_NOUNS.split('|').map((w) => [...w].map(charPinyin).join('_')));

function namesOpenNoun(after: string): boolean {
  if (OPEN_NOUN.test(after)) return true;
  const head = [...after.slice(0, 6)].map(charPinyin);
  return head.slice(1).some((sound, i) => OPEN_NOUN_SOUNDS.has(`${head[i]}_${sound}`));
}

export function questionShape(normalized: string): QuestionShape | undefined {
  const m = QUESTION_WORD.exec(normalized);
  if (!m) return undefined;
  const clean = (s: string) => s.replace(/[？?。！!\s]+/g, '');
  const wh = m[0];
  // What follows "多少 / 几" (the measure word, the thing counted) belongs to the answer: "200个发热门诊".
  const after = /^(多少|几)$/.test(wh) ? '' : clean(normalized.slice(m.index + wh.length)).replace(/[吗呢啊呀]+$/, '');
  const scope = FACT.test(wh) ? 'fact' : MANNER.test(wh) || !after || namesOpenNoun(after) ? 'open' : 'thing';
  return { wh, before: clean(normalized.slice(0, m.index)), after, scope };
}

/**
 * Where the answer sits in `text` (normalised, one character per source character): after the
 * longest end of the question's `before` part found in the text, and before the longest start of
 * its `after` part found after that. Offsets into `text` and the lengths matched on each side;
 * undefined when neither side is found.
 */
export function slotIn(
  text: string,
  shape: QuestionShape,
): { start: number; end: number; before: number; after: number } | undefined {
  let start = 0;
  let before = 0;
  // The question's last light words may be said otherwise in the source: "复工率达到了多少" ↔
  // "复工率达89.8%", "产能有多少" ↔ "产能可达400万只".
  const light = shape.before.replace(LIGHT_END, '');
  for (const anchor of light !== shape.before ? [shape.before, light] : [shape.before]) {
    for (let k = Math.min(anchor.length, MAX_ANCHOR); k > Math.max(before, MIN_ANCHOR - 1); k--) {
      const at = text.indexOf(anchor.slice(-k));
      if (at >= 0) {
        start = at + k;
        before = k;
        break;
      }
    }
  }
  let end = text.length;
  let after = 0;
  for (let k = Math.min(shape.after.length, MAX_ANCHOR); k >= MIN_ANCHOR; k--) {
    const at = text.indexOf(shape.after.slice(0, k), start);
    if (at >= 0) {
      end = at;
      after = k;
      break;
    }
  }
  return before + after > 0 && end > start ? { start, end, before, after } : undefined;
}

/** Words ending the question before its question word that the source often says otherwise. */
const LIGHT_END = /[了到有是为]+$/;

/** One shared character says nothing; sixteen in a row say all there is to say. */
const MIN_ANCHOR = 2;
export const MAX_ANCHOR = 16;
