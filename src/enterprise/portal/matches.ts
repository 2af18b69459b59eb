/**
 * @module enterprise/portal/matches
 * What the portal and the back office show of a match: every rule in force ranked (eligible,
 * missing facts, not eligible), each condition as a row with the enterprise's value, the
 * requirement, the shortfall and the missing facts in plain words (each missing fact names the
 * profile field to fill in), the benefit, the application period and deadline, and the guide to
 * apply with. The web app imports these types (`import type`), so the shape is one contract.
 */
import { factLabel } from '../profile-fields.js';
import type { EnterpriseProfile } from '../profile.js';
import { createMatcher } from '../match.js';
import type { ConditionResult, Status } from '../rules/conditions.js';
import type { RuleResult, Verdict } from '../rules/evaluate.js';
import type { Rule } from '../rules/schema.js';

export const STATUS_TEXT: Record<Status, string> = { met: '符合', 'not-met': '不符合', unknown: '待补充' };

export interface MissingFact {
  /** the profile fact (`employees`, `revenue.2024`, `ip.inventionPatents`, `qualifications`) */
  key: string;
  label: string;
}

export interface ConditionRow {
  id?: string;
  label: string;
  article?: string;
  status: Status;
  statusText: string;
  /** 0 for a condition of the rule, 1 for a route of an “any of” group … */
  depth: number;
  /** a group's rows say how their children combine */
  group?: 'all' | 'any' | 'not';
  value?: string;
  requirement?: string;
  shortfall?: string;
  missing: MissingFact[];
  explanation: string;
  /** a score table's items with their points */
  items?: Array<{ label: string; value?: string; points: string }>;
}

export interface GuideLink {
  id: string;
  /** the guide's title, when the knowledge base holds it */
  title?: string;
  /** GET this for the guide as JSON */
  href: string;
}

export interface MatchView {
  ruleId: string;
  name: string;
  summary?: string;
  kind: Rule['kind'];
  level: Rule['level'];
  verdict: Verdict;
  verdictText: string;
  /** one sentence per condition not met or open */
  reasons: string[];
  conditions: ConditionRow[];
  missing: MissingFact[];
  benefit?: { text: string; amount?: number; amountText?: string; basis?: string };
  applicationPeriod?: string;
  /** the last day the rule is in force (YYYY-MM-DD), when it has one, and the days left from `asOf` */
  deadline?: string;
  daysLeft?: number;
  guide?: GuideLink;
  legalBasis: string;
}

export interface MatchesReply {
  asOf: string;
  counts: Record<Verdict, number>;
  matches: MatchView[];
}

const missingOf = (keys: readonly string[]): MissingFact[] => [...new Set(keys)].map((key) => ({ key, label: factLabel(key) }));

function rowsOf(c: ConditionResult, depth: number, out: ConditionRow[]): ConditionRow[] {
  // The root `all` is the rule itself: its children are the rule's conditions.
  if (depth === 0 && c.mode === 'all' && c.children) {
    for (const child of c.children) rowsOf(child, 0, out);
    return out;
  }
  out.push({
    ...(c.id ? { id: c.id } : {}),
    label: c.label,
    ...(c.article ? { article: c.article } : {}),
    status: c.status,
    statusText: STATUS_TEXT[c.status],
    depth,
    ...(c.mode ? { group: c.mode } : {}),
    ...(c.value !== undefined ? { value: c.value } : {}),
    ...(c.requirement ? { requirement: c.requirement } : {}),
    ...(c.shortfall ? { shortfall: c.shortfall } : {}),
    missing: missingOf(c.missing),
    explanation: c.explanation,
    ...(c.items ? { items: c.items.map((i) => ({ label: i.label, ...(i.value !== undefined ? { value: i.value } : {}), points: i.points })) } : {}),
  });
  for (const child of c.children ?? []) rowsOf(child, depth + 1, out);
  return out;
}

const DAY_MS = 86_400_000;

export function matchView(result: RuleResult, rule: Rule | undefined, guideTitles: ReadonlyMap<string, string>): MatchView {
  const deadline = rule?.validTo;
  const guideTitle = result.guide ? guideTitles.get(result.guide) : undefined;
  return {
    ruleId: result.ruleId,
    name: result.name,
    ...(rule?.summary ? { summary: rule.summary } : {}),
    kind: result.kind,
    level: result.level,
    verdict: result.verdict,
    verdictText: result.verdictText,
    reasons: result.reasons,
    conditions: rowsOf(result.conditions, 0, []),
    missing: missingOf(result.missingFacts),
    ...(result.benefit ? { benefit: result.benefit } : {}),
    ...(result.applicationPeriod ? { applicationPeriod: result.applicationPeriod } : {}),
    ...(deadline ? { deadline, daysLeft: Math.round((Date.parse(deadline) - Date.parse(result.asOf)) / DAY_MS) } : {}),
    ...(result.guide ? { guide: { id: result.guide, ...(guideTitle ? { title: guideTitle } : {}), href: `/api/items/${encodeURIComponent(result.guide)}` } } : {}),
    legalBasis: result.legalBasis,
  };
}

/** Every rule in force for one profile as of `asOf`, ranked, with reasons the enterprise can act on. */
export function matchesFor(rules: readonly Rule[], profile: EnterpriseProfile, asOf: string, guideTitles: ReadonlyMap<string, string> = new Map()): MatchesReply {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const matches = createMatcher(rules)
    .match(profile, asOf)
    .map((result) => matchView(result, byId.get(result.ruleId), guideTitles));
  const counts: Record<Verdict, number> = { eligible: 0, 'missing-facts': 0, 'not-eligible': 0 };
  for (const m of matches) counts[m.verdict] += 1;
  return { asOf, counts, matches };
}
