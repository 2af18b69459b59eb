/**
 * @module ingestion/guide-text/lists
 * Reads a section's lines as list entries: numbered lines (1. （一） (1) 一是 ①), a flow
 * written with arrows (申请 → 受理 → 审核), or one sentence of entries separated by ；/、.
 */

/** A list marker opening an entry. */
export const ENTRY_MARKER =
  /^(?:\d{1,2}\s*[.．、)）](?!\d)|[（(]\s*[\d一二三四五六七八九十]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}\s*[是、]|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮]|第[一二三四五六七八九十\d]{1,3}步[:：]?|[-•·●▪]\s)\s*/u;
const INLINE_MARKER = /(?<=[；;。])\s*(?=\d{1,2}[.．、](?!\d)|[（(][\d一二三四五六七八九十]{1,2}[）)])/u;
const ARROWS = /\s*(?:→|->|—>|⇒|➝|➔|>)\s*/u;

export interface ListReading {
  entries: string[];
  /** Lines that belong to the section but to no entry (`以上复印件均须加盖公章。`). */
  remarks: string[];
}

/** Entries of a numbered list; an unnumbered line after an entry continues it only if the entry has not ended. */
export function readList(
  lines: string[],
  splitSentence: (line: string) => string[] = (l) => [l],
  /** Unnumbered lines are entries of their own (a condition's lead-in and its closing rule). */
  keepUnnumbered = false,
): ListReading {
  // A table cell or a flattened page runs its entries on one line: `1. 甲；2. 乙。`
  lines = lines.flatMap((l) => l.split(INLINE_MARKER));
  const numbered = lines.filter((l) => ENTRY_MARKER.test(l)).length;
  if (numbered === 0) {
    if (lines.length === 1 && ARROWS.test(lines[0]!)) return { entries: tidy(lines[0]!.split(ARROWS)), remarks: [] };
    if (lines.length === 1) return { entries: tidy(splitSentence(lines[0]!)), remarks: [] };
    return { entries: tidy(lines), remarks: [] };
  }
  const entries: string[] = [];
  const remarks: string[] = [];
  for (const line of lines) {
    if (ENTRY_MARKER.test(line)) entries.push(line.replace(ENTRY_MARKER, ''));
    else if (entries.length > 0 && /[；;，,、]$/.test(entries[entries.length - 1]!)) entries[entries.length - 1] += line;
    else if (keepUnnumbered) entries.push(line);
    else remarks.push(line);
  }
  return { entries: tidy(entries), remarks };
}

/** Without the separator an entry ends with; empty entries dropped. */
export function tidy(entries: string[]): string[] {
  return entries.map((e) => e.trim().replace(/[；;，,。]+$/u, '').trim()).filter(Boolean);
}

/** A sentence of entries: `身份证、户口簿、结婚证` or `…；…；…`. */
export function splitEntries(line: string): string[] {
  const body = line.replace(/^(?:需(?:要)?(?:提交|提供|携带)|提交|提供|携带)[:：]?/u, '');
  if (/[；;]/.test(body)) return body.split(/[；;]/);
  // 、 separates entries only outside brackets and book titles (《关于A、B的通知》 is one entry).
  return splitOutside(body, '、');
}

function splitOutside(text: string, separator: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if ('《（(【[“'.includes(ch)) depth++;
    else if ('》）)】]”'.includes(ch) && depth > 0) depth--;
    if (ch === separator && depth === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}
