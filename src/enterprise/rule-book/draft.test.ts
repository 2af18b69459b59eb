/**
 * A draft's checks without a store: hostile YAML is refused before the schema sees it (an alias
 * bomb, nesting past the bound, an oversize text), every problem names its line and field in
 * Chinese, the rulebook's cross-checks run beside the other rules, and the test cases report.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules, RULES_DIR } from '../rules/load.js';
import { checkDraft, MAX_YAML_DEPTH } from './draft.js';

const AWARD = readFileSync(join(RULES_DIR, 'xinghe-tech-sme-award.yaml'), 'utf8');
const AWARD_TESTS = readFileSync(join(RULES_DIR, 'tests', 'xinghe-tech-sme-award.yaml'), 'utf8');
const others = loadRules();
const problemsOf = (check: ReturnType<typeof checkDraft>) => (check.ok ? [] : check.problems);

describe('checking a draft', () => {
  it('passes a shipped rule with its cases, all passing', () => {
    const check = checkDraft({ source: AWARD, tests: AWARD_TESTS, ruleId: 'xinghe-tech-sme-award' }, others);
    expect(check.ok && check.cases).toMatchObject({ ran: 4, passed: 4, failed: 0 });
  });

  it('refuses an alias bomb quickly, before anything expands it', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join('\n');
    const started = performance.now();
    const problems = problemsOf(checkDraft({ source: `${AWARD}\n${bomb}\n` }, others));
    expect(performance.now() - started).toBeLessThan(500);
    expect(problems[0]).toMatchObject({ part: 'rule', message: expect.stringContaining('别名') });
  });

  it('refuses nesting past the bound', () => {
    const deep = `${'['.repeat(MAX_YAML_DEPTH + 5)}1${']'.repeat(MAX_YAML_DEPTH + 5)}`;
    expect(problemsOf(checkDraft({ source: `${AWARD}\nextra: ${deep}\n` }, others))[0]?.message).toContain('嵌套层次过深');
  });

  it('names the line and field of each problem, in Chinese', () => {
    const source = AWARD.replace('level: zone', 'level: county').replace('amount: { fixed: 2 }', 'amount: { fixed: -2 }');
    const lines = source.split('\n');
    const problems = problemsOf(checkDraft({ source }, others));
    expect(problems).toEqual([
      { part: 'rule', line: lines.findIndex((l) => l.startsWith('level:')) + 1, field: 'level', message: expect.stringContaining('无效选项') },
      { part: 'rule', line: lines.findIndex((l) => l.includes('fixed: -2')) + 1, field: 'benefit.amount.fixed', message: expect.stringMatching(/[\u4e00-\u9fff]/) },
    ]);
  });

  it('checks references to other rules, and test cases that name another rule', () => {
    const classOf = AWARD.replace('value: { fact: registeredInZone }', 'value: { classOf: no-such-rule }').replace('equals: true', 'oneOf: [小型]');
    expect(problemsOf(checkDraft({ source: classOf }, others))).toEqual([expect.objectContaining({ message: expect.stringContaining('no-such-rule') })]);
    const wrongTests = checkDraft({ source: AWARD, tests: AWARD_TESTS.replace('rule: xinghe-tech-sme-award', 'rule: sme-size') }, others);
    expect(problemsOf(wrongTests)).toEqual([expect.objectContaining({ part: 'tests', field: 'rule', line: 1 })]);
  });

  it('reports the cases a change breaks, without refusing it', () => {
    const check = checkDraft({ source: AWARD.replace('equals: 1', 'equals: 2'), tests: AWARD_TESTS }, others);
    expect(check.ok).toBe(true);
    expect(check.ok && check.cases?.failed).toBeGreaterThan(0);
  });
});
