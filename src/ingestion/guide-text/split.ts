/**
 * @module ingestion/guide-text/split
 * Cuts a guide's text into labelled sections, whatever the layout: `【受理条件】`, `一、申请条件`,
 * `5. 申报条件`, `办理地点：…`, a heading alone on its line, and rows of a text table flattened
 * into cells (`事项名称\t个体户注销\t事项类型\t行政许可`, `| 收费 | 不收费 |`). Lines before
 * the first heading are the page's head (breadcrumbs, title, 发布时间).
 */
import { KNOWN_LABELS, targetOf, type SectionTarget } from './labels.js';

export interface Section {
  /** The heading as printed, without numbering or brackets. */
  label: string;
  target: SectionTarget;
  /** The section's text lines, the heading's own value first. */
  lines: string[];
}

export interface SplitGuide {
  head: string[];
  sections: Section[];
}

/** Numbering and bullets a heading may start with: 一、 （一） 1. (1) ◆ ▍ … */
const HEADING_PREFIX =
  /^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}\s*[、.．)）](?!\d)|[◆◇■□●○▍▌▶►★☆•·※#*>-]+)\s*/u;
/** Cells of a text table: tabs, runs of spaces (ideographic ones too) or bars. */
const CELL_BREAK = /\t+|[ \u3000]{2,}|\u3000|\s*[|｜]\s*/u;
/** Page furniture that is no part of any section. */
const NOISE = /^(?:【(?:打印|关闭|收藏|分享)[^】]*】\s*)+$|字号[:：]?\s*【?大\s*中\s*小】?$|^【?(?:打印本页|关闭窗口|返回顶部)】?$|^[|｜\s:：\-—]+$/u;

const PAGE_LINK = /打印|关闭|收藏|分享|返回|字号|[大中小]{2,}/u;
const LABEL_ALTERNATION = KNOWN_LABELS.map((l) => l.replace(/[()（）]/g, '\\$&')).join('|');
const BRACKETED = new RegExp(`^[【\\[［]\\s*([^】\\]］]{1,16}?)\\s*[】\\]］]\\s*(.*)$`, 'u');
// A single space also separates a label from its value once extraction collapsed the cells.
const COLON = new RegExp(`^(${LABEL_ALTERNATION})(?:\\s*[:：]\\s*|\\s+)(.*)$`, 'u');
const ALONE = new RegExp(`^(${LABEL_ALTERNATION})\\s*[:：]?$`, 'u');

export function splitGuide(text: string): SplitGuide {
  const head: string[] = [];
  const sections: Section[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || NOISE.test(line)) continue;
    const headings = headingsIn(line, sections.length > 0);
    if (headings.length) {
      sections.push(...headings);
      continue;
    }
    const current = sections[sections.length - 1];
    if (current) current.lines.push(line);
    else head.push(line);
  }
  return { head, sections };
}

/** The sections a line opens: none (a body line), one, or several (a flattened table row). */
function headingsIn(line: string, started: boolean): Section[] {
  const cells = line.replace(/^[|｜]|[|｜]$/g, '').split(CELL_BREAK).map((c) => c.trim()).filter(Boolean);
  if (cells.length >= 2 && targetOf(unnumbered(cells[0]!)) !== undefined) return tableRow(cells);
  const bare = unnumbered(line);
  const bracketed = BRACKETED.exec(bare);
  if (bracketed) {
    const label = bracketed[1]!.replace(/\s+/g, '');
    const target = targetOf(label);
    if (target) return [section(label, target, bracketed[2]!)];
    // An unknown bracketed heading among the sections (【基本编码】) is kept as printed; above
    // them, 【打印】【关闭】 and the like are the page's links.
    return started && !PAGE_LINK.test(label) ? [section(label, 'other', bracketed[2]!)] : [];
  }
  const colon = COLON.exec(bare) ?? ALONE.exec(bare);
  if (colon) return [section(colon[1]!, targetOf(colon[1]!)!, colon[2] ?? '')];
  // A joined heading alone on its line (`九、收费依据及标准`).
  const joined = bare.replace(/[:：]$/u, '');
  const target = joined.length <= 12 && !/[，。；,;]/u.test(joined) ? targetOf(joined) : undefined;
  return target ? [section(joined, target, '')] : [];
}

/** `label value label value …`: each known label takes the cells up to the next one. */
function tableRow(cells: string[]): Section[] {
  const out: Section[] = [];
  for (const cell of cells) {
    const label = unnumbered(cell).replace(/[:：]$/, '');
    const target = targetOf(label);
    if (target) out.push(section(label, target, ''));
    else out[out.length - 1]!.lines.push(cell);
  }
  return out;
}

const unnumbered = (s: string): string => s.replace(HEADING_PREFIX, '').trim();

function section(label: string, target: SectionTarget, value: string): Section {
  const first = value.trim();
  return { label, target, lines: first ? [first] : [] };
}
