/**
 * @module search/passages
 * Long documents are searched as passages: runs of whole sentences of bounded length that keep
 * their item and position. Guides are split by field, FAQs are one passage (the answer).
 */
import { guideSections, type GuideField, type Item } from '../knowledge/index.js';
import { splitSentences, type Span } from './sentences.js';

export interface Passage {
  /** `${itemId}#${index}` */
  key: string;
  itemId: string;
  index: number;
  /** Which text of the item it comes from. */
  source: 'body' | 'interpretation' | 'answer' | GuideField;
  /** Offsets in that source text. */
  start: number;
  end: number;
  text: string;
}

/** Target passage length in characters; sentences are never cut, so a passage may run over. */
export const PASSAGE_CHARS = 220;

export function passagesOf(item: Item): Passage[] {
  const out: Passage[] = [];
  const add = (source: Passage['source'], span: Span) =>
    out.push({ key: `${item.id}#${out.length}`, itemId: item.id, index: out.length, source, ...span });
  switch (item.kind) {
    case 'faq':
      add('answer', { start: 0, end: item.answer.length, text: item.answer });
      break;
    case 'guide':
      for (const section of guideSections(item)) {
        add(section.field, { start: 0, end: section.text.length, text: `${section.label}：${section.text}` });
      }
      break;
    case 'policy':
      for (const span of packSentences(item.text)) add('body', span);
      if (item.interpretation) for (const span of packSentences(item.interpretation)) add('interpretation', span);
      break;
    case 'article':
      for (const span of packSentences(item.text)) add('body', span);
      break;
  }
  return out;
}

/** The source text a passage's offsets refer to. */
export function passageSourceText(item: Item, source: Passage['source']): string {
  if (item.kind === 'faq') return item.answer;
  if (item.kind === 'policy' && source === 'interpretation') return item.interpretation ?? '';
  if (item.kind === 'policy' || item.kind === 'article') return item.text;
  return guideSections(item).find((s) => s.field === source)?.text ?? '';
}

/** Greedily packs consecutive sentences into spans of about `PASSAGE_CHARS`. */
export function packSentences(text: string, target = PASSAGE_CHARS): Span[] {
  const spans: Span[] = [];
  let current: Span | undefined;
  for (const s of splitSentences(text)) {
    if (current && current.end - current.start + (s.end - s.start) > target) {
      spans.push(current);
      current = undefined;
    }
    current = current ? { start: current.start, end: s.end, text: text.slice(current.start, s.end) } : { ...s };
  }
  if (current) spans.push(current);
  return spans;
}
