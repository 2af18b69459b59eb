/**
 * @module enterprise/rules/conditions
 * Three-valued evaluation of a condition tree: each condition is met, not met or unknown (a fact is
 * missing). Nothing is short-circuited — every condition is evaluated and reported with the
 * enterprise's value, the requirement, the shortfall and the missing facts — because an enterprise
 * needs the whole list of what to fix, not the first failure.
 */
import { factLabel, type Unit } from '../profile-fields.js';
import { formatAmount, formatGap, formatValue } from './format.js';
import type { BandedThreshold, Bounds, Comparison, ConditionNode, ScoreBand, ScoreItem, ScoreTable } from './schema.js';
import { computeValue, describeValue, type EvalContext, type Value } from './values.js';

export type Status = 'met' | 'not-met' | 'unknown';

export interface ScoreItemResult {
  id: string;
  label: string;
  /** the enterprise's value behind the points, in words */
  value?: string;
  /** points, or the range still possible while facts are missing */
  points: string;
}

export interface ConditionResult {
  id?: string;
  label: string;
  article?: string;
  status: Status;
  /** the enterprise's value, in words */
  value?: string;
  /** what the rule asks, in words */
  requirement?: string;
  /** how far the value is from the requirement, when not met */
  shortfall?: string;
  /** profile fact keys this condition needs and the profile lacks */
  missing: string[];
  /** one sentence in Chinese */
  explanation: string;
  /** how children combine, for groups */
  mode?: 'all' | 'any' | 'not';
  children?: ConditionResult[];
  items?: ScoreItemResult[];
}

const NONE: string[] = [];

/** A numeric interval: exact when lo === hi. */
interface Range { lo: number; hi: number; missing: string[] }

/** Whether a value lies within a band's bounds; equality is judged with a little slack, as above. */
export function inBounds(v: number, b: Bounds): boolean {
  const eps = 1e-9 * Math.max(1, Math.abs(v));
  return (b.from === undefined || v >= b.from - eps) && (b.above === undefined || v > b.above + eps) && (b.upTo === undefined || v <= b.upTo + eps) && (b.under === undefined || v < b.under - eps);
}

/** The band a known value falls in (first match), or the range of all bands' outputs when unknown. */
function bandRange<B extends Bounds>(value: Value, bands: B[], output: (band: B) => number): Range & { band?: B } {
  if (value.known) {
    const band = bands.find((b) => inBounds(Number(value.value), b));
    const out = band ? output(band) : 0;
    return { lo: out, hi: out, missing: [], ...(band ? { band } : {}) };
  }
  const outs = bands.map(output);
  return { lo: Math.min(0, ...outs), hi: Math.max(...outs), missing: value.missing };
}

function thresholdRange(threshold: number | BandedThreshold, ctx: EvalContext): Range & { note?: string } {
  if (typeof threshold === 'number') return { lo: threshold, hi: threshold, missing: [] };
  const by = computeValue(threshold.by, ctx);
  const range = bandRange(by, threshold.bands, (b) => b.value);
  if (!by.known) return { lo: Math.min(...threshold.bands.map((b) => b.value)), hi: Math.max(...threshold.bands.map((b) => b.value)), missing: range.missing };
  return { ...range, note: `按${describeValue(threshold.by, ctx.asOfYear)}${formatValue(by.value, by.unit)}适用` };
}

const OP_WORDS = { atLeast: '不低于', above: '高于', atMost: '不超过', below: '低于' } as const;

function sentence(label: string, status: Status, value: string | undefined, requirement: string | undefined, shortfall: string | undefined, missing: string[]): string {
  if (status === 'unknown') return `待补充：缺少${[...new Set(missing.map(factLabel))].join('、')}，无法判断“${label}”${requirement ? `（要求${requirement}）` : ''}。`;
  const head = status === 'met' ? '符合' : '不符合';
  return `${head}：${label}${value !== undefined ? `为${value}` : ''}${requirement ? `，要求${requirement}` : ''}${status === 'not-met' && shortfall ? `，${shortfall}` : ''}。`;
}

function evaluateComparison(node: Comparison, ctx: EvalContext): ConditionResult {
  const label = node.label ?? describeValue(node.value, ctx.asOfYear);
  const value = computeValue(node.value, ctx);
  const shown = value.known ? formatValue(value.value, value.unit) : undefined;
  let status: Status;
  let requirement: string;
  let shortfall: string | undefined;
  let missing = value.known ? NONE : value.missing;

  if (node.equals !== undefined) {
    requirement = `为${formatValue(node.equals, value.unit)}`;
    status = value.known ? (value.value === node.equals ? 'met' : 'not-met') : 'unknown';
  } else if (node.oneOf !== undefined) {
    requirement = `为${node.oneOf.join('、')}之一`;
    status = value.known ? (node.oneOf.includes(String(value.value)) ? 'met' : 'not-met') : 'unknown';
  } else {
    const op = node.atLeast !== undefined ? 'atLeast' : node.above !== undefined ? 'above' : node.atMost !== undefined ? 'atMost' : 'below';
    const t = thresholdRange(node[op]!, ctx);
    const unit: Unit = value.unit;
    const bound = t.lo === t.hi ? formatAmount(t.lo, unit) : `${formatAmount(t.lo, unit)}至${formatAmount(t.hi, unit)}（视${factLabelsOf(t.missing)}而定）`;
    // “不超过0项” reads oddly: a count that must be zero is “不得有”.
    const mustBeNone = op === 'atMost' && t.lo === 0 && t.hi === 0 && unit === 'items';
    requirement = mustBeNone ? '不得有' : `${OP_WORDS[op]}${bound}${t.note ? `（${t.note}）` : ''}`;
    if (!value.known) {
      status = 'unknown';
      missing = [...missing, ...t.missing];
    } else {
      const v = Number(value.value);
      // Shares are quotients of sums: 675 / 13500 must count as exactly 5 %, whatever the last bit says.
      const eps = 1e-9 * Math.max(1, Math.abs(v));
      const passes = (x: number): boolean => (op === 'atLeast' ? v >= x - eps : op === 'above' ? v > x + eps : op === 'atMost' ? v <= x + eps : v < x - eps);
      // Passing the hardest bound settles it; failing the easiest settles it; between, the band's fact decides.
      const [hardest, easiest] = op === 'atLeast' || op === 'above' ? [t.hi, t.lo] : [t.lo, t.hi];
      if (passes(hardest)) status = 'met';
      else if (!passes(easiest)) status = 'not-met';
      else {
        status = 'unknown';
        missing = [...t.missing];
      }
      if (status === 'not-met' && mustBeNone) shortfall = `有${formatAmount(v, unit)}`;
      else if (status === 'not-met') {
        const gap = Math.abs(v - easiest);
        shortfall = op === 'atLeast' || op === 'above' ? (gap === 0 ? `须高于${formatAmount(easiest, unit)}` : `还差${formatGap(gap, unit)}`) : gap === 0 ? `须低于${formatAmount(easiest, unit)}` : `超出${formatGap(gap, unit)}`;
      }
    }
  }
  // One fixed shape for every result (undefined fields included): objects built by conditional
  // spreads take V8's slow path, and matching builds hundreds of thousands of them.
  return {
    id: node.id,
    label,
    article: node.article,
    status,
    value: shown,
    requirement,
    shortfall,
    missing: missing.length > 1 ? [...new Set(missing)] : missing,
    explanation: sentence(label, status, shown, requirement, shortfall, missing),
    mode: undefined,
    children: undefined,
    items: undefined,
  };
}

function factLabelsOf(missing: string[]): string {
  return [...new Set(missing.map(factLabel))].join('、');
}

function itemRange(item: ScoreItem, ctx: EvalContext): Range & { shown?: string } {
  const points = (b: ScoreBand): number => b.points;
  if (item.bestOf) {
    // 企业从两项指标中选择一个: the better option counts; an unknown option may still be the better one.
    const ranges = item.bestOf.map((option) => {
      const value = computeValue(option.value, ctx);
      return { ...bandRange(value, option.bands, points), shown: value.known ? `${option.label ?? describeValue(option.value, ctx.asOfYear)}${formatValue(value.value, value.unit)}` : undefined };
    });
    const lo = Math.max(...ranges.map((r) => r.lo));
    const hi = Math.max(...ranges.map((r) => r.hi));
    const decided = lo === hi;
    const shown = ranges.filter((r) => r.shown).map((r) => r.shown).join('；') || undefined;
    return { lo, hi, missing: decided ? [] : ranges.flatMap((r) => r.missing), ...(shown ? { shown } : {}) };
  }
  const value = computeValue(item.value!, ctx);
  const range = bandRange(value, item.bands!, points);
  return { ...range, ...(value.known ? { shown: formatValue(value.value, value.unit) } : {}) };
}

function evaluateScore(node: ScoreTable, ctx: EvalContext): ConditionResult {
  const label = node.label ?? '综合评分';
  const ranges = node.score.map((item) => ({ item, range: itemRange(item, ctx) }));
  const lo = ranges.reduce((s, r) => s + r.range.lo, 0);
  const hi = ranges.reduce((s, r) => s + r.range.hi, 0);
  const nonZero = ranges.filter((r) => node.nonZero?.includes(r.item.id));
  const missing = [...new Set(ranges.flatMap((r) => r.range.missing))];
  let status: Status;
  if (hi < node.atLeast || nonZero.some((r) => r.range.hi === 0)) status = 'not-met';
  else if (lo >= node.atLeast && nonZero.every((r) => r.range.lo > 0)) status = 'met';
  else status = 'unknown';
  const zeroNames = nonZero.filter((r) => r.range.hi === 0).map((r) => r.item.label);
  const requirement = `不低于${formatAmount(node.atLeast, 'points')}${nonZero.length ? `，且${nonZero.map((r) => r.item.label).join('、')}得分不为0` : ''}`;
  const value = lo === hi ? formatAmount(lo, 'points') : `${formatAmount(lo, 'points')}至${formatAmount(hi, 'points')}`;
  const shortfall = status !== 'not-met' ? undefined : hi < node.atLeast ? `还差${formatAmount(node.atLeast - hi, 'points')}` : `${zeroNames.join('、')}得分为0`;
  const items: ScoreItemResult[] = ranges.map(({ item, range }) => ({
    id: item.id,
    label: item.label,
    value: range.shown,
    points: range.lo === range.hi ? formatAmount(range.lo, 'points') : `${formatAmount(range.lo, 'points')}至${formatAmount(range.hi, 'points')}（待补充）`,
  }));
  return {
    id: node.id,
    label,
    article: node.article,
    status,
    value,
    requirement,
    shortfall,
    missing: status === 'unknown' ? missing : [],
    explanation: `${sentence(label, status, value, requirement, shortfall, missing).replace(/。$/, '')}（${items.map((i) => `${i.label}${i.points}`).join('，')}）。`,
    mode: undefined,
    children: undefined,
    items,
  };
}

function combine(children: ConditionResult[], mode: 'all' | 'any'): Status {
  const statuses = children.map((c) => c.status);
  if (mode === 'all') return statuses.includes('not-met') ? 'not-met' : statuses.includes('unknown') ? 'unknown' : 'met';
  return statuses.includes('met') ? 'met' : statuses.includes('unknown') ? 'unknown' : 'not-met';
}

export function evaluateCondition(node: ConditionNode, ctx: EvalContext): ConditionResult {
  if ('all' in node || 'any' in node) {
    const mode = 'all' in node ? 'all' : 'any';
    const children = ('all' in node ? node.all : node.any).map((child) => evaluateCondition(child, ctx));
    const status = combine(children, mode);
    const label = node.label ?? (mode === 'all' ? '同时满足以下条件' : '满足以下任一条件');
    // An `any` that is met needs nothing more; otherwise every child's missing fact could settle it.
    const missing = status === 'met' ? [] : [...new Set(children.filter((c) => c.status === 'unknown').flatMap((c) => c.missing))];
    const counts = `${children.filter((c) => c.status === 'met').length}/${children.length}项符合`;
    const explanation = status === 'met' ? `符合：${label}（${counts}）。` : status === 'not-met' ? `不符合：${label}（${counts}）。` : `待补充：${label}尚不能判断（${counts}，缺少${factLabelsOf(missing)}）。`;
    return { id: node.id, label, article: node.article, status, value: undefined, requirement: undefined, shortfall: undefined, missing, explanation, mode, children, items: undefined };
  }
  if ('not' in node) {
    const child = evaluateCondition(node.not, ctx);
    const status: Status = child.status === 'met' ? 'not-met' : child.status === 'not-met' ? 'met' : 'unknown';
    const label = node.label ?? `不得${child.label}`;
    const explanation = status === 'unknown' ? `待补充：缺少${factLabelsOf(child.missing)}，无法判断“${label}”。` : `${status === 'met' ? '符合' : '不符合'}：${label}。`;
    return { id: node.id, label, article: node.article, status, value: undefined, requirement: undefined, shortfall: undefined, missing: child.missing, explanation, mode: 'not', children: [child], items: undefined };
  }
  if ('score' in node) return evaluateScore(node, ctx);
  return evaluateComparison(node, ctx);
}
