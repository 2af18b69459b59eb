/**
 * @module answering/compose
 * Turns a chosen item (and, for documents, a chosen span) into the answer object. Every sentence
 * of the text is copied from the cited item; only short labels ("所需材料：") are added.
 */
import { guideSections, validUntil, type Guide, type Item, GUIDE_FIELD_LABELS } from '../knowledge/index.js';
import type { Answer, Citation } from './answer.js';
import { answeringSentence, notesSentenceFor } from './field-notes.js';
import type { FieldIntent } from './intent.js';

export function citationOf(item: Item): Citation {
  const until = validUntil(item);
  return { id: item.id, title: item.title, kind: item.kind, ...(until ? { validUntil: until } : {}) };
}

/**
 * The text of one guide field. `place` also gives the opening hours and the online link, as
 * people asking "在哪办" expect: where to go, when, and whether they need to go at all.
 */
export function guideFieldText(guide: Guide, field: FieldIntent): string | undefined {
  const sections = guideSections(guide);
  const text = (f: string) => sections.find((s) => s.field === f)?.text;
  if (field === 'place') {
    const place = text('place');
    const hours = place ? text('hours') : undefined;
    const online = text('onlineUrl');
    const lines = [place, hours && `${GUIDE_FIELD_LABELS.hours}：${hours}`, online && `${GUIDE_FIELD_LABELS.onlineUrl}：${online}`];
    return lines.filter(Boolean).join('\n') || undefined;
  }
  return text(field);
}

/** What a field answer needs beyond the guide: the question's words and the hotline. */
export interface FieldAnswerContext {
  /** The question's words, to pick the notes sentence that fits it. */
  questionWords: string[];
  /** Offered when the guide has no phone of its own. */
  hotline: string;
  /** The question as normalised, to find the sentence that answers a question no field holds. */
  normalized?: string;
  /** How much a pair of characters says across the knowledge base (IDF). */
  pairWeight?: (pair: string) => number;
}

/**
 * One field of a guide. When the guide leaves the field empty: the sentence of its notes that
 * states it (labelled as the notes, so nobody mistakes it for a section of its own); else an
 * honest 「未写明」 with the fields the guide does state and a phone — never another field's text.
 */
export function guideFieldAnswer(
  guide: Guide,
  field: FieldIntent,
  confidence: number,
  suggestions: string[],
  context: FieldAnswerContext,
): Answer {
  const label = GUIDE_FIELD_LABELS[field];
  const base = { type: 'guide-field' as const, field, citations: [citationOf(guide)], confidence, suggestions };
  const value = guideFieldText(guide, field);
  if (value) return { ...base, text: `【${guide.title}】${label}：\n${value}` };
  const fromNotes = notesSentenceFor(guide, field, context.questionWords);
  if (fromNotes) return { ...base, text: `【${guide.title}】${GUIDE_FIELD_LABELS.notes}：\n${fromNotes}` };
  return { ...base, text: missingFieldText(guide, field, context.hotline), missingField: field };
}

/** 「该指南未写明补贴/奖励标准。」, what it does state, and whom to call. */
function missingFieldText(guide: Guide, field: FieldIntent, hotline: string): string {
  const stated = guideSections(guide)
    .filter((s) => s.field !== 'notes')
    .map((s) => s.label);
  const lines = [`【${guide.title}】该指南未写明${GUIDE_FIELD_LABELS[field]}。`];
  if (stated.length) lines.push(`指南写明了：${stated.join('、')}，可以接着问。`);
  lines.push(
    guide.phone
      ? `${GUIDE_FIELD_LABELS.phone}：${guide.phone}`
      : `如需了解，请拨打服务热线 ${hotline}，或到政务服务中心窗口咨询。`,
  );
  return lines.join('\n');
}

/**
 * A guide asked something no standard field holds: a specific question ("补助打给个人还是单位",
 * "出生后多长时间内申报") gets the guide's sentence that answers it, under its section's label;
 * a question about the guide as a whole (怎么办, 介绍一下), or one no sentence answers, the overview.
 */
export function guideQuestionAnswer(
  guide: Guide,
  confidence: number,
  suggestions: string[],
  context: FieldAnswerContext,
): Answer {
  const found = context.normalized
    ? answeringSentence(guide, {
        normalized: context.normalized,
        ...(context.pairWeight ? { pairWeight: context.pairWeight } : {}),
      })
    : undefined;
  if (!found) return guideOverviewAnswer(guide, confidence, suggestions);
  return {
    text: `【${guide.title}】${found.label}：\n${found.sentence}`,
    type: 'guide-field',
    field: found.field,
    citations: [citationOf(guide)],
    confidence,
    suggestions,
  };
}

/** The fields an overview shows, in print order: enough to act on, short enough to read. */
const OVERVIEW_FIELDS = new Set<string>([
  'servedParty', 'conditions', 'materials', 'steps', 'timeLimit', 'fee', 'subsidy', 'applicationPeriod',
  'place', 'hours', 'phone', 'onlineUrl',
]);

/** A guide asked about as a whole: who it is for, conditions, materials, steps, time, money, where, when, whom to call. */
export function guideOverviewAnswer(guide: Guide, confidence: number, suggestions: string[]): Answer {
  const lines = guideSections(guide)
    .filter((s) => OVERVIEW_FIELDS.has(s.field))
    .map((s) => `${s.label}：${s.text}`);
  return {
    text: `【${guide.title}】\n${lines.join('\n')}`,
    type: 'guide-field',
    field: 'overview',
    citations: [citationOf(guide)],
    confidence,
    suggestions,
  };
}

export function faqAnswer(faq: Extract<Item, { kind: 'faq' }>, confidence: number, suggestions: string[]): Answer {
  return { text: faq.answer, type: 'faq', citations: [citationOf(faq)], confidence, suggestions };
}

export function passageAnswer(item: Item, text: string, confidence: number, suggestions: string[]): Answer {
  return { text, type: 'passage', citations: [citationOf(item)], confidence, suggestions };
}

export function clarifyAnswer(candidates: Item[], confidence: number): Answer {
  const choices = candidates.map(citationOf);
  const list = choices.map((c, i) => `${i + 1}. ${c.title}`).join('\n');
  return {
    text: `您想了解的是哪一项？\n${list}`,
    type: 'clarify',
    citations: [],
    confidence,
    suggestions: choices.map((c) => c.title),
    choices,
  };
}

export function notFoundAnswer(hotline: string, suggestions: string[]): Answer {
  const related = suggestions.length ? `\n您可以试试问：\n${suggestions.map((s) => `· ${s}`).join('\n')}` : '';
  return {
    text: `抱歉，知识库中没有找到能回答这个问题的内容。如需帮助，请拨打服务热线 ${hotline}，或到政务服务中心窗口咨询。${related}`,
    type: 'none',
    citations: [],
    confidence: 0,
    suggestions,
  };
}
