/**
 * @module enterprise/rule-book/draft
 * A rule as staff wrote it, checked before anything is stored: bounded in size and nesting, YAML
 * without anchors or aliases (an alias bomb would cost exponential time to check), the zod schema
 * (every problem with its line and field, in Chinese), the id it is saved under, the rulebook's
 * cross-checks against the other published rules — and its own test cases run, pass or fail.
 */
import { load as loadYaml, type LoadOptions } from 'js-yaml';
import { rulebookOf, type Verdict } from '../rules/evaluate.js';
import { checkRuleText, rulebookProblems, type RuleProblem } from '../rules/load.js';
import type { Rule } from '../rules/schema.js';
import { checkCase, parseCaseFile } from '../rules/test-cases.js';
import { lineOfPath, yamlLines } from '../rules/yaml-lines.js';

/** A rule's YAML, and its test cases', at most this long: the longest shipped rule is under 10 KiB. */
export const MAX_RULE_TEXT_BYTES = 64 * 1024;
/** Nesting a rule never needs (the deepest shipped one is about 12 levels): a bound on the checker's recursion. */
export const MAX_YAML_DEPTH = 40;
/** Test cases run for one draft at most (each is one evaluation). */
export const MAX_DRAFT_CASES = 500;
/** The time the cases of one draft may take; the rest are reported as not run (the shipped 31 高企 cases take about 0.1 s). */
export const CASES_TIME_BUDGET_MS = 2_000;

const YAML_LIMITS: LoadOptions = { maxAliases: 0, maxDepth: MAX_YAML_DEPTH };

export interface DraftProblem extends RuleProblem {
  /** which text: the rule's or its test cases' */
  part: 'rule' | 'tests';
}

export interface CaseRun {
  name: string;
  asOf: string;
  passed: boolean;
  /** false when the time budget ran out before it */
  ran?: false;
  verdict?: Verdict;
  problems: string[];
}

export interface CasesReport {
  ran: number;
  passed: number;
  failed: number;
  cases: CaseRun[];
}

export type DraftCheck = { ok: true; rule: Rule; cases?: CasesReport } | { ok: false; problems: DraftProblem[] };

export interface DraftInput {
  source: string;
  tests?: string | undefined;
  /** the rule it is saved as: the text's `id` must say the same */
  ruleId?: string;
}

/** Checks a draft against the schema and beside `others` (the published rules; one with the draft's id is replaced). */
export function checkDraft(input: DraftInput, others: readonly Rule[]): DraftCheck {
  const problems: DraftProblem[] = [];
  const tooLong = (text: string, part: DraftProblem['part']) => {
    if (Buffer.byteLength(text, 'utf8') > MAX_RULE_TEXT_BYTES) problems.push({ part, message: `${part === 'rule' ? '规则' : '测试用例'}文本不能超过 ${MAX_RULE_TEXT_BYTES / 1024} KiB` });
  };
  tooLong(input.source, 'rule');
  if (input.tests !== undefined) tooLong(input.tests, 'tests');
  if (problems.length) return { ok: false, problems };

  let data: unknown;
  try {
    data = loadYaml(input.source, { filename: 'rule', ...YAML_LIMITS });
  } catch (error) {
    return { ok: false, problems: [{ part: 'rule', ...yamlError(error) }] };
  }
  const checked = checkRuleText(input.source, 'rule', data);
  if (!checked.ok) return { ok: false, problems: checked.problems.map((p) => ({ part: 'rule' as const, ...p })) };
  const rule = checked.rule;
  if (input.ruleId !== undefined && rule.id !== input.ruleId) {
    const line = lineOfPath(yamlLines(input.source), ['id']);
    problems.push({ part: 'rule', ...(line ? { line } : {}), field: 'id', message: `应为 ${input.ruleId}（规则的 id 保存后不能改；新规则请用新的 id 另建）` });
  }
  const book = [...others.filter((r) => r.id !== rule.id), rule];
  for (const message of rulebookProblems(book)) problems.push({ part: 'rule', message });
  if (problems.length) return { ok: false, problems };

  if (input.tests === undefined || input.tests.trim() === '') return { ok: true, rule };
  const cases = runCases(input.tests, rule, book);
  return cases.ok ? { ok: true, rule, cases: cases.report } : { ok: false, problems: cases.problems };
}

function runCases(tests: string, rule: Rule, book: readonly Rule[]): { ok: true; report: CasesReport } | { ok: false; problems: DraftProblem[] } {
  const parsed = parseCaseFile(tests, 'tests', YAML_LIMITS);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => ({ part: 'tests' as const, ...p })) };
  const file = parsed.file;
  if (file.rule !== rule.id) {
    const line = lineOfPath(yamlLines(tests), ['rule']);
    return { ok: false, problems: [{ part: 'tests', ...(line ? { line } : {}), field: 'rule', message: `应为 ${rule.id}（测试用例须针对本规则）` }] };
  }
  if (file.cases.length > MAX_DRAFT_CASES) return { ok: false, problems: [{ part: 'tests', field: 'cases', message: `测试用例不能超过 ${MAX_DRAFT_CASES} 个` }] };
  const rulebook = rulebookOf(book);
  const deadline = performance.now() + CASES_TIME_BUDGET_MS;
  const cases: CaseRun[] = file.cases.map((testCase) => {
    if (performance.now() > deadline) return { name: testCase.name, asOf: testCase.asOf, passed: false, ran: false, problems: ['未运行：本次试算的用例超过了时间上限'] };
    const outcome = checkCase(file, testCase, rulebook);
    return {
      name: testCase.name,
      asOf: testCase.asOf,
      passed: outcome.problems.length === 0,
      ...(outcome.result ? { verdict: outcome.result.verdict } : {}),
      problems: outcome.problems,
    };
  });
  const passed = cases.filter((c) => c.passed).length;
  const ran = cases.filter((c) => c.ran !== false).length;
  return { ok: true, report: { ran, passed, failed: ran - passed, cases } };
}

function yamlError(error: unknown): RuleProblem {
  const mark = (error as { mark?: { line: number } }).mark;
  const reason = (error as { reason?: string }).reason ?? (error instanceof Error ? error.message : String(error));
  const message = /alias/i.test(reason) ? '不支持 YAML 锚点与别名（&、*），请把内容直接写出' : /depth/i.test(reason) ? `嵌套层次过深（最多 ${MAX_YAML_DEPTH} 层）` : `不是有效的 YAML：${reason}`;
  return { ...(mark ? { line: mark.line + 1 } : {}), message };
}
