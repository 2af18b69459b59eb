/**
 * @module enterprise/rules/values
 * Computes what a condition compares, from a profile as of a date: a fact, a year's fact, sums,
 * means and ratios over the last years, years since a date, IP counts by class, qualifications
 * held, honours and incidents within a window, and the class a classification rule gives.
 * A value is known, or unknown with the facts that are missing — never a guessed zero.
 */
import type { EnterpriseProfile, Fact } from '../profile.js';
import { IP_TYPES, PROFILE_FIELDS, QUALIFICATIONS, factLabel, type FactKey, type Unit } from '../profile-fields.js';
import type { ValueExpr } from './schema.js';

export type Value =
  | { known: true; value: number | boolean | string; unit: Unit }
  | { known: false; missing: string[]; unit: Unit };

export interface EvalContext {
  profile: EnterpriseProfile;
  /** YYYY-MM-DD */
  asOf: string;
  asOfYear: number;
  /** The class a classification rule gives this profile (memoised by the evaluator). */
  classOf: (ruleId: string) => Value;
}

const unknown = (missing: string[], unit: Unit): Value => ({ known: false, missing, unit });
const known = (value: number | boolean | string, unit: Unit): Value => ({ known: true, value, unit });

type YearlyKey = FactKey;
function yearly(profile: EnterpriseProfile, key: YearlyKey, year: number): Fact<unknown> | undefined {
  const table = profile[key] as Record<string, Fact<unknown>> | undefined;
  return table?.[String(year)];
}

function scalar(profile: EnterpriseProfile, key: FactKey): Fact<unknown> | undefined {
  return profile[key] as Fact<unknown> | undefined;
}

/** Years from a date to another, counting whole anniversaries and the share of the year under way. */
export function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const end = Date.parse(to);
  const anniversary = (years: number): number => Date.UTC(fy + years, fm - 1, fd);
  let years = Number(to.slice(0, 4)) - fy;
  if (anniversary(years) > end) years -= 1;
  const start = anniversary(years);
  return years + (end - start) / (anniversary(years + 1) - start);
}

/** The date `years` (may be fractional) before `date`, as a time value. */
function yearsBefore(date: string, years: number): number {
  const whole = Math.floor(years);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y - whole, m - 1, d) - (years - whole) * 365.25 * 86_400_000;
}

function inWindow(date: string, ctx: EvalContext, window: { withinYears?: number; calendarYears?: number }): boolean {
  const t = Date.parse(date);
  if (t > Date.parse(ctx.asOf)) return false;
  if (window.calendarYears !== undefined) return Number(date.slice(0, 4)) > ctx.asOfYear - window.calendarYears;
  if (window.withinYears !== undefined) return t > yearsBefore(ctx.asOf, window.withinYears);
  return true;
}

function qualificationExpiry(issuedOn: string, kind: keyof typeof QUALIFICATIONS): string {
  const term = QUALIFICATIONS[kind];
  const year = Number(issuedOn.slice(0, 4));
  if (term.untilYearEnd) return `${year + 1}-01-01`;
  return `${year + (term.termYears ?? 3)}${issuedOn.slice(4)}`;
}

export function computeValue(expr: ValueExpr, ctx: EvalContext): Value {
  const { profile } = ctx;
  if ('fact' in expr) {
    const info = PROFILE_FIELDS[expr.fact];
    if (info.yearly) {
      const year = ctx.asOfYear + (expr.year ?? -1);
      const f = yearly(profile, expr.fact, year);
      return f ? known(f.value as number | boolean, info.unit) : unknown([`${expr.fact}.${year}`], info.unit);
    }
    const f = scalar(profile, expr.fact);
    return f ? known(f.value as number | boolean | string, info.unit) : unknown([expr.fact], info.unit);
  }
  if ('sum' in expr || 'mean' in expr) {
    const key = 'sum' in expr ? expr.sum : expr.mean;
    const unit = PROFILE_FIELDS[key].unit;
    let years = Array.from({ length: expr.years }, (_, i) => ctx.asOfYear - expr.years + i);
    const missing: string[] = [];
    if ('sum' in expr && expr.sinceRegistration) {
      // 实际经营期不满三年的按实际经营时间计算: years before registration do not count.
      const registered = profile.registrationDate?.value;
      if (registered) years = years.filter((y) => y >= Number(registered.slice(0, 4)));
      else if (years.some((y) => !yearly(profile, key, y))) missing.push('registrationDate');
    }
    let total = 0;
    for (const year of years) {
      const f = yearly(profile, key, year);
      if (f) total += f.value as number;
      else missing.push(`${key}.${year}`);
    }
    if (missing.length > 0) return unknown(missing, unit);
    if (years.length === 0) return known(0, unit);
    return known('mean' in expr ? total / years.length : total, unit);
  }
  if ('change' in expr) {
    const unit = PROFILE_FIELDS[expr.change].unit;
    const last = yearly(profile, expr.change, ctx.asOfYear - 1);
    const before = yearly(profile, expr.change, ctx.asOfYear - 2);
    const missing = [...(last ? [] : [`${expr.change}.${ctx.asOfYear - 1}`]), ...(before ? [] : [`${expr.change}.${ctx.asOfYear - 2}`])];
    return last && before ? known((last.value as number) - (before.value as number), unit) : unknown(missing, unit);
  }
  if ('ratio' in expr) {
    const of = computeValue(expr.ratio.of, ctx);
    const to = computeValue(expr.ratio.to, ctx);
    if (!of.known || !to.known) return unknown([...(of.known ? [] : of.missing), ...(to.known ? [] : to.missing)], 'percent');
    const [a, b] = [Number(of.value), Number(to.value)];
    return known(b === 0 ? 0 : a / b, 'percent');
  }
  if ('yearsSince' in expr) {
    const f = scalar(profile, expr.yearsSince);
    return f ? known(yearsBetween(f.value as string, ctx.asOf), 'years') : unknown([expr.yearsSince], 'years');
  }
  if ('ip' in expr) {
    // Within a declared `ip` block, a type not listed counts as none: enterprises list what they hold.
    if (!profile.ip) return unknown(['ip'], 'items');
    let total = 0;
    for (const [type, info] of Object.entries(IP_TYPES)) {
      if (expr.ip !== 'any' && info.ipClass !== expr.ip) continue;
      total += (profile.ip[type as keyof typeof IP_TYPES]?.value as number | undefined) ?? 0;
    }
    return known(total, 'items');
  }
  if ('qualification' in expr) {
    const unit: Unit = expr.measure === 'valid' ? 'yes-no' : 'items';
    if (!profile.qualifications) return unknown(['qualifications'], unit);
    const held = profile.qualifications.filter((q) => q.kind === expr.qualification && Date.parse(q.issuedOn) <= Date.parse(ctx.asOf));
    if (expr.measure === 'valid') {
      const t = Date.parse(ctx.asOf);
      return known(held.some((q) => t < Date.parse(q.expiresOn ?? qualificationExpiry(q.issuedOn, q.kind))), unit);
    }
    return known(held.filter((q) => inWindow(q.issuedOn, ctx, expr)).length, unit);
  }
  if ('honours' in expr) {
    if (!profile.honours) return unknown(['honours'], 'items');
    const kinds = new Set<string>(expr.honours);
    const count = profile.honours.filter((h) => kinds.has(h.kind) && inWindow(h.date, ctx, expr) && (expr.maxRank === undefined || (h.rank !== undefined && h.rank <= expr.maxRank))).length;
    return known(count, 'items');
  }
  if ('incidents' in expr) {
    if (!profile.incidents) return unknown(['incidents'], 'items');
    const kinds = new Set<string>(expr.incidents);
    return known(profile.incidents.filter((i) => kinds.has(i.kind) && inWindow(i.date, ctx, expr)).length, 'items');
  }
  return ctx.classOf(expr.classOf);
}

/** A short Chinese name for a value, used where a rule gives no label (e.g. what a band is chosen by). */
export function describeValue(expr: ValueExpr, asOfYear: number): string {
  if ('fact' in expr) return PROFILE_FIELDS[expr.fact].yearly ? factLabel(`${expr.fact}.${asOfYear + (expr.year ?? -1)}`) : factLabel(expr.fact);
  if ('sum' in expr) return `近${expr.years}年${PROFILE_FIELDS[expr.sum].label}合计`;
  if ('mean' in expr) return `近${expr.years}年${PROFILE_FIELDS[expr.mean].label}均值`;
  if ('change' in expr) return `${asOfYear - 1}年${PROFILE_FIELDS[expr.change].label}比上年增加额`;
  if ('ratio' in expr) return `${describeValue(expr.ratio.of, asOfYear)}占${describeValue(expr.ratio.to, asOfYear)}的比例`;
  if ('yearsSince' in expr) return `距${PROFILE_FIELDS[expr.yearsSince].label}的年数`;
  if ('ip' in expr) return expr.ip === 'any' ? '知识产权数量' : `${expr.ip}类知识产权数量`;
  if ('qualification' in expr) return QUALIFICATIONS[expr.qualification].label;
  if ('honours' in expr) return '相关荣誉数量';
  if ('incidents' in expr) return '事故和违法失信记录';
  return '企业类型';
}
