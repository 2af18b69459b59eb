/**
 * @module enterprise
 * Enterprise services: the profile of facts (精准画像), eligibility rules as data and their
 * evaluation with reasons, and matching enterprises against every rule.
 */
export * from './profile.js';
export { PROFILE_FIELDS, IP_TYPES, QUALIFICATIONS, HONOURS, INCIDENTS, factLabel, type FieldInfo, type Unit } from './profile-fields.js';
export { creditCodeProblem, isValidCreditCode } from './credit-code.js';
export { parseIndustryCode, type IndustryCode } from './industry.js';
export type { ConditionResult, ScoreItemResult, Status } from './rules/conditions.js';
export { evaluateRule, isInForce, rulebookOf, VERDICT_TEXT, type RuleResult, type Verdict, type BenefitResult } from './rules/evaluate.js';
export { loadRules, parseRule, RuleLoadError, RULES_DIR } from './rules/load.js';
export type { Rule, EligibilityRule, ClassificationRule } from './rules/schema.js';
export { createMatcher, matchProfile, matchProfiles, outreach, type MatchOptions } from './match.js';
