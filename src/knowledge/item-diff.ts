/**
 * @module knowledge/item-diff
 * A readable difference between two versions of an item, field by field, for the back office's
 * version history and review screens: which fields changed, and within a changed text which
 * characters went and came (Chinese has no spaces, so the text diff works on characters; a list
 * such as a guide's materials is compared line by line).
 */
import { diffArrays, diffChars } from 'diff';
import { GUIDE_FIELD_LABELS } from './content.js';
import type { Item } from './schema.js';

export interface TextPiece {
  value: string;
  added?: true;
  removed?: true;
}

export interface FieldChange {
  field: string;
  /** The field's Chinese name, for people. */
  label: string;
  before?: unknown;
  after?: unknown;
  /** For text and lists: the pieces in order, marked added or removed. */
  pieces?: TextPiece[];
}

export const ITEM_FIELD_LABELS: Record<string, string> = {
  // A guide's fields are named as on a printed guide.
  ...GUIDE_FIELD_LABELS,
  kind: '类型',
  title: '标题',
  category: '分类',
  tags: '标签',
  audience: '面向对象',
  source: '来源',
  issuer: '发文机关',
  docNumber: '文号',
  issueDate: '发布日期',
  effectiveDate: '生效日期',
  expiryDate: '失效日期',
  level: '层级',
  text: '正文',
  interpretation: '政策解读',
  statutoryTimeLimit: '法定时限',
  promisedTimeLimit: '承诺时限',
  reviewDate: '复核日期',
  similarQuestions: '相似问法',
  answer: '答案',
  links: '关联事项',
  date: '日期',
};

// Bookkeeping, not content: a re-save must not show up as a change.
const IGNORED = new Set(['id', 'createdAt', 'updatedAt']);

/** The changed fields of `after` against `before` (every filled field when `before` is missing). */
export function diffItems(before: Item | undefined, after: Item): FieldChange[] {
  const old = (before ?? {}) as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(now), ...Object.keys(old)])].filter((f) => !IGNORED.has(f));
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const a = old[field];
    const b = now[field];
    if (isEmpty(a) && isEmpty(b)) continue;
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    changes.push({
      field,
      label: ITEM_FIELD_LABELS[field] ?? field,
      ...(a !== undefined ? { before: a } : {}),
      ...(b !== undefined ? { after: b } : {}),
      ...piecesOf(a, b),
    });
  }
  return changes;
}

function piecesOf(a: unknown, b: unknown): { pieces?: TextPiece[] } {
  if (isTextish(a) && isTextish(b) && (typeof a === 'string' || typeof b === 'string')) {
    return { pieces: diffChars(String(a ?? ''), String(b ?? '')).map(piece) };
  }
  if (isListish(a) && isListish(b)) {
    const lines = (list: unknown[] | undefined) => (list ?? []).map(lineOf);
    return {
      pieces: diffArrays(lines(a), lines(b)).flatMap((part) =>
        part.value.map((value) => piece({ value, added: part.added, removed: part.removed })),
      ),
    };
  }
  return {};
}

/** A list entry as one line: a material reads "营业执照，原件，1份，…" as on a printed guide. */
function lineOf(entry: unknown): string {
  if (typeof entry === 'string') return entry;
  if (entry && typeof entry === 'object') {
    const m = entry as Record<string, unknown>;
    if (typeof m.name === 'string') {
      return [m.name, m.form, typeof m.copies === 'number' ? `${m.copies}份` : undefined, m.notes].filter(Boolean).join('，');
    }
  }
  return JSON.stringify(entry);
}

function piece(part: { value: string; added?: boolean; removed?: boolean }): TextPiece {
  return { value: part.value, ...(part.added ? { added: true as const } : {}), ...(part.removed ? { removed: true as const } : {}) };
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function isTextish(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

function isListish(value: unknown): value is unknown[] | undefined {
  return value === undefined || Array.isArray(value);
}
