/**
 * @module enterprise/rules/source
 * Where a long-lived job reads the rules from: the rule book of the back office (the published
 * rules, read again when they change) — or a fixed list, for tests and tools.
 */
import type { Rule } from './schema.js';

export interface RuleSource {
  /** The rules now (may ask the store). */
  rules(): Promise<readonly Rule[]>;
  /** The rules last read, without waiting. */
  current(): readonly Rule[];
}

export function rulesNow(source: readonly Rule[] | RuleSource): Promise<readonly Rule[]> {
  return isRuleSource(source) ? source.rules() : Promise.resolve(source);
}

export function rulesHeld(source: readonly Rule[] | RuleSource): readonly Rule[] {
  return isRuleSource(source) ? source.current() : source;
}

function isRuleSource(source: readonly Rule[] | RuleSource): source is RuleSource {
  return !Array.isArray(source);
}
