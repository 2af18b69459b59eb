/**
 * @module answering/compose
 * Turns a chosen item (and, for documents, a chosen span) into the answer object. Every sentence
 * of the text is copied from the cited item; only short labels ("所需材料：") are added.
 */
import { guideSections, validUntil, type Guide, type Item, GUIDE_FIELD_LABELS } from '../knowledge/index.js';
import type { Answer, Citation } from './answer.js';
import type { FieldIntent } from './intent.js';

export function citationOf(item: Item): Citation {
  const until = validUntil(item);
  return { id: item.id, title: item.title, kind: item.kind, ...(until ? { validUntil: until } : {}) };
}

/** The text of one guide field; `place` also gives the opening hours, as people expect. */
export function guideFieldText(guide: Guide, field: FieldIntent): string | undefined {
  const sections = guideSections(guide);
  const text = (f: string) => sections.find((s) => s.field === f)?.text;
  if (field === 'place') {
    const place = text('place');
    if (!place) return undefined;
    const hours = text('hours');
    return hours ? `${place}\n${GUIDE_FIELD_LABELS.hours}：${hours}` : place;
  }
  return text(field);
}

export function guideFieldAnswer(guide: Guide, field: FieldIntent, confidence: number, suggestions: string[]): Answer {
  const value = guideFieldText(guide, field);
  const label = GUIDE_FIELD_LABELS[field];
  const text = value
    ? `【${guide.title}】${label}：\n${value}`
    : `【${guide.title}】的办事指南没有写明${label}。${guide.phone ? `可咨询：${guide.phone}` : ''}`;
  return { text, type: 'guide-field', field, citations: [citationOf(guide)], confidence, suggestions };
}

/** A guide asked about as a whole: who it is for, the conditions and materials in brief, where. */
export function guideOverviewAnswer(guide: Guide, confidence: number, suggestions: string[]): Answer {
  const wanted = ['servedParty', 'conditions', 'materials', 'timeLimit', 'place', 'onlineUrl'];
  const lines = guideSections(guide)
    .filter((s) => wanted.includes(s.field))
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
