/**
 * @module language/zones
 * Which development zones a text names. A knowledge base may hold several zones' items (the
 * zone's own, a neighbouring zone's, the city's), and a question naming one zone must not be
 * answered from another's copy of the service (docs/SEARCH.md, "Zones"). Zone names are not
 * administrative divisions (language/places): they are a place-like head and a zone suffix —
 * 青溪高新区, 星河高新技术产业开发区, 苏州工业园区, 某某经济技术开发区 — with short forms people use
 * (青溪高新 for a zone the knowledge base knows), or "this zone" said without a name (本区, 区里).
 */
import { placeIn } from './places.js';

/** What kind of zone a suffix names; two zones are the same when head and kind agree. */
export type ZoneKind = '高新区' | '经开区' | '自贸区' | '综保区' | '园区' | '开发区' | '新区';

/**
 * Zone suffixes, longest first (高新技术产业开发区 before 开发区, 高新区 before 新区). Strong ones
 * make a zone name of any name-like head; weak ones (园区, 开发区, 新区, which also end ordinary
 * words: 入驻园区, 城东新区的房子) only after a division's name or a head the knowledge base knows.
 */
const SUFFIXES: { written: string; kind: ZoneKind; strong: boolean }[] = [
  ...['高新技术产业开发区', '高新技术产业园区', '高新技术开发区', '高新技术园区', '高新园区', '高新区'].map((written) => ({
    written, kind: '高新区' as const, strong: true,
  })),
  ...['经济技术开发区', '经济开发区', '经开区'].map((written) => ({ written, kind: '经开区' as const, strong: true })),
  ...['自由贸易试验区', '自由贸易区', '自贸试验区', '自贸片区', '自贸区'].map((written) => ({ written, kind: '自贸区' as const, strong: true })),
  ...['综合保税区', '综保区', '保税区'].map((written) => ({ written, kind: '综保区' as const, strong: true })),
  ...['工业园区', '科技园区', '产业园区'].map((written) => ({ written, kind: '园区' as const, strong: true })),
  { written: '园区', kind: '园区', strong: false },
  { written: '开发区', kind: '开发区', strong: false },
  { written: '新区', kind: '新区', strong: false },
];

/** Short forms of a known zone's name: 青溪高新 (not followed by 技术: 高新技术企业 is no zone), 青溪经开. */
const SHORT_FORMS: { written: string; kind: ZoneKind }[] = [
  { written: '高新', kind: '高新区' },
  { written: '经开', kind: '经开区' },
  { written: '自贸', kind: '自贸区' },
];

const SUFFIX = new RegExp(SUFFIXES.map((s) => s.written).join('|'), 'gu');
/** The strong suffixes alone: written without a name they still say "a zone" (在高新区哪儿办). */
const STRONG_SUFFIX = new RegExp(SUFFIXES.filter((s) => s.strong).map((s) => s.written).join('|'), 'gu');

/**
 * Characters a zone's name never ends in, right before its suffix: function words, pronouns, the
 * ends of administrative and organisational names (…局高新区分局 is a bureau's branch, not a zone
 * named 理局), levels (省级, 国家级).
 */
const NOT_NAME_END = new Set([...'在来到去从是的了我你他她它们和与及或向往对给等把被让为于个本该各全每此其这那哪些级局委会部厅处科所站心家内外里驻入']);
/** Nor begins with these: 是个, 去的, 本区, 各地. */
const NOT_NAME_START = new Set([...'在来到去从是的了我你他她它们和与及或向往对给等把被让为于个本该各全每此其这那哪些驻入还以并且']);
/** Two-character words before a suffix that say what kind of zone, not which (宁波化工园区 is 宁波's). */
const TYPE_WORDS = new Set(['化工', '物流', '生态', '农业', '软件', '生物', '医药', '综合', '国际', '创新', '文化', '临空', '航空', '出口', '加工']);
/**
 * Two-character words before a suffix that are no name: 国家高新区, 附近的开发区, and the verbs
 * documents put before one (推进经济技术开发区建设, 充分利用高新区平台).
 */
const NOT_NAMES = new Set([
  '国家', '省级', '市级', '城市', '附近', '所在', '当地', '本地', '外地', '其他', '周边', '所有', '有关', '相关',
  '各类', '一些', '重点', '示范', '特色', '全国', '全省', '全市',
  '推进', '支持', '利用', '依托', '建设', '加快', '发展', '设立', '申报', '创建', '打造', '鼓励', '引导', '对接',
  '围绕', '落户', '进驻', '布局', '联合', '组织', '推动', '提升', '完善', '培育', '纳入', '认定', '批准', '扩大',
]);
/**
 * What may come right before a zone's name: the start, punctuation, a function word (在, 来, 的),
 * the end of a division (江苏省, 松岭市) or 问下. Else the two characters are the end of a longer
 * word (加快推进经济技术开发区).
 */
const BEFORE_NAME = new Set([...NOT_NAME_START, ...'省市县区镇乡下']);

/** "This zone" without its name: in a zone's own knowledge base and questions, the home zone. */
const THIS_ZONE = /本区|我区|咱区|咱们区|我们区|本园区|全区(?!域)|(?<![小社园城景厂街辖片山校])区里/u;

const HAN = /^\p{Script=Han}+$/u;

export interface ZoneMention {
  /** Head and kind, the zone's identity: 青溪高新技术产业开发区 and 青溪高新 are both `青溪·高新区`. */
  key: string;
  head: string;
  kind: ZoneKind;
  /** Where the name is written in the text (the head included). */
  start: number;
  end: number;
}

/** The identity of a zone from its head and kind. */
export function zoneKey(head: string, kind: ZoneKind): string {
  return `${head}·${kind}`;
}

/**
 * Whether two zone keys name the same zone: the same head and kind, or the same head where one
 * says only 开发区 or 园区 (天津开发区 is how people say 天津经济技术开发区).
 */
export function sameZone(a: string, b: string): boolean {
  if (a === b) return true;
  const [headA, kindA] = a.split('·');
  const [headB, kindB] = b.split('·');
  return headA === headB && (GENERIC_KINDS.has(kindA!) || GENERIC_KINDS.has(kindB!));
}

const GENERIC_KINDS = new Set(['开发区', '园区']);

/** The head of a zone key: the name people also give the zone's city (青溪 of 青溪市). */
export function zoneHead(key: string): string {
  return key.split('·')[0]!;
}

/**
 * The zones a text names, in order. `knownHeads` are the heads of zones the knowledge base knows:
 * their short forms (青溪高新) and weak suffixes (青溪园区) count too.
 */
export function zoneMentions(text: string, knownHeads: ReadonlySet<string> = new Set()): ZoneMention[] {
  const found: ZoneMention[] = [];
  for (const match of text.matchAll(SUFFIX)) {
    const suffix = SUFFIXES.find((s) => s.written === match[0])!;
    const mention = headBefore(text, match.index, suffix.kind, suffix.strong, knownHeads);
    if (mention) found.push({ ...mention, end: match.index + match[0].length });
  }
  for (const head of knownHeads) {
    for (const form of SHORT_FORMS) {
      const written = head + form.written;
      for (let at = text.indexOf(written); at >= 0; at = text.indexOf(written, at + 1)) {
        const end = at + written.length;
        if (text.startsWith('技术', end) || found.some((m) => m.start <= at && at < m.end)) continue;
        found.push({ key: zoneKey(head, form.kind), head, kind: form.kind, start: at, end });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The zone named right before a suffix at `at`: two characters of a name (青溪), a city's name
 * (青溪市高新区 is 青溪高新区), with kind words passed over (宁波化工园区).
 */
function headBefore(
  text: string,
  at: number,
  kind: ZoneKind,
  strong: boolean,
  knownHeads: ReadonlySet<string>,
): Omit<ZoneMention, 'end'> | undefined {
  let end = at;
  if (text[end - 1] === '市') end--;
  while (TYPE_WORDS.has(text.slice(end - 2, end))) end -= 2;
  const head = text.slice(end - 2, end);
  if (head.length < 2 || !HAN.test(head) || NOT_NAMES.has(head)) return undefined;
  if (NOT_NAME_END.has(head[1]!) || NOT_NAME_START.has(head[0]!)) return undefined;
  const start = end - 2;
  if (!knownHeads.has(head) && !startsName(text, start)) return undefined;
  if (!strong && !knownHeads.has(head) && !placeIn(head)) return undefined;
  return { key: zoneKey(head, kind), head, kind, start };
}

/** Whether a name can start at `start`: after a boundary, or after a division's name (武汉东湖高新区). */
function startsName(text: string, start: number): boolean {
  const before = text[start - 1];
  if (!before || !HAN.test(before) || BEFORE_NAME.has(before)) return true;
  return !!placeIn(text.slice(Math.max(0, start - 3), start)) || !!placeIn(text.slice(start - 2, start));
}

/**
 * Whether a question speaks of "this zone" without naming it: 本区, 区里, or a zone suffix with no
 * name (在高新区哪儿办). Read as the home zone.
 */
export function mentionsThisZone(text: string, mentions: readonly ZoneMention[] = zoneMentions(text)): boolean {
  if (THIS_ZONE.test(text)) return true;
  return [...text.matchAll(STRONG_SUFFIX)].some((match) => !mentions.some((m) => m.start <= match.index && match.index < m.end));
}

/** The parts of a text that say which zone (named or "本区"), for blanking out of its topic. */
export function zoneSpans(text: string, knownHeads: ReadonlySet<string> = new Set()): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = zoneMentions(text, knownHeads).map(({ start, end }) => ({ start, end }));
  for (const match of text.matchAll(new RegExp(`${THIS_ZONE.source}|${STRONG_SUFFIX.source}`, 'gu'))) {
    const start = match.index;
    if (!spans.some((s) => s.start <= start && start < s.end)) spans.push({ start, end: start + match[0].length });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** The zone a name such as XIAOXIN_ZONE_NAME (星河高新区政务服务中心) names, if any. */
export function zoneNamed(name: string): ZoneMention | undefined {
  return zoneMentions(name)[0];
}
