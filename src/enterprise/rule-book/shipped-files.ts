/**
 * @module enterprise/rule-book/shipped-files
 * The rule files shipped in resources/rules, as the store seeds them: each rule's YAML as written,
 * its test cases (resources/rules/tests, matched by the `rule:` they name), the checked rule, and a
 * hash of both texts — a changed file is a new hash, seeded again while nobody edited the rule.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ShippedRuleInput } from '../../storage/index.js';
import { parseRule, RULES_DIR, RuleLoadError, rulebookProblems } from '../rules/load.js';
import type { Rule } from '../rules/schema.js';
import { readCaseFiles } from '../rules/test-cases.js';

let shipped: ShippedRuleInput[] | undefined;

/**
 * Every shipped rule with its texts (those of resources/rules read once per process); throws
 * RuleLoadError, as loading the rules always did, when one is wrong.
 */
export function shippedRuleFiles(dir: string = RULES_DIR): readonly ShippedRuleInput[] {
  if (dir !== RULES_DIR) return readRuleFiles(dir);
  shipped ??= readRuleFiles(dir);
  return shipped;
}

function readRuleFiles(dir: string): ShippedRuleInput[] {
  const testsDir = join(dir, 'tests');
  const tests = new Map<string, string>();
  if (existsSync(testsDir)) for (const file of readCaseFiles(testsDir)) tests.set(file.rule, readFileSync(file.file, 'utf8'));
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ya?ml|json)$/i.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  const out: ShippedRuleInput[] = [];
  const rules: Rule[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const source = readFileSync(file, 'utf8');
    const parsed = parseRule(source, file);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const { rule } = parsed;
    rules.push(rule);
    const caseText = tests.get(rule.id);
    out.push({
      ruleId: rule.id,
      kind: rule.kind,
      name: rule.name,
      source,
      ...(caseText !== undefined ? { tests: caseText } : {}),
      rule,
      hash: createHash('sha256').update(source).update('\0').update(caseText ?? '').digest('hex').slice(0, 32),
    });
  }
  problems.push(...rulebookProblems(rules));
  if (problems.length > 0) throw new RuleLoadError(problems);
  return out;
}
