/**
 * @module enterprise/rules/test-cases
 * Rule test cases in the manner of OpenFisca's YAML tests: a file names a rule, a base profile
 * (a realistic company), and cases — each a change to the base (`input`, deep-merged; `null`
 * removes a fact to make it unknown), an as-of date, and the expected output: the verdict, chosen
 * conditions' outcomes, the benefit amount (万元) and the class. `checkCase` lists every mismatch,
 * so a failing case says all that is wrong at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as loadYaml, type LoadOptions } from 'js-yaml';
import { z } from 'zod';
import { validateProfile } from '../profile.js';
import type { ConditionResult, Status } from './conditions.js';
import { evaluateRule, type Rulebook, type RuleResult } from './evaluate.js';
import { problemsAtLines } from './issues.js';
import type { RuleProblem } from './load.js';

const status = z.enum(['met', 'not-met', 'unknown']);
const caseSchema = z.strictObject({
  name: z.string().min(1),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  input: z.record(z.string(), z.unknown()).default({}),
  output: z.strictObject({
    verdict: z.enum(['eligible', 'missing-facts', 'not-eligible']),
    conditions: z.record(z.string(), status).optional(),
    amount: z.number().nullable().optional(),
    class: z.string().optional(),
    missing: z.array(z.string()).optional(),
  }),
});
const fileSchema = z.strictObject({
  rule: z.string().min(1),
  description: z.string().optional(),
  base: z.record(z.string(), z.unknown()).default({}),
  cases: z.array(caseSchema).min(1),
});
export type RuleCase = z.output<typeof caseSchema>;
export type RuleCaseFile = z.output<typeof fileSchema> & { file: string };

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** base ⊕ change: objects merge key by key, anything else replaces, `null` deletes. */
export function mergeProfile(base: Record<string, unknown>, change: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(change)) {
    if (value === null) delete out[key];
    else if (isPlainObject(value) && isPlainObject(out[key]) && !('value' in value)) out[key] = mergeProfile(out[key] as Record<string, unknown>, value);
    else out[key] = value;
  }
  return out;
}

export function readCaseFiles(dir: string): RuleCaseFile[] {
  const files = readdirSync(dir).filter((name) => /\.ya?ml$/i.test(name)).sort();
  const problems: string[] = [];
  const out: RuleCaseFile[] = [];
  for (const name of files) {
    const file = join(dir, name);
    const parsed = parseCaseFile(readFileSync(file, 'utf8'), file);
    if (parsed.ok) out.push(parsed.file);
    else for (const p of parsed.problems) problems.push(p.field === undefined ? p.message : `${file}:${p.line ?? '?'}: ${p.field}: ${p.message}`);
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return out;
}

export type ParsedCaseFile = { ok: true; file: RuleCaseFile } | { ok: false; problems: RuleProblem[] };

/** One test-case file's text checked, each problem with its line and field (a YAML error with its line). */
export function parseCaseFile(source: string, file: string, options: LoadOptions = {}): ParsedCaseFile {
  let data: unknown;
  try {
    data = loadYaml(source, { filename: file, ...options });
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? String(error);
    return { ok: false, problems: [{ ...(mark ? { line: mark.line + 1 } : {}), message: `不是有效的 YAML：${reason}` }] };
  }
  const parsed = fileSchema.safeParse(data, { error: z.locales.zhCN().localeError });
  if (parsed.success) return { ok: true, file: { ...parsed.data, file } };
  return { ok: false, problems: problemsAtLines(source, parsed.error.issues) };
}

/** Every condition with an id, by id. */
export function conditionsById(root: ConditionResult, into = new Map<string, ConditionResult>()): Map<string, ConditionResult> {
  if (root.id) into.set(root.id, root);
  for (const child of root.children ?? []) conditionsById(child, into);
  return into;
}

export interface CaseOutcome { result?: RuleResult; problems: string[] }

export function checkCase(file: RuleCaseFile, testCase: RuleCase, rulebook: Rulebook): CaseOutcome {
  const rule = rulebook.get(file.rule);
  if (!rule) return { problems: [`规则 ${file.rule} 不存在`] };
  const validation = validateProfile(mergeProfile(file.base, testCase.input));
  if (!validation.ok) return { problems: validation.errors.map((e) => `画像有误：${e}`) };
  const result = evaluateRule(rule, validation.profile, testCase.asOf, rulebook);
  const problems: string[] = [];
  const expected = testCase.output;
  if (result.verdict !== expected.verdict) problems.push(`verdict: 应为 ${expected.verdict}，实为 ${result.verdict}（${result.reasons.join(' ')}）`);
  const byId = conditionsById(result.conditions);
  for (const [id, want] of Object.entries(expected.conditions ?? {})) {
    const got = byId.get(id);
    if (!got) problems.push(`条件 ${id} 不存在`);
    else if (got.status !== (want as Status)) problems.push(`条件 ${id}: 应为 ${want}，实为 ${got.status}（${got.explanation}）`);
  }
  if (expected.amount !== undefined) {
    const got = result.benefit?.amount ?? null;
    if (expected.amount === null ? got !== null : got === null || Math.abs(got - expected.amount) > 1e-6) problems.push(`amount: 应为 ${expected.amount}，实为 ${got}`);
  }
  if (expected.class !== undefined && result.className !== expected.class) problems.push(`class: 应为 ${expected.class}，实为 ${result.className ?? '（未定）'}`);
  if (expected.missing !== undefined) {
    const got = [...result.missingFacts].sort();
    const want = [...expected.missing].sort();
    if (got.join() !== want.join()) problems.push(`missing: 应为 [${want.join(', ')}]，实为 [${got.join(', ')}]`);
  }
  return { result, problems };
}
