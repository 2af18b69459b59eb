/**
 * @module directory/chat
 * Chat questions that ask to find something in the directory — “有没有500平米以上的厂房出租”,
 * “找一家做知识产权代理的机构”, “有哪些贷款贴息的资金”, “科技局在哪办公几点上班” — answered from its
 * entries, with the figures understood said back. Anything else (a policy, a procedure) returns
 * undefined and the knowledge base answers. Pure: the caller gives the visible entries and today.
 */
import type { Answer } from '../answering/answer.js';
import { describeRange, parseConstraints, type Constraints } from './constraints.js';
import { matchesFilter, searchableText, type DirectoryFilter } from './filter.js';
import { directoryIntent, withoutCueWords, type DirectoryIntent, type GovernmentAspect } from './intent.js';
import { isVisible, type DirectoryEntry, type StoredEntry } from './model.js';
import { cardOf } from './present.js';

/** Entries listed in one answer; the text says how many more there are. */
export const MAX_LISTED = 5;

const NOUNS: Record<DirectoryEntry['kind'], string> = { government: '部门', fund: '资金', service: '服务机构', market: '供需信息', talent: '人才项目和岗位', space: '房源' };

export function answerFromDirectory(question: string, entries: readonly StoredEntry[], today: string): Answer | undefined {
  const visible = entries.filter((s) => isVisible(s, today));
  const constraints = parseConstraints(question);
  const intent = directoryIntent(question, visible, {
    space: Boolean(constraints.area || constraints.rent || constraints.floorLoad),
    amount: Boolean(constraints.amount),
  });
  if (!intent) return undefined;
  if (intent.kind === 'government') return governmentAnswer(intent);

  const filter = filterOf(intent, constraints, question, visible);
  const found = relevant(visible.filter((s) => matchesFilter(s.entry, filter)).map((s) => s.entry), question);
  ranked(found, constraints);
  const wanted = describeWanted(intent, constraints, filter);
  if (!found.length) {
    return {
      text: `目录中暂时没有${wanted}。可以放宽条件再问，或在企业服务平台的“七找”目录中按条件筛选。`,
      type: 'directory',
      citations: [],
      confidence: 0.6,
      suggestions: [],
      directory: [],
    };
  }
  const listed = found.slice(0, MAX_LISTED);
  const lines = listed.map((e, i) => `${i + 1}. ${e.name}：${cardOf(e).facts.filter((f) => f.label !== '状态').map((f) => `${f.label}${f.value}`).join('，')}`);
  const more = found.length > listed.length ? `\n另有${found.length - listed.length}条，可在“七找”目录中查看。` : '';
  return {
    text: `为您找到${found.length}条${wanted}：\n${lines.join('\n')}${more}`,
    type: 'directory',
    citations: [],
    confidence: 0.85,
    suggestions: [],
    directory: listed.map(cardOf),
  };
}

function filterOf(intent: DirectoryIntent, c: Constraints, question: string, visible: readonly StoredEntry[]): DirectoryFilter {
  const filter: DirectoryFilter = { kind: intent.kind };
  if (intent.type) filter.type = intent.type;
  const districts = new Set(visible.map((s) => s.entry.district).filter((d): d is string => Boolean(d)));
  const district = [...districts].find((d) => question.includes(d));
  if (district) filter.district = district;
  if (intent.kind === 'space') {
    // Someone looking for space wants what can be let.
    filter.vacantOnly = true;
    if (c.area?.min !== undefined) filter.areaMin = c.area.min;
    if (c.area?.max !== undefined) filter.areaMax = c.area.max;
    if (c.rent?.max !== undefined) filter.rentMax = c.rent.max;
    if (c.floorLoad?.min !== undefined) filter.loadMin = c.floorLoad.min;
  }
  if (intent.kind === 'fund' && c.amount?.min !== undefined) filter.amountMin = c.amount.min;
  return filter;
}

/**
 * The entries the question's own words point at (求购注塑件 → the post about 注塑件), most first.
 * Character pairs every candidate shares (代理 among agencies), or more than half of many, say
 * nothing and are dropped; when no pair is left, every candidate stays, in its order.
 */
function relevant(found: DirectoryEntry[], question: string): DirectoryEntry[] {
  if (found.length < 2) return found;
  const texts = found.map((e) => searchableText(e));
  const pairs = new Set<string>();
  const q = withoutCueWords(question).replace(/[^\p{Script=Han}A-Za-z0-9]/gu, ' ');
  for (let i = 0; i + 1 < q.length; i++) if (/^(?:\p{Script=Han}{2}|[A-Za-z]{2})$/u.test(q.slice(i, i + 2))) pairs.add(q.slice(i, i + 2));
  const telling = [...pairs].filter((p) => {
    const count = texts.filter((t) => t.includes(p)).length;
    return count < found.length && (found.length < 4 || count <= found.length / 2);
  });
  const scores = texts.map((t) => telling.filter((p) => t.includes(p)).length);
  if (Math.max(...scores) === 0) return found;
  return found.map((entry, i) => ({ entry, score: scores[i]! })).filter((x) => x.score > 0).sort((a, b) => b.score - a.score).map((x) => x.entry);
}

/** Space nearest the area asked first (else smallest first); funds by the most they give. */
function ranked(found: DirectoryEntry[], c: Constraints): void {
  const target = c.area?.approximate && c.area.min !== undefined && c.area.max !== undefined ? (c.area.min + c.area.max) / 2 : undefined;
  found.sort((a, b) => {
    if (a.kind === 'space' && b.kind === 'space') return target !== undefined ? Math.abs(a.areaM2 - target) - Math.abs(b.areaM2 - target) : a.areaM2 - b.areaM2;
    if (a.kind === 'fund' && b.kind === 'fund') return (b.amountMax ?? 0) - (a.amountMax ?? 0);
    return 0;
  });
}

/** “面积500 m²以上、承重9.8 kN/m²以上的空置厂房”: what was understood, said back. */
function describeWanted(intent: DirectoryIntent, c: Constraints, filter: DirectoryFilter): string {
  const parts: string[] = [];
  if (filter.district) parts.push(`位于${filter.district}`);
  if (intent.kind === 'space') {
    if (c.area) parts.push(`面积${describeRange(c.area, ' m²')}`);
    if (c.rent?.max !== undefined) parts.push(`租金${c.rent.max}元/m²/月以下`);
    if (c.floorLoad?.min !== undefined) parts.push(`承重${c.floorLoad.min} kN/m²以上`);
  }
  if (intent.kind === 'fund' && c.amount?.min !== undefined) parts.push(`可达${c.amount.min}万元`);
  const noun = intent.kind === 'space' ? `空置${intent.type ?? '房源'}` : intent.type ? `${intent.type}${intent.kind === 'service' ? '机构' : intent.kind === 'fund' && !/资金|基金/.test(intent.type) ? '类资金' : ''}` : NOUNS[intent.kind];
  return `${parts.length ? `${parts.join('、')}的` : ''}${noun}`;
}

const ASPECT_LABELS: Record<GovernmentAspect, string[]> = { place: ['地址'], hours: ['办公时间'], phone: ['电话'], handles: ['受理事项'] };

/** A department or window named: what was asked of it (where, when, phone), or all it has. */
function governmentAnswer(intent: DirectoryIntent): Answer {
  const named = (intent.named ?? []).slice(0, 3).map((s) => s.entry);
  const wanted = new Set((intent.aspects ?? []).flatMap((a) => ASPECT_LABELS[a]));
  const lines = named.map((e) => {
    const facts = cardOf(e).facts.filter((f) => !wanted.size || wanted.has(f.label));
    const said = facts.length ? facts : cardOf(e).facts;
    const missing = [...wanted].filter((label) => !said.some((f) => f.label === label));
    return `${e.name}：${said.map((f) => `${f.label}${f.value}`).join('；')}${missing.length ? `（目录中未写明${missing.join('、')}）` : ''}`;
  });
  return {
    text: lines.join('\n'),
    type: 'directory',
    citations: [],
    confidence: 0.85,
    suggestions: [],
    directory: named.map(cardOf),
  };
}
