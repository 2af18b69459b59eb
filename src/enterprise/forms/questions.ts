/**
 * @module enterprise/forms/questions
 * The plain question asked for a value nobody has given yet: the template's own when it has one,
 * otherwise made from the label — “贵公司去年（2024年）的研究开发费用是多少万元？”.
 */
import type { ValueRules } from './values.js';

export interface QuestionContext {
  audience: 'enterprise' | 'individual';
  asOfYear: number;
}

/** 去年（2024年）, 前年（2023年）, or the year itself. */
export function yearPhrase(year: number, asOfYear: number): string {
  if (year === asOfYear - 1) return `去年（${year}年）`;
  if (year === asOfYear - 2) return `前年（${year}年）`;
  return `${year}年`;
}

/** `label` is what is asked about (研究开发费用), `about` what it belongs to (去年（2024年）). */
export function questionFor(rules: ValueRules, label: string, ctx: QuestionContext, about = ''): string {
  const who = ctx.audience === 'enterprise' ? '贵公司' : '您';
  const of = `${who}${about}的${label}`;
  switch (rules.type) {
    case 'number':
      return `请问${of}是多少${rules.unit && rules.unit !== '%' ? rules.unit : ''}？`;
    case 'date':
      return `请问${of}是哪一天？`;
    case 'checkbox':
      return label.startsWith('是否') ? `请问${who}${about}${label}？` : `请问${of}是“是”还是“否”？`;
    case 'choice':
      return `请问${of}是哪一项：${rules.options?.join('、')}？${rules.multiple ? '（可多选）' : ''}`;
    default:
      return `请问${of}是什么？`;
  }
}
