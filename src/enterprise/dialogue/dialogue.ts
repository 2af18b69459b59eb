/**
 * @module enterprise/dialogue/dialogue
 * The eligibility dialogue in chat. “我们公司能申报高企吗？” — for a logged-in enterprise the
 * verdict comes at once from its stored profile; for anyone else the facts the rule needs are
 * asked one at a time, in words, each answer read as people say it (“三百多人”, “去年营收八千万”),
 * “不知道” leaving the fact unknown and moving on, until the verdict can be given — with every
 * condition met / not met / unknown and the guide to apply with. “算了” leaves. The state lives in
 * the chat session (a few numbers; nothing the person did not say).
 */
import { z } from 'zod';
import { validateProfile, type EnterpriseProfile } from '../profile.js';
import { factLabel } from '../profile-fields.js';
import { evaluateRule, rulebookOf, type Verdict } from '../rules/evaluate.js';
import type { Rule } from '../rules/schema.js';
import { matchView, type ConditionRow, type GuideLink, type MatchView } from '../portal/matches.js';
import { askableKeys, IP_ASKED, mentionedFact, questionForFact, readAnswer, setFact, UNKNOWN_WORDS } from './facts.js';
import { eligibilityQuestion, isExit, ruleNames, type RuleName } from './recognise.js';

/** At most this many questions in one dialogue: a rule needing more is answered with what is known. */
export const MAX_QUESTIONS = 20;

export const dialogueStateSchema = z.strictObject({
  ruleId: z.string().max(100),
  /** the profile as answered so far (profile input: `{ revenue: { 2025: 8000 } }`) */
  facts: z.record(z.string().max(40), z.unknown()),
  /** fact keys asked (answered, unknown or given up on) */
  asked: z.array(z.string().max(60)).max(200),
  unknown: z.array(z.string().max(60)).max(200),
  /** the fact key the last question asked for */
  pending: z.string().max(60).optional(),
  /** how often the pending question's answer could not be read */
  retries: z.number().int().min(0).max(5).default(0),
});
export type DialogueState = z.output<typeof dialogueStateSchema>;

export type DialogueStage = 'asking' | 'verdict' | 'left';

/** What the chat's eligibility card shows (Answer.eligibility). */
export interface EligibilityCard {
  stage: DialogueStage;
  ruleId: string;
  ruleName: string;
  /** the verdict came from the logged-in enterprise's stored profile */
  fromProfile: boolean;
  /** asking: the question, and the fact it asks for */
  question?: string;
  factKey?: string;
  factLabel?: string;
  /** how many questions asked so far */
  asked: number;
  verdict?: Verdict;
  verdictText?: string;
  conditions?: ConditionRow[];
  reasons?: string[];
  missing?: Array<{ key: string; label: string }>;
  benefit?: MatchView['benefit'];
  applicationPeriod?: string;
  guide?: GuideLink;
  legalBasis?: string;
}

export interface DialogueReply {
  text: string;
  card: EligibilityCard;
  suggestions: string[];
  /** the state to keep in the session; undefined ends the dialogue */
  state?: DialogueState;
}

export interface DialogueContext {
  rules: readonly Rule[];
  asOf: string;
  /** reads the logged-in enterprise's stored profile, when the chat is the portal's */
  profile?: () => Promise<EnterpriseProfile>;
  /** the guides' titles, read when a verdict names one */
  guideTitles?: () => Promise<ReadonlyMap<string, string>>;
}

const namesCache = new WeakMap<readonly Rule[], RuleName[]>();
function namesOf(rules: readonly Rule[]): RuleName[] {
  let names = namesCache.get(rules);
  if (!names) namesCache.set(rules, (names = ruleNames(rules.filter((r) => r.kind === 'eligibility'))));
  return names;
}

/** Reads a stored state; anything malformed is no dialogue at all. */
export function readDialogueState(stored: unknown): DialogueState | undefined {
  const parsed = dialogueStateSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Whether the turn may be the dialogue's: a dialogue is going on, or the message asks about one of
 * `rules` by name. False lets the chat answer from the knowledge base without reading the rules again.
 */
export function mayBeDialogue(message: string, stored: DialogueState | undefined, rules: readonly Rule[]): boolean {
  return stored !== undefined || eligibilityQuestion(message, namesOf(rules)) !== undefined;
}

/**
 * One chat turn: the reply when the message starts, continues or leaves a dialogue; undefined when
 * it is none of the dialogue's business (the knowledge base answers, and the dialogue is over).
 */
export async function dialogueTurn(message: string, stored: DialogueState | undefined, ctx: DialogueContext): Promise<DialogueReply | undefined> {
  const asked = eligibilityQuestion(message, namesOf(ctx.rules));
  const rule = (id: string) => ctx.rules.find((r) => r.id === id);
  if (asked && rule(asked)) return start(rule(asked)!, ctx);
  if (!stored) return undefined;
  const current = rule(stored.ruleId);
  if (!current) return undefined;
  if (isExit(message)) {
    return {
      text: `好的，不再继续询问${current.name}的条件了。您可以接着问其他问题；以后想再看，说“我们公司能申报${current.aliases?.[0] ?? current.name}吗”即可。`,
      card: { stage: 'left', ruleId: current.id, ruleName: current.name, fromProfile: false, asked: stored.asked.length },
      suggestions: [],
    };
  }
  if (!stored.pending) return undefined;
  const state: DialogueState = { ...stored, facts: structuredClone(stored.facts), asked: [...stored.asked], unknown: [...stored.unknown] };
  // An answer naming another fact (“去年营收八千万” while asked the staff count) fills that one; the question is asked again.
  const named = mentionedFact(message, Number(ctx.asOf.slice(0, 4)));
  if (named && named !== stored.pending && !UNKNOWN_WORDS.test(message)) {
    const other = readAnswer(named, message);
    if (other.kind === 'value') {
      setFact(state.facts, named, other.value);
      if (!state.asked.includes(named)) state.asked.push(named);
      state.asked = state.asked.filter((k) => k !== stored.pending);
      return next(current, state, ctx, `好的，记下了${factLabel(named)}。`);
    }
  }
  const reading = readAnswer(stored.pending, message);
  if (reading.kind === 'unreadable') {
    // A different question altogether goes to the knowledge base; a garbled answer is asked once more, then left unknown.
    if (looksLikeQuestion(message)) return undefined;
    if (stored.retries >= 1) {
      state.unknown.push(stored.pending);
      state.retries = 0;
      return next(current, state, ctx, '这一项先按“不清楚”处理。');
    }
    state.retries += 1;
    const question = questionForFact(stored.pending, Number(ctx.asOf.slice(0, 4)));
    return { text: `没听明白。${reading.hint}\n${question}`, card: askingCard(current, state, stored.pending, question), suggestions: ['不知道', '算了'], state };
  }
  state.retries = 0;
  if (reading.kind === 'unknown') state.unknown.push(stored.pending);
  else setFact(state.facts, stored.pending, reading.value);
  const ack = reading.kind === 'unknown' ? '好的，这一项先记为未知。' : reading.approximate ? '好的，按约数记下。' : '好的。';
  return next(current, state, ctx, ack);
}

function looksLikeQuestion(message: string): boolean {
  return /[？?]|吗|呢|怎么|哪|什么|如何|多少钱|能不能|可以.*吗/.test(message) && message.length > 4;
}

async function start(rule: Rule, ctx: DialogueContext): Promise<DialogueReply> {
  if (ctx.profile) return verdict(rule, await ctx.profile(), ctx, true, '');
  const state: DialogueState = { ruleId: rule.id, facts: {}, asked: [], unknown: [], retries: 0 };
  return next(rule, state, ctx, `我来帮您看看能否申报“${rule.name}”。我会一项一项地问，不知道的可以说“不知道”，想停下来就说“算了”。`);
}

/** The profile the answers make: `ip` only once every IP type asked was answered (else its absent types would count as none). */
function profileOf(state: DialogueState): EnterpriseProfile {
  const input: Record<string, unknown> = structuredClone(state.facts);
  const ip = input['ip'] as Record<string, unknown> | undefined;
  if (ip && !IP_ASKED.every((t) => ip[t] !== undefined)) delete input['ip'];
  const checked = validateProfile(input);
  return checked.ok ? checked.profile : {};
}

async function next(rule: Rule, state: DialogueState, ctx: DialogueContext, lead: string): Promise<DialogueReply> {
  const profile = profileOf(state);
  const result = evaluateRule(rule, profile, ctx.asOf, rulebookOf(ctx.rules));
  const nextKey =
    result.verdict === 'missing-facts' && state.asked.length < MAX_QUESTIONS
      ? result.missingFacts.flatMap(askableKeys).find((k) => !state.asked.includes(k))
      : undefined;
  if (!nextKey) return verdict(rule, profile, ctx, false, lead, state.asked.length);
  state.asked.push(nextKey);
  state.pending = nextKey;
  const question = questionForFact(nextKey, Number(ctx.asOf.slice(0, 4)));
  return { text: `${lead ? `${lead}\n` : ''}${question}`, card: askingCard(rule, state, nextKey, question), suggestions: ['不知道', '算了'], state };
}

function askingCard(rule: Rule, state: DialogueState, key: string, question: string): EligibilityCard {
  return { stage: 'asking', ruleId: rule.id, ruleName: rule.name, fromProfile: false, question, factKey: key, factLabel: factLabel(key), asked: state.asked.length };
}

const MARK: Record<ConditionRow['status'], string> = { met: '✓ 符合', 'not-met': '✗ 不符合', unknown: '？ 未知' };

async function verdict(rule: Rule, profile: EnterpriseProfile, ctx: DialogueContext, fromProfile: boolean, lead: string, asked = 0): Promise<DialogueReply> {
  const result = evaluateRule(rule, profile, ctx.asOf, rulebookOf(ctx.rules));
  const view = matchView(result, rule, ctx.guideTitles ? await ctx.guideTitles() : new Map());
  const basis = fromProfile ? '按贵企业在企业服务门户中填报的画像' : '按您刚才提供的信息';
  const lines = [
    ...(lead ? [lead] : []),
    `${basis}，申报“${rule.name}”的结论：${view.verdictText}。`,
    ...view.conditions.filter((c) => c.depth === 0).map((c) => `${MARK[c.status]}：${c.explanation}`),
    ...(view.benefit?.amountText ? [`可获：${view.benefit.text}（约${view.benefit.amountText}）`] : view.benefit ? [`政策支持：${view.benefit.text}`] : []),
    ...(view.applicationPeriod ? [`申报时间：${view.applicationPeriod}`] : []),
    ...(view.guide ? [`办理指南：${view.guide.title ?? view.guide.id}`] : []),
    ...(view.verdict === 'missing-facts' ? [fromProfile ? '补充画像中缺少的信息后结论会更准确（企业服务门户 → 企业画像）。' : '登录企业服务门户填写企业画像，可以随时查看完整的匹配结果。'] : []),
    `依据：${view.legalBasis}`,
  ];
  return {
    text: lines.join('\n'),
    card: {
      stage: 'verdict',
      ruleId: rule.id,
      ruleName: rule.name,
      fromProfile,
      asked,
      verdict: view.verdict,
      verdictText: view.verdictText,
      conditions: view.conditions,
      reasons: view.reasons,
      missing: view.missing,
      ...(view.benefit ? { benefit: view.benefit } : {}),
      ...(view.applicationPeriod ? { applicationPeriod: view.applicationPeriod } : {}),
      ...(view.guide ? { guide: view.guide } : {}),
      legalBasis: view.legalBasis,
    },
    suggestions: view.guide ? [`${rule.name}怎么申报`] : [],
  };
}
