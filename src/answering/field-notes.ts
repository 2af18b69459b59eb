/**
 * @module answering/field-notes
 * The sentences of a guide's notes (温馨提示) that state a field the guide leaves empty. Guides
 * often print the subsidy amount or the application window in their notes instead of in a
 * labelled section; a question about that field should reach them.
 */
import { guideSections, type Guide, type GuideField } from '../knowledge/index.js';
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

/** How a question is matched against a guide's sentences. */
export interface SentenceQuestion {
  /** The question as normalised, field and question words included (they tell what it asks). */
  normalized: string;
  /** How much a pair of characters says across the knowledge base (IDF); 1 for all when absent. */
  pairWeight?: (pair: string) => number;
}

/** A sentence of a guide, with the section it sits in. */
export interface GuideSentence {
  field: GuideField;
  label: string;
  sentence: string;
}

/**
 * Asked for the guide as a whole — how to go about it (怎么办, 咋转过来, 如何弄), 介绍一下, 是什么 —
 * the overview answers these, not one sentence.
 */
const ASKS_WHOLE_GUIDE = /怎么|咋|如何|怎样|介绍|是什么|是啥|了解一下|说说|讲讲|有哪些规定|有什么规定|指南/;

/** What kind of fact the question wants, and how a sentence shows it. */
const FACT_SHAPES: { asks: RegExp; shows: RegExp }[] = [
  // A duration or a deadline: 多长时间内, 多久, 几天.
  { asks: /多长时间|多久|几天|多少天|几个月|几年|多少日|期限|最晚|最迟/, shows: /\d+\s*(个)?(工作日|日|天|月|年|周)|[一二三两四五六七八九十]+(个)?(工作日|日|天|月|年|周)|当日|当天|即办/ },
  // An amount: 多少, 几万.
  { asks: /多少|几[百千万块]|金额|标准|比例/, shows: /\d[\d.,]*\s*(万|千|百)?元|\d+(\.\d+)?\s*%|[一二三四五六七八九十百千万]+元/ },
];

/**
 * A sentence answers when it holds at least this share of the question's weight and clearly more
 * than any other sentence (a long, chatty question restates little of any sentence, but the one
 * that answers it still stands out); otherwise the overview does.
 */
const MIN_SENTENCE_SHARE = 0.05;
const MIN_LEAD_OVER_NEXT = 1.5;
/** Extra share for a sentence showing the kind of fact asked for (a duration for 多久). */
const SHAPE_BONUS = 0.15;
/** Pairs of the guide's title locate the guide, not the sentence: they count this much. */
const TITLE_DISCOUNT = 0.1;
/** Pairs of the clause that holds the question word say what is asked: they count this much more. */
const FOCUS_WEIGHT = 3;
/** Longer sentences hold more pairs by chance; their share is scaled by (this / length)^0.5. */
const REFERENCE_CHARS = 80;
/** A clause that asks (什么, 哪些, 是否, 用不用 …) rather than sets the scene. */
const ASKING_CLAUSE = /什么|啥|哪|多少|几|怎么|怎样|如何|是否|吗|么|能否|可否|要不要|用不用|还是|谁|多久|多长/;

/**
 * The sentence of a guide — in any section, its notes included — that answers a specific
 * question no standard field holds ("钱打给个人还是单位", "延期后还要办什么手续", "出生后多长时间
 * 内申报"), found by the question's character pairs, each weighed by how rare it is in the
 * knowledge base and in the guide; pairs of the title count little (they name the guide), pairs of
 * the asking clause more. Undefined for questions about the guide as a whole (怎么办, 介绍一下)
 * or when no sentence stands out.
 */
export function answeringSentence(guide: Guide, question: SentenceQuestion): GuideSentence | undefined {
  if (ASKS_WHOLE_GUIDE.test(question.normalized)) return undefined;
  const sentences = guideSentences(guide);
  const weights = pairWeights(question, guide.title, sentences);
  // The pairs no sentence holds still count in the total: a question about something the guide
  // never mentions must not be answered by its one sentence that shares a word.
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  if (!total || !sentences.length) return undefined;
  const shape = FACT_SHAPES.find((s) => s.asks.test(question.normalized));
  const scored = sentences.flatMap((sentence) => {
    let found = 0;
    let beyondTitle = false;
    for (const [pair, weight] of weights) {
      if (!sentence.sentence.includes(pair)) continue;
      found += weight;
      if (!namesTitle(pair, guide.title)) beyondTitle = true;
    }
    if (!beyondTitle) return [];
    const length = Math.max(REFERENCE_CHARS, sentence.sentence.length);
    const fits = shape?.shows.test(sentence.sentence) ? SHAPE_BONUS : 0;
    return [{ sentence, score: (found / total) * Math.sqrt(REFERENCE_CHARS / length) + fits }];
  });
  scored.sort((a, b) => b.score - a.score);
  const [best, next] = scored;
  if (!best || best.score < MIN_SENTENCE_SHARE) return undefined;
  if (next && best.score < next.score * MIN_LEAD_OVER_NEXT) return undefined;
  const { field, label, sentence } = best.sentence;
  return { field, label, sentence };
}

/** Each pair of the question with its weight: rarity, over its spread in the guide, title and focus applied. */
function pairWeights(question: SentenceQuestion, title: string, sentences: GuideSentence[]): Map<string, number> {
  const weights = new Map<string, number>();
  for (const clause of question.normalized.split(/[,，。.？?！!；;、]/)) {
    const focus = ASKING_CLAUSE.test(clause) ? FOCUS_WEIGHT : 1;
    for (const pair of charPairs(clause)) {
      // Spread over the sentences themselves: every label holds 办理 or 申请, which says nothing.
      const spread = sentences.filter((s) => s.sentence.includes(pair)).length;
      const weight =
        ((question.pairWeight?.(pair) ?? 1) * (namesTitle(pair, title) ? TITLE_DISCOUNT : 1) * focus) / (1 + Math.log(1 + spread));
      weights.set(pair, Math.max(weights.get(pair) ?? 0, weight));
    }
  }
  return weights;
}

/**
 * Whether a pair belongs to the guide's title: as it stands, or straddling two of its words
 * (人工 of 外国人工作许可 when the title reads 外国人来华工作许可).
 */
function namesTitle(pair: string, title: string): boolean {
  return title.includes(pair) || [...pair].every((c) => title.includes(c));
}

/** Every sentence of a guide's sections, with the section it sits in. */
function guideSentences(guide: Guide): GuideSentence[] {
  return guideSections(guide).flatMap(({ field, label, text }) =>
    text
      .split(/(?<=[。；;！？!?\n])/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((sentence) => ({ field, label, sentence })),
  );
}

/** Overlapping pairs of Han characters, letters and digits, never across punctuation. */
function charPairs(text: string): string[] {
  const pairs: string[] = [];
  for (const run of text.match(/[\p{Script=Han}A-Za-z0-9]+/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i]! + chars[i + 1]!);
  }
  return pairs;
}
