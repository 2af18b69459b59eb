/**
 * @module answering/policy
 * When to answer with an FAQ, when to ask back, when to say "not found". Documented in docs/SEARCH.md.
 */
import { DEFAULT_VERIFY_POLICY, type VerifyPolicy } from './verify.js';

export interface AnswerPolicy {
  /** An FAQ whose question is at least this similar (bigram Dice, 0–1) answers directly. */
  faqSimilarity: number;
  /** Below this confidence (0–1) the answer is an honest "not found". */
  notFoundBelow: number;
  /** Candidates scoring at least this share of the best are "equally good"… */
  clarifyScoreRatio: number;
  /** …for questions naming at most this many topic words. */
  clarifyMaxTopicWords: number;
  /** A guide stating the field a question asks for answers it when it scores this share of the best. */
  fieldGuideRatio: number;
  /**
   * When the guide lacks the field asked for, an FAQ asking for the same field answers instead if
   * its question is at least this similar (below `faqSimilarity`, which wins outright).
   */
  missingFieldFaqSimilarity: number;
  /**
   * When the guide lacks the field asked for and no FAQ answers, a policy or article scoring at
   * least this share of the best answers with its passage, if that holds a value of the kind asked.
   */
  missingFieldDocumentRatio: number;
  /**
   * A news article ranks first, yet the question asks what a policy rules (申报时间, 有效期): a
   * policy scoring at least this share of the article answers instead (answering/source-preference).
   */
  ruleOverReportRatio: number;
  /** How much of the question the chosen item must cover to answer it (answering/verify). */
  verify: VerifyPolicy;
}

export const DEFAULT_POLICY: AnswerPolicy = {
  faqSimilarity: 0.55,
  notFoundBelow: 0.35,
  clarifyScoreRatio: 0.9,
  clarifyMaxTopicWords: 1,
  fieldGuideRatio: 0.85,
  missingFieldFaqSimilarity: 0.35,
  missingFieldDocumentRatio: 0.5,
  ruleOverReportRatio: 0.5,
  verify: DEFAULT_VERIFY_POLICY,
};
