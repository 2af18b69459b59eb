/**
 * @module enterprise/match
 * One enterprise against every rule in force: a ranked list — eligible first (largest benefit
 * first), then those missing facts (fewest missing first: closest to a verdict), then not
 * eligible — each with its reasons, benefit, application period and guide. And N enterprises
 * against every rule, for publishing a policy to all the enterprises it fits.
 */
import type { EnterpriseProfile } from './profile.js';
import { evaluateRule, isInForce, rulebookOf, type RuleResult, type Verdict } from './rules/evaluate.js';
import type { Rule } from './rules/schema.js';

const VERDICT_ORDER: Record<Verdict, number> = { eligible: 0, 'missing-facts': 1, 'not-eligible': 2 };

export interface MatchOptions {
  /** Also list rules not in force on the date (as not eligible, saying why). Default false. */
  includeNotInForce?: boolean;
  /** Leave out classification rules (中小企业划型), which are facts about the enterprise rather than offers. Default false. */
  skipClassifications?: boolean;
}

export function compareResults(a: RuleResult, b: RuleResult): number {
  return (
    VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] ||
    (a.verdict === 'eligible' ? (b.benefit?.amount ?? 0) - (a.benefit?.amount ?? 0) : 0) ||
    (a.verdict === 'missing-facts' ? a.missingFacts.length - b.missingFacts.length : 0) ||
    a.name.localeCompare(b.name, 'zh')
  );
}

/** A matcher bound to a rulebook: the rule list is prepared once and reused for every profile. */
export function createMatcher(rules: readonly Rule[]) {
  const rulebook = rulebookOf(rules);
  return {
    /** Every rule for one profile, ranked. */
    match(profile: EnterpriseProfile, asOf: string, options: MatchOptions = {}): RuleResult[] {
      const classes = new Map();
      const results: RuleResult[] = [];
      for (const rule of rules) {
        if (!options.includeNotInForce && !isInForce(rule, asOf)) continue;
        if (options.skipClassifications && rule.kind === 'classification') continue;
        results.push(evaluateRule(rule, profile, asOf, rulebook, classes));
      }
      return results.sort(compareResults);
    },
  };
}

export function matchProfile(rules: readonly Rule[], profile: EnterpriseProfile, asOf: string, options?: MatchOptions): RuleResult[] {
  return createMatcher(rules).match(profile, asOf, options);
}

export interface ProfileMatches { index: number; results: RuleResult[] }

/** N profiles against every rule (one thread: this is the figure the 10,000-profile bench times). */
export function matchProfiles(rules: readonly Rule[], profiles: readonly EnterpriseProfile[], asOf: string, options?: MatchOptions): ProfileMatches[] {
  const matcher = createMatcher(rules);
  return profiles.map((profile, index) => ({ index, results: matcher.match(profile, asOf, options) }));
}

/** For one rule: which profiles fit, might fit (missing facts) and which do not — the outreach list. */
export function outreach(rules: readonly Rule[], ruleId: string, profiles: readonly EnterpriseProfile[], asOf: string): Record<Verdict, Array<{ index: number; result: RuleResult }>> {
  const rulebook = rulebookOf(rules);
  const rule = rulebook.get(ruleId);
  if (!rule) throw new Error(`规则 ${ruleId} 不存在`);
  const out: Record<Verdict, Array<{ index: number; result: RuleResult }>> = { eligible: [], 'missing-facts': [], 'not-eligible': [] };
  profiles.forEach((profile, index) => {
    const result = evaluateRule(rule, profile, asOf, rulebook);
    out[result.verdict].push({ index, result });
  });
  return out;
}
