/**
 * @module answering/source-preference
 * Which of two close documents is the better source. A zone's knowledge base holds news reports
 * about its policies beside the policies themselves (「宣讲会上对6月1日起施行的《…若干措施》进行了
 * 逐条解读」). Asked what a policy rules — its application window, its term of validity, who may
 * apply, how much it gives — the policy answers: it rules, the report retells, and a report's
 * dates are mostly its own (the day of the briefing). Asked what happened — how many came, last
 * year's figures — the report answers, and no policy holds that.
 */
import type { FieldIntent } from './intent.js';

/** The fields a policy rules, as a guide states them for one service. */
const RULED_FIELDS = new Set<FieldIntent>([
  'applicationPeriod', 'conditions', 'subsidy', 'fee', 'materials', 'steps', 'timeLimit', 'result', 'legalBasis',
]);

/** A rule's own terms: when it applies and until when, to whom, who reads it. */
const RULE_TERMS = /有效期|施行|生效|失效|废止|执行期|适用范围|适用对象|解释权|由谁解释|负责解释/u;

/** Whether the question asks what a rule says rather than what happened. */
export function asksWhatARuleSays(normalized: string, field: FieldIntent | undefined): boolean {
  return (!!field && RULED_FIELDS.has(field)) || RULE_TERMS.test(normalized);
}
