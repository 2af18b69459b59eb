/**
 * @module cli/format
 * An answer as text for a person at a terminal: the answer, then where it comes from (with the
 * policy's validity, so nobody relies on an expired rule), then what else to ask.
 */
import type { Answer, Citation } from '../answering/answer.js';

const KIND_NAMES: Record<Citation['kind'], string> = { policy: '政策', guide: '办事指南', faq: '常见问题', article: '文章' };

export function formatAnswer(answer: Answer): string {
  const text = answer.text.trim();
  const lines = [text];
  // Some answers (not found, clarify) already list their options in the text; say them once.
  // Choices are numbered ("第二个" picks the second), so they are listed all or not at all.
  const offered = answer.choices ?? [];
  const choices = offered.every((c) => text.includes(c.title)) ? [] : offered;
  const suggestions = answer.suggestions.filter((s) => !text.includes(s));
  if (choices.length > 0) {
    lines.push('', '请选择：');
    choices.forEach((c, i) => lines.push(`  ${i + 1}. ${citationText(c)}`));
  }
  if (answer.citations.length > 0) {
    lines.push('', '来源：');
    answer.citations.forEach((c, i) => lines.push(`  [${i + 1}] ${citationText(c)}`));
  }
  if (suggestions.length > 0) {
    lines.push('', '您还可以问：');
    for (const s of suggestions) lines.push(`  · ${s}`);
  }
  return lines.join('\n');
}

function citationText(c: Citation): string {
  const validity = c.validUntil ? `，有效期至 ${c.validUntil}` : '';
  return `${c.title}（${KIND_NAMES[c.kind]}，${c.id}${validity}）`;
}
