/**
 * @module enterprise/forms/sources
 * Where a field's value comes from: reads a profile fact (a year's, in a year table), computes a
 * value as the rules do (近三年研发费用合计, 研发费用占比), looks up a certificate, a rule's benefit
 * amount, today's date or a constant. A value not there is missing — never a guessed zero.
 */
import type { EnterpriseProfile, Fact } from '../profile.js';
import { PROFILE_FIELDS, type FactKey } from '../profile-fields.js';
import { evaluateRule, rulebookOf } from '../rules/evaluate.js';
import type { Rule } from '../rules/schema.js';
import { computeValue, type EvalContext, type Value } from '../rules/values.js';
import type { FieldSource } from './schema.js';

export type SourceValue = string | number | boolean | string[];

export type Resolved =
  | { found: true; value: SourceValue; origin: 'profile' | 'derived' | 'constant'; verified?: boolean }
  | { found: false; asked: boolean };

export interface SourceContext {
  profile: EnterpriseProfile;
  /** YYYY-MM-DD */
  asOf: string;
  rules: readonly Rule[];
}

const missing = (asked = false): Resolved => ({ found: false, asked });
const round = (n: number): number => Math.round(n * 100) / 100;

function fromFact(f: Fact<unknown> | undefined): Resolved {
  if (!f) return missing();
  return { found: true, value: f.value as SourceValue, origin: 'profile', verified: f.source === 'verified' };
}

/** The value of a source; `rowYear` is the year of the table row the field sits in. */
export function resolveSource(source: FieldSource, ctx: SourceContext, rowYear?: number): Resolved {
  const { profile } = ctx;
  const asOfYear = Number(ctx.asOf.slice(0, 4));
  if ('fact' in source) {
    if (source.fact === 'name') return profile.name ? { found: true, value: profile.name, origin: 'profile' } : missing();
    if (source.fact.startsWith('ip.')) {
      // Inside a declared ip block a type not listed counts as none, as the rules read it.
      if (!profile.ip) return missing();
      const count = profile.ip[source.fact.slice(3) as keyof NonNullable<EnterpriseProfile['ip']>];
      return count ? fromFact(count) : { found: true, value: 0, origin: 'profile' };
    }
    const key = source.fact as FactKey;
    if (PROFILE_FIELDS[key].yearly) {
      const year = rowYear ?? asOfYear + (source.year ?? -1);
      const table = profile[key] as Record<string, Fact<unknown>> | undefined;
      return fromFact(table?.[String(year)]);
    }
    return fromFact(profile[key] as Fact<unknown> | undefined);
  }
  if ('derived' in source) {
    const value = computeValue(source.derived, evalContext(ctx));
    if (!value.known) return missing();
    const v = value.value;
    const shown = typeof v === 'number' ? round(value.unit === 'percent' ? v * 100 : v) : v;
    return { found: true, value: shown, origin: 'derived' };
  }
  if ('qualification' in source) {
    const held = (profile.qualifications ?? []).filter((q) => q.kind === source.qualification && q.issuedOn <= ctx.asOf).sort((a, b) => b.issuedOn.localeCompare(a.issuedOn))[0];
    const value = held?.[source.field];
    return value ? { found: true, value, origin: 'profile', verified: held.source === 'verified' } : missing();
  }
  if ('benefit' in source) {
    const rule = ctx.rules.find((r) => r.id === source.benefit);
    if (!rule) return missing();
    const amount = evaluateRule(rule, profile, ctx.asOf, rulebookOf(ctx.rules)).benefit?.amount;
    return amount === undefined ? missing() : { found: true, value: round(amount), origin: 'derived' };
  }
  if ('today' in source) return { found: true, value: ctx.asOf, origin: 'constant' };
  if ('const' in source) return { found: true, value: source.const, origin: 'constant' };
  return missing(true);
}

function evalContext(ctx: SourceContext): EvalContext {
  const rulebook = rulebookOf(ctx.rules);
  return {
    profile: ctx.profile,
    asOf: ctx.asOf,
    asOfYear: Number(ctx.asOf.slice(0, 4)),
    classOf: (ruleId: string): Value => {
      const rule = rulebook.get(ruleId);
      const className = rule ? evaluateRule(rule, ctx.profile, ctx.asOf, rulebook).className : undefined;
      return className !== undefined ? { known: true, value: className, unit: 'text' } : { known: false, missing: [], unit: 'text' };
    },
  };
}
