/**
 * @module enterprise/rule-book
 * Eligibility rules edited in the back office: the published rules as every part of xiaoxin uses
 * them (the book), the shipped files they start from, and a draft's checks and test cases.
 */
export { RuleBook, type RuleBookOptions } from './book.js';
export { checkDraft, MAX_RULE_TEXT_BYTES, MAX_YAML_DEPTH, type CaseRun, type CasesReport, type DraftCheck, type DraftProblem } from './draft.js';
export { shippedRuleFiles } from './shipped-files.js';
