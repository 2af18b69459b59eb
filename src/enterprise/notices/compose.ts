/**
 * @module enterprise/notices/compose
 * A notice's words from an evaluation: the title, and a body with the reasons — the conditions the
 * enterprise meets (with its values) when it fits, the facts still missing when it might.
 */
import type { ConditionResult } from '../rules/conditions.js';
import type { RuleResult } from '../rules/evaluate.js';
import type { NoticeDetail } from '../../storage/notices.js';

/** At most this many reasons in a notice: a message, not the whole evaluation (the portal has that). */
const MAX_REASONS = 12;

export interface ComposedNotice {
  title: string;
  body: string;
  detail: NoticeDetail;
}

/** The leaf conditions met, each as its own sentence with the enterprise's value. */
function metReasons(node: ConditionResult, out: string[] = []): string[] {
  if (node.children?.length) {
    // Under `not`, a met child is a reason against: leave it out.
    if (node.mode !== 'not') for (const child of node.children) metReasons(child, out);
  } else if (node.status === 'met') {
    out.push(node.explanation);
  }
  return out;
}

export function composeNotice(result: RuleResult, guideTitle: string | undefined): ComposedNotice {
  const eligible = result.verdict === 'eligible';
  const reasons = (eligible ? metReasons(result.conditions) : result.reasons).slice(0, MAX_REASONS);
  const benefit = result.benefit ? { text: result.benefit.text, ...(result.benefit.amountText ? { amountText: result.benefit.amountText } : {}) } : undefined;
  const title = eligible ? `贵企业符合「${result.name}」的条件` : `贵企业可能符合「${result.name}」，还缺${result.missingFactLabels.length}项信息`;
  const lines = [
    eligible
      ? `按企业画像（${result.asOf}），贵企业符合「${result.name}」的条件。`
      : `按企业画像（${result.asOf}），贵企业可能符合「${result.name}」，但还缺：${result.missingFactLabels.join('、')}。请在企业画像中补充后查看结果。`,
    ...(benefit ? [`可享受：${benefit.text}${benefit.amountText && eligible ? `（按画像测算：${benefit.amountText}）` : ''}`] : []),
    ...(result.applicationPeriod ? [`申报时间：${result.applicationPeriod}`] : []),
    ...(guideTitle ? [`办理指南：${guideTitle}`] : []),
    `依据：${result.legalBasis}`,
    eligible ? '符合的条件：' : '尚待确认的条件：',
    ...reasons.map((r) => `- ${r}`),
  ];
  return {
    title,
    body: lines.join('\n'),
    detail: {
      reasons,
      missingFactLabels: result.missingFactLabels,
      ...(benefit ? { benefit } : {}),
      ...(result.guide ? { guide: result.guide } : {}),
      ...(result.applicationPeriod ? { applicationPeriod: result.applicationPeriod } : {}),
    },
  };
}
