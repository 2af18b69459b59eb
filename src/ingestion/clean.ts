/**
 * @module ingestion/clean
 * Turns text extracted from scans, PDFs and newspaper pages into readable paragraphs: lines
 * broken by the column are joined, headings and real paragraph breaks are kept, repeated
 * headlines and page furniture are dropped, and widths and spaces are normalised.
 */
import { collapseSpaces, isAsciiAlnum, toHalfWidth, visualWidth } from './chars.js';
import { BYLINE_START, DATE_LINE, DOC_NUMBER, ENUMERATED, FURNITURE, TITLE_SUFFIX } from './patterns.js';

/** Cleans extracted text; paragraphs in the result are separated by one blank line. */
export function cleanText(raw: string): string {
  const lines = dropRepeatedLines(prepareLines(raw));
  return dedupeParagraphs(joinLines(lines)).join('\n\n');
}

function prepareLines(raw: string): string[] {
  const text = toHalfWidth(
    raw
      .replace(/\r\n?/g, '\n')
      .replace(/[\f\v\u2028\u2029]/g, '\n')
      .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, ''),
  );
  // Blank lines carry no information here: scans put them between every line of a paragraph.
  return text
    .split('\n')
    .map((line) => undouble(collapseSpaces(line)))
    .filter((line) => line !== '' && !FURNITURE.some((re) => re.test(line)));
}

/** A headline printed twice in a row (`标题标题`) by the extractor. */
function undouble(line: string): string {
  return line
    .split(' ')
    .map((word) => {
      const half = word.length / 2;
      return word.length >= 8 && Number.isInteger(half) && word.slice(0, half) === word.slice(half) ? word.slice(0, half) : word;
    })
    .join(' ');
}

/**
 * Drops repeated headline lines, lines a page extractor emitted twice, and running headers
 * (a short unpunctuated line that comes back on every page).
 */
function dropRepeatedLines(lines: string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of lines) {
    const width = visualWidth(line);
    const repeat = seen.has(line);
    const runningHeader =
      (counts.get(line) ?? 0) >= 3 && line.length >= 6 && width <= 40 && !/[\p{P}]$/u.test(line) && !ENUMERATED.test(line);
    const consecutive = out[out.length - 1] === line && width >= 4;
    if (consecutive || (repeat && (width >= 16 || runningHeader))) continue;
    seen.add(line);
    out.push(line);
  }
  return out;
}

function joinLines(lines: string[]): string[] {
  const widths = lines.map(visualWidth);
  const captions = lines.map(isCaption);
  const paragraphs: string[] = [];
  let current = '';
  // Photo captions that the layout dropped into the middle of a sentence wait until it ends.
  let pending: string[] = [];
  // A caption floats when it is not set in the column around it (a paragraph's own last line
  // may end with a credit too, `…竞争力。 周乐蒙/摄`).
  const floats = (i: number): boolean =>
    /^图为/.test(lines[i]!) || widths[i]! < 0.75 * Math.min(widths[i - 1] ?? 0, widths[i + 1] ?? 0);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (captions[i] && current !== '' && floats(i)) {
      pending.push(line);
      continue;
    }
    const startsParagraph = current === '';
    current = startsParagraph ? line : joinPair(current, line);
    let j = i + 1;
    while (!captions[i] && j < lines.length && captions[j] && floats(j)) j++;
    const next = lines[j];
    if (next === undefined || breaksAfter(line, next, startsParagraph, widths, i, j)) {
      paragraphs.push(current, ...pending);
      current = '';
      pending = [];
    }
  }
  return [...paragraphs, ...pending];
}

/** `图为…`, or a line ending with a photo credit (`受访者供图`, `雷键/摄`, `。尹才震摄`). */
const isCaption = (line: string): boolean => /^图为/.test(line) || /(?:供图|[/／]摄|。[^，。、]{2,10}摄)$/.test(line);

/** Whether the paragraph ends after `line`, given the line after it. */
function breaksAfter(line: string, next: string, startsParagraph: boolean, widths: number[], i: number, j: number): boolean {
  if (endsSentence(line)) return true;
  if (startsBlock(next) || isHeading(line)) return true;
  const width = widths[i]!;
  const column = columnWidth(widths, j);
  const short = width < 0.7 * column;
  // A numbered heading on its own line, not the first line of a long numbered paragraph.
  if (startsParagraph && short && ENUMERATED.test(line)) return true;
  // A document title (…的通知, …办法) stands alone however narrow the page.
  if (startsParagraph && TITLE_SUFFIX.test(line) && !isProse(line, width)) return true;
  if (startsParagraph && isStandaloneMark(line)) return true;
  // A comma at the end, or sentence punctuation inside, means prose broken by the column.
  if (/[，、,“‘《〈（(〔【—]$/.test(line) || isProse(line, width)) return false;
  // Bylines, names and table cells: too short to be a full column line.
  if (startsParagraph && width < 8) return true;
  // Inside a paragraph only a much shorter line ends it (its column changed, or a headline follows).
  return startsParagraph ? short : width < 0.5 * column;
}

/** Ends a sentence: `。！？；：…` or a closing quote/bracket right after one. */
function endsSentence(line: string): boolean {
  const bare = line.replace(/[”’」』）)】〕"']+$/, '');
  if (bare !== line && bare === '') return false;
  if (/[。！？；：…!?;:]$/.test(bare)) return true;
  if (isCaption(line)) return true;
  return /[^\d.]\.$/.test(bare);
}

/** A line that must open a paragraph whatever came before it. */
function startsBlock(line: string): boolean {
  return (
    isHeading(line) ||
    /^(?:[-*+]\s|>\s?)/.test(line) ||
    ENUMERATED.test(line) ||
    BYLINE_START.test(line) ||
    DATE_LINE.test(line) ||
    // The salutation of a notice: 各有关单位： / 各区人民政府，市政府各部门：
    /^各[^。！？]{1,60}[:：]$/.test(line) ||
    isDocNumberLine(line)
  );
}

/** Markdown headings and table rows stand alone. */
const isHeading = (line: string): boolean => /^#{1,6}\s/.test(line) || /^\|.*\|$/.test(line);

const isDocNumberLine = (line: string): boolean => {
  const m = DOC_NUMBER.exec(line);
  return m !== null && m.index === 0 && visualWidth(line) <= 24;
};

const isStandaloneMark = (line: string): boolean => DATE_LINE.test(line) || isDocNumberLine(line);

function isProse(line: string, width: number): boolean {
  return /[。！？；][^”’」』）)]/.test(line) || (/[，,]./.test(line) && width > 12);
}

/**
 * The width of the column a line is set in, read from the lines that follow it: a paragraph's
 * first line shares its column with the lines after it, not with the paragraph before.
 */
function columnWidth(widths: number[], from: number): number {
  const following = widths.slice(from, from + 5);
  if (following.length >= 3) return median(following);
  // Near the end there are too few lines after; the next line and the page around it tell.
  return Math.max(widths[from]!, median(widths.slice(Math.max(0, from - 6), from + 5)));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Chinese joins with nothing between; English words broken across lines get their space back. */
function joinPair(left: string, right: string): string {
  const x = left[left.length - 1] ?? '';
  const before = left[left.length - 2] ?? '';
  const y = right[0] ?? '';
  const english = isAsciiAlnum(y) && (/[A-Za-z]/.test(x) || (/\d/.test(x) && /[A-Za-z]/.test(y)) || (/[,.;:!?)]/.test(x) && /[A-Za-z]/.test(before)));
  return english ? `${left} ${right}` : left + right;
}

/** How far apart (in paragraphs) a pull quote and its source may be: about a printed page. */
const PULL_QUOTE_REACH = 40;

/**
 * Drops paragraphs printed twice, and pull quotes: a paragraph of some length whose text is
 * contained in a longer paragraph nearby.
 */
function dedupeParagraphs(paragraphs: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  paragraphs.forEach((p, i) => {
    const width = visualWidth(p);
    if ((width >= 10 && seen.has(p)) || out[out.length - 1] === p) return;
    const nearby = paragraphs.slice(Math.max(0, i - PULL_QUOTE_REACH), i + PULL_QUOTE_REACH + 1);
    if (width >= 30 && nearby.some((q) => q.length > p.length && q.includes(p))) return;
    seen.add(p);
    out.push(p);
  });
  return out;
}
