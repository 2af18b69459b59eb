/**
 * @module ingestion/detect
 * Reads what a plain document says about itself: its title, dates, 文号, issuer, and whether it
 * is a policy document at all. Works on text from `cleanText` (paragraphs split by blank lines).
 */
import { visualWidth } from './chars.js';
import { parseDate } from './dates.js';
import { BYLINE_START, DATE_LINE, DATE_SOURCE, DOC_NUMBER, FURNITURE, TITLE_SUFFIX } from './patterns.js';

const paragraphsOf = (text: string): string[] =>
  text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);

/** Title candidates are looked for among the first lines only; later short lines are headings. */
const TITLE_WINDOW = 8;
const MAX_TITLE_WIDTH = 80;

/**
 * The document's title: a Markdown heading near the top, else the first line that reads like a
 * policy title, else the first short line that is not a byline, date, 文号 or letterhead.
 */
export function detectTitle(text: string): string | undefined {
  const lines = paragraphsOf(text).slice(0, TITLE_WINDOW);
  const heading = lines.find((l) => /^#{1,6}\s/.test(l));
  if (heading) return heading.replace(/^#+\s*/, '').trim() || undefined;
  const candidates = lines.filter(isTitleLike);
  const titled = candidates.find((l) => TITLE_SUFFIX.test(l));
  return titled ? withWrappedStart(titled, lines) : candidates[0];
}

function isTitleLike(line: string): boolean {
  const width = visualWidth(line);
  if (width < 2 || width > MAX_TITLE_WIDTH) return false;
  if (/[。！？；：:;!?，,]$/.test(line) || /[。！？；]/.test(line)) return false;
  // A long line with commas and colons is prose that lost its full stop.
  if (width > 40 && /[，,：:].*[，,：:]/.test(line)) return false;
  if (BYLINE_START.test(line) || FURNITURE.some((re) => re.test(line))) return false;
  if (DATE_LINE.test(line) || /^\d{4}[-/.年]/.test(line)) return false;
  const docNumber = DOC_NUMBER.exec(line);
  if (docNumber && docNumber.index === 0) return false;
  // Letterhead (`XX市人民政府文件`), signature and classification marks are not titles.
  if (/文件$|^(?:签发人|密级|紧急程度|特急|加急|索引号|主题分类|发文机关|发布机构)/.test(line)) return false;
  return true;
}

/** A title wrapped onto two lines (`关于印发《…` / `…》的通知`) is put back together. */
function withWrappedStart(title: string, lines: string[]): string {
  const start = lines[lines.indexOf(title) - 1];
  if (!start || !isTitleLike(start) || TITLE_SUFFIX.test(start)) return title;
  const openBook = (start.match(/《/g)?.length ?? 0) > (start.match(/》/g)?.length ?? 0);
  const opensTitle = /关于/.test(start) && !/关于/.test(title);
  return (openBook || opensTitle) && visualWidth(start + title) <= MAX_TITLE_WIDTH ? start + title : title;
}

/**
 * A title read from text that lost its line breaks (web text flattened onto one line, as in
 * the eval corpus): the words before the first space that end like a document title.
 */
export function runOnTitle(text: string, loose = false): string | undefined {
  const head = text.trim().slice(0, 200);
  const titled =
    /^(.{4,80}?(?:通知|通告|公告|办法|意见|规定|细则|决定|方案|措施|条例|规则|指引|指南|批复|公示|决议|通报|函)(?:（[^）]{1,8}）|\([^)]{1,8}\))?)(?=\s|$)/u.exec(head);
  if (titled) return titled[1]!.trim();
  if (!loose) return undefined;
  const sentence = /^[^。！？；：，,]{2,40}/.exec(head)?.[0]?.trim();
  return sentence || head.slice(0, 30).trim() || undefined;
}

export interface DetectedDates {
  /** The date the document was issued or published. */
  date?: string;
  effectiveDate?: string;
  expiryDate?: string;
}

const LABELLED_DATE = new RegExp(`(?:成文日期|发文日期|印发日期|发布日期|发布时间|公布日期|发表日期|日期|时间)\\s*[:：]?\\s*(${DATE_SOURCE})`, 'u');
const EFFECTIVE = new RegExp(`自\\s*(${DATE_SOURCE})\\s*起(?:施行|实施|执行|生效)|(${DATE_SOURCE})\\s*起(?:施行|实施|执行|生效)|施行日期\\s*[:：]\\s*(${DATE_SOURCE})`, 'u');
const EXPIRY = new RegExp(`有效期(?:自\\s*${DATE_SOURCE}\\s*(?:起)?)?至\\s*(${DATE_SOURCE})|(${DATE_SOURCE})\\s*(?:起)?(?:废止|失效)`, 'u');
const ANY_DATE = new RegExp(DATE_SOURCE, 'u');

/**
 * The document's own date (a labelled 发布日期, else the date under the signature at the end,
 * else a dateline at the top) and, for policies, when it takes effect and expires.
 */
export function detectDates(text: string): DetectedDates {
  const paragraphs = paragraphsOf(text);
  const firstOf = (re: RegExp): string | undefined => {
    const m = re.exec(text);
    return m ? parseDate(m.slice(1).find(Boolean) ?? '') : undefined;
  };
  return {
    date: firstOf(LABELLED_DATE) ?? signatureDate(paragraphs) ?? datelineDate(paragraphs),
    effectiveDate: firstOf(EFFECTIVE),
    expiryDate: firstOf(EXPIRY),
  };
}

/** The 成文日期 on its own line near the end, possibly after the issuer (`XX市人民政府 2024年3月5日`). */
function signatureDate(paragraphs: string[]): string | undefined {
  for (const p of paragraphs.slice(-6).reverse()) {
    const m = ANY_DATE.exec(p);
    if (!m || visualWidth(p) > 40) continue;
    const rest = p.slice(m.index + m[0].length).replace(/[（）()\s]/g, '');
    if (rest === '' || /^[（(]?此件/.test(rest)) return parseDate(m[0]);
  }
  return undefined;
}

/** A dateline in the first lines (`2024-03-05 10:00 来源：…`), or a date opening the first sentence. */
function datelineDate(paragraphs: string[]): string | undefined {
  for (const p of paragraphs.slice(0, 4)) {
    const m = ANY_DATE.exec(p);
    if (m && (visualWidth(p) <= 40 || m.index <= 12)) return parseDate(m[0]);
  }
  return undefined;
}

/**
 * The 文号: after a label anywhere near the top, or on a short line of its own among the first
 * lines, or opening a line. A 文号 cited in the body (`根据…（国办发〔2020〕1号）`) is not the
 * document's own.
 */
export function detectDocNumber(text: string): string | undefined {
  const labelled = new RegExp(`(?:发文字号|文号|发文号)\\s*[:：]\\s*(${DOC_NUMBER.source})`, 'u').exec(text.slice(0, 3000));
  if (labelled) return tidyDocNumber(labelled[1]!);
  for (const p of paragraphsOf(text).slice(0, 12)) {
    const m = DOC_NUMBER.exec(p);
    // On a line of its own (perhaps beside 签发人), not inside a sentence.
    if (m && (m.index === 0 || (visualWidth(p) <= 40 && !/[，。；,]/.test(p)))) return tidyDocNumber(m[0]);
  }
  return undefined;
}

/** OCR spaces around digits and brackets go; the space between joint issuers stays. */
const tidyDocNumber = (s: string): string =>
  s.replace(/\s+/g, ' ').replace(/\s(?=[\d〔〕[\]［］【】()（）年第号])|(?<=[\d〔〕[\]［］【】()（）年第号])\s/g, '').trim();

const ORG_SUFFIX = /(?:部|委|局|厅|办|院|府|会|署|室|处|中心|政府|办公厅|委员会|管委会|总局|银行|集团|公司|协会|联合会|领导小组|指挥部)$/;

/**
 * Who issued a policy, when the text says so: a label, the letterhead (`XX局文件`), the words
 * before 关于 in the title, or the signature above the date at the end.
 */
export function detectIssuer(text: string, title?: string): string | undefined {
  const labelled = /(?:发文机关|发布机构|发文单位|发布单位|制发机关)\s*[:：]\s*([^\s，。；,;]{2,40})/u.exec(text.slice(0, 3000));
  if (labelled) return labelled[1];
  const paragraphs = paragraphsOf(text);
  const letterhead = paragraphs.slice(0, 3).find((p) => /^.{2,30}文件$/.test(p));
  if (letterhead) return letterhead.replace(/文件$/, '').replace(/\s+/g, ' ').trim();
  const before = title ? /^(.{2,40}?)\s*关于/.exec(title)?.[1]?.trim() : undefined;
  if (before && ORG_SUFFIX.test(before)) return before;
  const tail = paragraphs.slice(-6);
  for (let i = tail.length - 1; i > 0; i--) {
    const org = tail[i - 1]!;
    if (DATE_LINE.test(tail[i]!) && visualWidth(org) <= 30 && ORG_SUFFIX.test(org)) return org;
  }
  return undefined;
}

/** A policy document: it carries a 文号 at the top, or its title ends like one (…的通知, …办法). */
export function looksLikePolicy(title: string | undefined, text: string): boolean {
  return detectDocNumber(text) !== undefined || (title !== undefined && TITLE_SUFFIX.test(title));
}
