/**
 * @module enterprise/rules/evaluate
 * One rule against one enterprise profile as of a date: every condition's outcome with its reason,
 * the verdict (eligible / missing facts / not eligible), the benefit amount where the rule says
 * how to compute it, and for a classification rule the class (中型、小型…). Explanations are in
 * Chinese, for the enterprise to read.
 */
import type { EnterpriseProfile } from '../profile.js';
import { factLabel } from '../profile-fields.js';
import { parseIndustryCode } from '../industry.js';
import { evaluateCondition, type ConditionResult, type Status } from './conditions.js';
import { formatAmount } from './format.js';
import type { AmountRule, ClassificationRule, EligibilityRule, Rule } from './schema.js';
import { inBounds } from './conditions.js';
import { computeValue, type EvalContext, type Value } from './values.js';

export type Verdict = 'eligible' | 'missing-facts' | 'not-eligible';

export const VERDICT_TEXT: Record<Verdict, string> = {
  eligible: '符合条件',
  'missing-facts': '还缺信息，暂不能判断',
  'not-eligible': '不符合条件',
};

export interface BenefitResult {
  text: string;
  /** 万元, when the rule says how to compute it and the facts allow */
  amount?: number;
  amountText?: string;
  /** which case or computation gave the amount */
  basis?: string;
}

export interface RuleResult {
  ruleId: string;
  name: string;
  kind: Rule['kind'];
  level: Rule['level'];
  asOf: string;
  inForce: boolean;
  verdict: Verdict;
  verdictText: string;
  /** the root of the condition tree, every condition with its outcome */
  conditions: ConditionResult;
  /** profile fact keys whose absence keeps the verdict open, and their Chinese names */
  missingFacts: string[];
  missingFactLabels: string[];
  /** the leaf conditions not met (or open), one sentence each */
  reasons: string[];
  /** the class a classification rule gives */
  className?: string;
  benefit?: BenefitResult;
  applicationPeriod?: string;
  guide?: string;
  legalBasis: string;
}

/** The rules a result may consult (classification rules referenced by `classOf`). */
export type Rulebook = ReadonlyMap<string, Rule>;

export function rulebookOf(rules: readonly Rule[]): Rulebook {
  return new Map(rules.map((r) => [r.id, r]));
}

export function isInForce(rule: Rule, asOf: string): boolean {
  return rule.validFrom <= asOf && (rule.validTo === undefined || asOf <= rule.validTo);
}

const legalBasisCache = new WeakMap<Rule, string>();
function legalBasisText(rule: Rule): string {
  let text = legalBasisCache.get(rule);
  if (text === undefined) legalBasisCache.set(rule, (text = legalBasisOf(rule)));
  return text;
}
function legalBasisOf(rule: Rule): string {
  return rule.legalBasis.map((l) => `《${l.title}》${l.docNumber ? `（${l.docNumber}）` : ''}${l.articles ? l.articles : ''}`).join('；');
}

function verdictOf(status: Status): Verdict {
  return status === 'met' ? 'eligible' : status === 'not-met' ? 'not-eligible' : 'missing-facts';
}

/** The leaves worth telling: those not met, or open; for a met rule, nothing. */
function reasonsOf(result: ConditionResult): string[] {
  if (result.status === 'met' || result.mode === 'not') return result.status === 'met' ? [] : [result.explanation];
  if (!result.children) return [result.explanation];
  if (result.mode === 'any') {
    // An open `any` is settled by its open routes; a failed one is one reason listing every route.
    if (result.status === 'unknown') return result.children.filter((c) => c.status === 'unknown').flatMap(reasonsOf);
    return [`不符合：${result.label}（${result.children.map(briefly).join('；')}）。`];
  }
  return result.children.flatMap(reasonsOf);
}

function briefly(c: ConditionResult): string {
  return `${c.label}${c.value !== undefined ? `为${c.value}` : ''}${c.shortfall ? `，${c.shortfall}` : ''}`;
}

function newContext(profile: EnterpriseProfile, asOf: string, rulebook: Rulebook, classes: Map<string, ClassResult>): EvalContext {
  const ctx: EvalContext = {
    profile,
    asOf,
    asOfYear: Number(asOf.slice(0, 4)),
    classOf: (ruleId: string): Value => {
      let result = classes.get(ruleId);
      if (!result) {
        const rule = rulebook.get(ruleId);
        if (!rule || rule.kind !== 'classification') return { known: false, missing: [], unit: 'text' };
        result = classify(rule, ctx);
        classes.set(ruleId, result);
      }
      return result.className !== undefined ? { known: true, value: result.className, unit: 'text' } : { known: false, missing: result.conditions.missing, unit: 'text' };
    },
  };
  return ctx;
}

interface ClassResult { className?: string; conditions: ConditionResult }

/** The first class whose test is met, walking down (大型 → 中型 → 小型 → 微型); an open test leaves the class open. */
function classify(rule: ClassificationRule, ctx: EvalContext): ClassResult {
  const code = ctx.profile.industryCode ? parseIndustryCode(ctx.profile.industryCode.value) : undefined;
  if (!code) {
    return { conditions: { label: '所属行业', status: 'unknown', missing: ['industryCode'], explanation: `待补充：缺少${factLabel('industryCode')}，无法确定适用哪个行业的标准。` } };
  }
  const table = rule.industries.find((t) => t.sections?.includes(code.section) || (code.division !== undefined && t.divisions?.includes(code.division)));
  if (!table) {
    return { conditions: { label: '所属行业', status: 'unknown', value: code.code, missing: [], explanation: `行业代码 ${code.code} 所属行业的划型标准尚未收录，请向窗口咨询。` } };
  }
  const children: ConditionResult[] = [];
  let className: string | undefined;
  let open = false;
  for (const c of table.classes) {
    if (!c.when) {
      if (!open && className === undefined) className = c.label;
      break;
    }
    const result = evaluateCondition(c.when, ctx);
    children.push({ ...result, label: `${c.label}：${result.label}` });
    if (open || className !== undefined) continue;
    if (result.status === 'met') className = c.label;
    else if (result.status === 'unknown') open = true;
  }
  const missing = className === undefined ? [...new Set(children.flatMap((c) => c.missing))] : [];
  const label = `${table.name}划型`;
  const explanation = className !== undefined ? `按${table.name}标准划为${className}企业。` : `待补充：缺少${[...new Set(missing.map(factLabel))].join('、')}，无法按${table.name}标准划型。`;
  return { className, conditions: { id: undefined, label, article: undefined, status: className !== undefined ? 'met' : 'unknown', value: className, requirement: undefined, shortfall: undefined, missing, explanation, mode: undefined, children, items: undefined } };
}

function computeAmount(amount: AmountRule, ctx: EvalContext): { amount?: number; basis?: string } {
  if ('fixed' in amount) return { amount: amount.fixed };
  if ('cases' in amount) {
    for (const c of amount.cases) {
      if (!c.when) return { amount: c.amount, basis: c.label };
      const status = evaluateCondition(c.when, ctx).status;
      if (status === 'met') return { amount: c.amount, basis: c.label };
      if (status === 'unknown') return {};
    }
    return {};
  }
  if ('percentOf' in amount) {
    const base = computeValue(amount.percentOf, ctx);
    if (!base.known) return {};
    const raw = Math.max(0, Number(base.value) * amount.rate);
    const capped = amount.cap !== undefined && raw > amount.cap;
    return { amount: capped ? amount.cap! : Math.round(raw * 10000) / 10000, basis: `${formatAmount(Number(base.value), base.unit)}×${Math.round(amount.rate * 1000) / 10}%${capped ? `，超过上限按${formatAmount(amount.cap!, 'money')}` : ''}` };
  }
  const by = computeValue(amount.by, ctx);
  if (!by.known) return {};
  const band = amount.bands.find((b) => inBounds(Number(by.value), b));
  return band ? { amount: band.amount, basis: `按${formatAmount(Number(by.value), by.unit)}所在档` } : {};
}

/** Evaluates one rule. `rulebook` holds the classification rules a rule may refer to. */
export function evaluateRule(rule: Rule, profile: EnterpriseProfile, asOf: string, rulebook: Rulebook = new Map([[rule.id, rule]]), classes = new Map<string, ClassResult>()): RuleResult {
  const ctx = newContext(profile, asOf, rulebook, classes);
  const inForce = isInForce(rule, asOf);
  let conditions: ConditionResult;
  let className: string | undefined;
  let verdict: Verdict;
  if (rule.kind === 'classification') {
    const result = classes.get(rule.id) ?? classify(rule, ctx);
    classes.set(rule.id, result);
    conditions = result.conditions;
    className = result.className;
    verdict = className === undefined ? 'missing-facts' : rule.eligibleClasses.includes(className) ? 'eligible' : 'not-eligible';
  } else {
    conditions = evaluateCondition(rule.when, ctx);
    verdict = verdictOf(conditions.status);
  }
  const reasons = rule.kind === 'classification' ? (verdict === 'eligible' ? [] : [conditions.explanation]) : reasonsOf(conditions);
  if (!inForce) {
    verdict = 'not-eligible';
    reasons.unshift(`该政策${rule.validFrom > asOf ? `自${rule.validFrom}起施行` : `已于${rule.validTo}到期`}，${asOf}不在有效期内。`);
  }
  const missingFacts = verdict === 'missing-facts' ? conditions.missing : [];
  let benefit: BenefitResult | undefined;
  if (rule.kind === 'eligibility' && rule.benefit) {
    benefit = { text: rule.benefit.text };
    if (rule.benefit.amount && verdict === 'eligible') {
      const { amount, basis } = computeAmount(rule.benefit.amount, ctx);
      if (amount !== undefined) benefit = { text: benefit.text, amount, amountText: formatAmount(amount, 'money'), basis };
    }
  }
  return {
    ruleId: rule.id,
    name: rule.name,
    kind: rule.kind,
    level: rule.level,
    asOf,
    inForce,
    verdict,
    verdictText: className !== undefined ? `${VERDICT_TEXT[verdict]}（${className}企业）` : VERDICT_TEXT[verdict],
    conditions,
    missingFacts,
    missingFactLabels: [...new Set(missingFacts.map(factLabel))],
    reasons,
    className,
    benefit,
    applicationPeriod: rule.applicationPeriod,
    guide: rule.guide,
    legalBasis: legalBasisText(rule),
  };
}
