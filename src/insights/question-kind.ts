/**
 * @module insights/question-kind
 * What sort of question someone asked — the classification the service centre reports on:
 * how to do it, what to bring, where to go, what a policy says, or something else.
 */
import { detectFieldIntent } from '../answering/intent.js';

export const QUESTION_KINDS = ['how', 'materials', 'where', 'policy', 'other'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  how: '怎么办',
  materials: '带什么',
  where: '去哪办',
  policy: '政策内容',
  other: '其他',
};

// Words that mark a question about what a policy grants or requires, when no guide field is asked.
const POLICY_WORDS =
  /政策|补贴|补助|奖励|奖补|资助|扶持|减免|优惠|免征|退税|贴息|标准|额度|比例|多少钱|最高|能拿|能领|享受|申报|认定|条件|资格|有效期|文件|规定|办法|措施|通知/;
const HOW_WORDS = /(怎么|如何|怎样|咋)(?!样|回事)|流程|步骤|程序|手续|办理|申请/;

/** Classifies a normalised question; `citedKind` (the kind of the item that answered it) breaks ties. */
export function classifyQuestion(question: string, citedKind?: string): QuestionKind {
  const field = detectFieldIntent(question);
  if (field === 'materials') return 'materials';
  if (field === 'place' || field === 'hours') return 'where';
  if (field === 'steps' || field === 'onlineUrl' || field === 'timeLimit') return 'how';
  if (field === 'conditions') return 'policy';
  if (POLICY_WORDS.test(question) || citedKind === 'policy') return 'policy';
  if (HOW_WORDS.test(question) || citedKind === 'guide') return 'how';
  return 'other';
}
