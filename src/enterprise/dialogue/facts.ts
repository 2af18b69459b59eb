/**
 * @module enterprise/dialogue/facts
 * One missing fact at a time, in words: the question the chat asks for a profile fact the rule
 * needs (“贵公司去年（2025年）的销售（营业）收入大约是多少？”), and the reading of the answer as
 * people give it (“去年营收八千万”, “三百多人”, “2019年3月”, “没有”, “不知道”) into the profile.
 */
import { parseQuantity, parseYesNo } from '../forms/spoken-numbers.js';
import { yearPhrase } from '../forms/questions.js';
import { IP_TYPES, PROFILE_FIELDS, factLabel, type FactKey } from '../profile-fields.js';
import { parseIndustryCode } from '../industry.js';

/** The ip types asked one by one when a rule needs the IP count; the block counts only once all are asked. */
export const IP_ASKED = ['inventionPatents', 'utilityModels', 'softwareCopyrights'] as const;

export const UNKNOWN_WORDS = /不知道|不清楚|不确定|说不准|不记得|忘了|没数|不了解|跳过|下一个|不好说/;

export type Reading = { kind: 'value'; value: unknown; approximate?: boolean } | { kind: 'unknown' } | { kind: 'unreadable'; hint: string };

/** The fact keys to ask for one missing key: `ip` is asked type by type. */
export function askableKeys(missingKey: string): string[] {
  return missingKey === 'ip' ? IP_ASKED.map((t) => `ip.${t}`) : [missingKey];
}

function yearOf(key: string): number | undefined {
  const year = /\.(\d{4})$/.exec(key)?.[1];
  return year ? Number(year) : undefined;
}

/** The plain question for one fact key, as of a year (去年 = the year before `asOfYear`). */
export function questionForFact(key: string, asOfYear: number): string {
  const [head, tail] = key.split('.') as [string, string | undefined];
  if (head === 'ip' && tail) return `贵公司目前拥有${IP_TYPES[tail as keyof typeof IP_TYPES]?.label ?? '知识产权'}多少件？（没有就说“没有”）`;
  if (head === 'qualifications') return '贵公司目前是否持有高新技术企业证书、科技型中小企业入库编号、专精特新等资质？（没有就说“没有”）';
  if (head === 'honours') return '贵公司近几年是否获得过省级以上科技奖励、建有市级以上研发机构，或主导制定过标准？（没有就说“没有”）';
  if (head === 'incidents') return '贵公司近一两年是否发生过重大安全或质量事故，或有严重违法失信、偷漏税等记录？（没有就说“没有”）';
  const info = PROFILE_FIELDS[head as FactKey];
  if (!info) return `请问贵公司的${factLabel(key)}是多少？`;
  const year = yearOf(key);
  const of = `贵公司${year !== undefined ? yearPhrase(year, asOfYear) : ''}的${info.label}`;
  switch (info.unit) {
    case 'money':
      return `${of}大约是多少？（可以说“八千万”“三百五十万元”）`;
    case 'people':
      return `${of}大约有多少人？`;
    case 'points':
      return `${of}大约是多少分？（满分100分）`;
    case 'date':
      return `${of}是哪一年哪一月？（如“2019年3月”）`;
    case 'yes-no': {
      const when = year !== undefined ? yearPhrase(year, asOfYear) : '';
      return `请问贵公司${when}${info.label}${info.label.includes('是否') ? '' : '吗'}？请回答“是”或“不是”。`;
    }
    default:
      return head === 'industryCode' ? `贵公司所属行业的国民经济行业分类代码是什么？（如软件开发为 I6511；不清楚可以说“不知道”）` : `请问${of}是什么？`;
  }
}

function readDate(text: string): string | undefined {
  const t = text.normalize('NFKC');
  const iso = /(\d{4})[-/.年](\d{1,2})(?:[-/.月](\d{1,2}))?/.exec(t);
  const yearOnly = /(\d{4})年/.exec(t);
  const [y, m, d] = iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3] ?? 1)] : yearOnly ? [Number(yearOnly[1]), 1, 1] : [];
  if (y === undefined || m === undefined || d === undefined || m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2100) return undefined;
  const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return new Date(`${s}T00:00:00Z`).toISOString().startsWith(s) ? s : undefined;
}

const NONE = /^(?:没有|没|无|都没有|一个也没有|一件也没有|零|0)(?:$|[件个项人，。,.!！])/;

/** Reads an answer for `key`; a number for a count of items or people accepts 没有 as zero. */
export function readAnswer(key: string, text: string): Reading {
  const said = text.trim();
  if (UNKNOWN_WORDS.test(said)) return { kind: 'unknown' };
  const [head] = key.split('.') as [string];
  if (head === 'qualifications' || head === 'honours' || head === 'incidents') {
    const yes = parseYesNo(said);
    if (yes === false || NONE.test(said)) return { kind: 'value', value: [] };
    // Which ones, and when, is more than a chat turn should take: the portal's profile holds them.
    if (yes === true) return { kind: 'unknown' };
    return { kind: 'unreadable', hint: '请回答“有”或“没有”。' };
  }
  if (head === 'ip') {
    if (NONE.test(said)) return { kind: 'value', value: 0 };
    const q = parseQuantity(said, '件');
    return q && Number.isInteger(q.value) && q.value >= 0 ? { kind: 'value', value: q.value, approximate: q.approximate } : { kind: 'unreadable', hint: '请说一个件数，比如“3件”，没有就说“没有”。' };
  }
  const info = PROFILE_FIELDS[head as FactKey];
  switch (info?.unit) {
    case 'money': {
      const q = parseQuantity(said, '万元');
      return q && q.value >= 0 ? { kind: 'value', value: q.value, approximate: q.approximate } : { kind: 'unreadable', hint: '请说一个金额，比如“八千万”或“350万元”。' };
    }
    case 'people':
    case 'points': {
      if (info.unit === 'people' && NONE.test(said)) return { kind: 'value', value: 0 };
      const q = parseQuantity(said, info.unit === 'people' ? '人' : '分');
      const ok = q && q.value >= 0 && (info.unit === 'points' ? q.value <= 100 : Number.isInteger(q.value));
      return ok ? { kind: 'value', value: q.value, approximate: q.approximate } : { kind: 'unreadable', hint: info.unit === 'people' ? '请说一个人数，比如“三百多人”。' : '请说0到100之间的分数。' };
    }
    case 'date': {
      const date = readDate(said);
      return date ? { kind: 'value', value: date } : { kind: 'unreadable', hint: '请说年份和月份，比如“2019年3月”。' };
    }
    case 'yes-no': {
      const yes = parseYesNo(said);
      return yes === undefined ? { kind: 'unreadable', hint: '请回答“是”或“不是”。' } : { kind: 'value', value: yes };
    }
    default: {
      if (head === 'industryCode') {
        const code = /[A-Ta-t]?\d{2,4}/.exec(said.normalize('NFKC'))?.[0];
        const parsed = code ? parseIndustryCode(code.toUpperCase()) : undefined;
        return parsed ? { kind: 'value', value: parsed.code } : { kind: 'unreadable', hint: '请说行业代码，比如“I6511”；不清楚可以说“不知道”。' };
      }
      return said ? { kind: 'value', value: said.slice(0, 100) } : { kind: 'unreadable', hint: '' };
    }
  }
}

/** Puts an answered fact into a profile input (`revenue.2025` → `{ revenue: { 2025: v } }`). */
export function setFact(input: Record<string, unknown>, key: string, value: unknown): void {
  const [head, tail] = key.split('.') as [string, string | undefined];
  if (tail === undefined) {
    input[head] = value;
    return;
  }
  const group = (input[head] ??= {}) as Record<string, unknown>;
  group[tail] = value;
}

/** Words people use for the facts a chat answer may name (“去年营收八千万” while asked something else). */
const MENTIONS: Array<[RegExp, FactKey]> = [
  [/高新(?:技术)?(?:产品|服务)?(?:（服务）)?收入/, 'highTechRevenue'],
  [/境内研发/, 'rdExpensesDomestic'],
  [/研发(?:投入|费用|经费|支出)|研究开发费用/, 'rdExpenses'],
  [/营收|营业收入|销售收入|销售额|收入/, 'revenue'],
  [/总资产|资产总额/, 'totalAssets'],
  [/科技人员|研发人员|技术人员/, 'stStaff'],
  [/员工|职工|人数|总人数|在职/, 'employees'],
];

/** The fact an answer names, with its year for a yearly one (去年 unless it says 前年 or a year). */
export function mentionedFact(text: string, asOfYear: number): string | undefined {
  const said = text.normalize('NFKC');
  const hit = MENTIONS.find(([pattern]) => pattern.test(said));
  if (!hit) return undefined;
  const key = hit[1];
  if (!PROFILE_FIELDS[key].yearly) return key;
  const explicit = /(20\d{2})年/.exec(said)?.[1];
  const year = explicit ? Number(explicit) : /大前年/.test(said) ? asOfYear - 3 : /前年/.test(said) ? asOfYear - 2 : /今年/.test(said) ? asOfYear : asOfYear - 1;
  return `${key}.${year}`;
}
