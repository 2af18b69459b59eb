/**
 * @module search/sentences
 * Splits text into sentences with their offsets in the original, so that answers can quote the
 * source exactly while matching runs on normalised text.
 */

export interface Span {
  start: number;
  end: number;
  text: string;
}

// Sentence ends: Chinese and Latin terminal punctuation, semicolons (policy clauses end with
// them), line breaks, and whitespace between two Chinese characters (how web pages and the
// benchmark's documents separate headings and paragraphs).
const BOUNDARY = /[。！？!?；;]+[”’」』）)]*|\n+|(?<=[\p{Script=Han}：:，,、）)])[ \t\u3000]+(?=[\p{Script=Han}（(“0-9一二三四五六七八九十])/gu;

export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const isSpace = /^\s+$/.test(m[0]);
    const end = isSpace ? m.index : m.index + m[0].length;
    push(spans, text, start, end);
    start = m.index + m[0].length;
  }
  push(spans, text, start, text.length);
  return spans;
}

function push(spans: Span[], text: string, start: number, end: number): void {
  // Trim whitespace so offsets point at the visible sentence.
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) spans.push({ start, end, text: text.slice(start, end) });
}

/** Clauses inside a sentence (split at commas and colons), for finer answer extraction. */
export function splitClauses(sentence: Span): Span[] {
  const out: Span[] = [];
  let start = sentence.start;
  const re = /[，,：:、]/g;
  for (const m of sentence.text.matchAll(re)) {
    const end = sentence.start + m.index + 1;
    out.push({ start, end, text: sentence.text.slice(start - sentence.start, end - sentence.start) });
    start = end;
  }
  if (start < sentence.end) out.push({ start, end: sentence.end, text: sentence.text.slice(start - sentence.start) });
  return out;
}
