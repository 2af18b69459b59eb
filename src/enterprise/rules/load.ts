/**
 * @module enterprise/rules/load
 * Reads rule files (YAML, or JSON, which is YAML too) into a checked rulebook. js-yaml's default
 * schema has no `!!js/*` tags, so a rule file can never run code. Every problem names the file,
 * the line when it is known, and the field: `resources/rules/high-tech.yaml:24: when.all.3.atLeast:
 * Expected number, received string`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { classificationRuleSchema, eligibilityRuleSchema, type ConditionNode, type Rule, type ValueExpr } from './schema.js';
import { problemsAtLines } from './issues.js';
import { readYaml } from './yaml-lines.js';

export const RULES_DIR = fileURLToPath(new URL('../../../resources/rules/', import.meta.url));

export class RuleLoadError extends Error {
  constructor(readonly problems: string[]) {
    super(`规则文件有误：\n${problems.join('\n')}`);
    this.name = 'RuleLoadError';
  }
}

export type ParsedRule = { ok: true; rule: Rule } | { ok: false; problems: string[] };

/** One problem of a rule's text: the line (when known), the field's path and what is wrong, in Chinese. */
export interface RuleProblem {
  line?: number;
  /** `when.all.3.atLeast`; absent for a problem of the whole text (not YAML) */
  field?: string;
  message: string;
}
export type CheckedRule = { ok: true; rule: Rule } | { ok: false; problems: RuleProblem[] };

/** zod's own messages in Chinese (the schema's are written in Chinese): staff and enterprises read them. */
const zhCN = z.locales.zhCN().localeError;

/** Parses one rule file's text; `file` is used in the problems. */
export function parseRule(source: string, file: string): ParsedRule {
  const checked = checkRuleText(source, file);
  if (checked.ok) return checked;
  return { ok: false, problems: checked.problems.map((p) => (p.field === undefined ? p.message : `${file}${p.line ? `:${p.line}` : ''}: ${p.field}: ${p.message}`)) };
}

/** A rule's text checked against the schema, each problem with its line and field. */
export function checkRuleText(source: string, file: string, data?: unknown): CheckedRule {
  if (data === undefined) {
    const read = readYaml(source, file);
    if (!read.ok) return { ok: false, problems: read.problems.map((message) => ({ ...lineOfMessage(message), message })) };
    data = read.data;
  }
  // Dispatch on `kind` ourselves: a union of the two kinds would report both kinds' complaints.
  const kind = typeof data === 'object' && data !== null ? (data as { kind?: unknown }).kind : undefined;
  const schema = kind === 'classification' ? classificationRuleSchema : eligibilityRuleSchema;
  const parsed = schema.safeParse(data, { error: zhCN });
  if (parsed.success) return { ok: true, rule: parsed.data };
  return { ok: false, problems: problemsAtLines(source, parsed.error.issues) };
}

/** The line a YAML syntax error names (`file:12: 不是有效的 YAML…`). */
function lineOfMessage(message: string): { line?: number } {
  const match = /:(\d+): /.exec(message);
  return match ? { line: Number(match[1]) } : {};
}

/** Every rule file in a folder (`*.yaml`, `*.yml`, `*.json`; not sub-folders such as tests/), checked together. */
export function loadRules(dir: string = RULES_DIR): Rule[] {
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ya?ml|json)$/i.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  const rules: Rule[] = [];
  const problems: string[] = [];
  for (const name of files) {
    const file = join(dir, name);
    const parsed = parseRule(readFileSync(file, 'utf8'), file);
    if (parsed.ok) rules.push(parsed.rule);
    else problems.push(...parsed.problems);
  }
  problems.push(...rulebookProblems(rules));
  if (problems.length > 0) throw new RuleLoadError(problems);
  return rules;
}

/** What no single file can check: unique ids, references to classification rules, score item ids. */
export function rulebookProblems(rules: readonly Rule[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, Rule>();
  for (const rule of rules) {
    if (byId.has(rule.id)) problems.push(`规则 ${rule.id}: id 重复`);
    byId.set(rule.id, rule);
  }
  const checkValue = (rule: Rule, value: ValueExpr): void => {
    if ('classOf' in value) {
      const target = byId.get(value.classOf);
      if (!target || target.kind !== 'classification') problems.push(`规则 ${rule.id}: classOf 引用的分类规则 ${value.classOf} 不存在`);
      if (target?.id === rule.id) problems.push(`规则 ${rule.id}: classOf 不能引用自己`);
    }
    if ('ratio' in value) {
      checkValue(rule, value.ratio.of);
      checkValue(rule, value.ratio.to);
    }
  };
  const checkNode = (rule: Rule, node: ConditionNode, ids: Set<string>): void => {
    if (node.id) {
      if (ids.has(node.id)) problems.push(`规则 ${rule.id}: 条件 id ${node.id} 重复`);
      ids.add(node.id);
    }
    if ('all' in node) node.all.forEach((child) => checkNode(rule, child, ids));
    else if ('any' in node) node.any.forEach((child) => checkNode(rule, child, ids));
    else if ('not' in node) checkNode(rule, node.not, ids);
    else if ('score' in node) {
      const itemIds = new Set(node.score.map((item) => item.id));
      for (const id of node.nonZero ?? []) if (!itemIds.has(id)) problems.push(`规则 ${rule.id}: nonZero 中的 ${id} 不是评分项`);
      for (const item of node.score) {
        if (item.value) checkValue(rule, item.value);
        for (const option of item.bestOf ?? []) checkValue(rule, option.value);
      }
    } else {
      checkValue(rule, node.value);
      for (const op of ['atLeast', 'above', 'atMost', 'below'] as const) {
        const threshold = node[op];
        if (typeof threshold === 'object') checkValue(rule, threshold.by);
      }
    }
  };
  for (const rule of rules) {
    if (rule.kind === 'classification') for (const table of rule.industries) for (const c of table.classes) if (c.when) checkNode(rule, c.when, new Set());
    if (rule.kind === 'eligibility') {
      checkNode(rule, rule.when, new Set());
      const amount = rule.benefit?.amount;
      if (amount && 'cases' in amount) for (const c of amount.cases) if (c.when) checkNode(rule, c.when, new Set());
    }
  }
  return problems;
}
