/**
 * @module answering/field-notes
 * The sentences of a guide's notes (温馨提示) that state a field the guide leaves empty. Guides
 * often print the subsidy amount or the application window in their notes instead of in a
 * labelled section; a question about that field should reach them.
 */
import type { Guide } from '../knowledge/index.js';
import type { FieldIntent } from './intent.js';

const AMOUNT = /\d[\d.,]*\s*(万|千|百)?元|\d+(\.\d+)?\s*%/;

/**
 * What a notes sentence must show to state a field. Only fields a sentence can state on its own
 * are listed: a list of materials or steps is never hidden in one sentence of the notes.
 */
const FIELD_CLUES: Partial<Record<FieldIntent, (sentence: string) => boolean>> = {
  // An amount next to a benefit word: "每招用1人补贴2000元" (an amount alone may be a fee).
  subsidy: (s) => AMOUNT.test(s) && /补贴|补助|奖励|奖金|资助|津贴|贴息|奖补|发放|给予|返还|计发/.test(s),
  fee: (s) => /收费|费用|免费|工本费|租金/.test(s),
  applicationPeriod: (s) => /申报|受理|申请|报送/.test(s) && /\d{1,2}月|每年|常年|截止|季度|年度|批次/.test(s),
  hours: (s) => /\d{1,2}[:：]\d{2}|工作日|周[一二三四五六日末]|节假日|上午|下午/.test(s),
  timeLimit: (s) => /\d+\s*个?(工作日|日|天)内?|办结/.test(s),
  visits: (s) => /跑动|到现场|最多跑|跑一次|零跑|\d+次/.test(s),
  result: (s) => /颁发|核发|发放|出具|证书|许可证|执照|批复/.test(s),
  phone: (s) => /\d{3,4}-?\d{7,8}|电话|热线/.test(s),
  complaintPhone: (s) => /投诉|监督|举报/.test(s),
  place: (s) => /窗口|大厅|\d+楼|\d+号|地址/.test(s),
  onlineUrl: (s) => /https?:\/\/|网上|平台|小程序|app/i.test(s),
};

/**
 * The notes sentence that best states `field`, judged by the question's words it shares (the
 * 博士 of "博士安家补贴多少钱" picks the doctor's amount among several); undefined when no
 * sentence shows the field's clue.
 */
export function notesSentenceFor(guide: Guide, field: FieldIntent, questionWords: string[]): string | undefined {
  const clue = FIELD_CLUES[field];
  if (!clue || !guide.notes) return undefined;
  const sentences = guide.notes
    .split(/(?<=[。；;！？!?\n])/)
    .map((s) => s.trim())
    .filter((s) => s && clue(s));
  let best: { sentence: string; shared: number } | undefined;
  for (const sentence of sentences) {
    const shared = questionWords.filter((w) => w.length >= 2 && sentence.includes(w)).length;
    if (!best || shared > best.shared) best = { sentence, shared };
  }
  return best?.sentence;
}
