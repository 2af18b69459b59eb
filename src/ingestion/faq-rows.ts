/**
 * @module ingestion/faq-rows
 * Turns the rows of a FAQ sheet into FAQ records: finds the header row (Chinese or English
 * column names), splits similar questions and tags, and makes ids from the question when the
 * sheet has none.
 */
import { faqId } from './ids.js';
import type { Candidate, ReadOutcome } from './reader.js';

/** One sheet row as cell texts, with the row number the sheet shows (header = 1). */
export interface SheetRow {
  number: number;
  cells: string[];
}

type Column = 'id' | 'question' | 'similar' | 'answer' | 'category' | 'tags' | 'audience' | 'source';

/** Header names, compared after removing spaces, `*` marks and bracketed notes (`问题（必填）`). */
const HEADERS: Record<Column, string[]> = {
  id: ['id', '编号'],
  question: ['问题', '标准问题', '标准问', '常见问题', '问题标题', 'question', 'title', 'q'],
  similar: ['相似问题', '相似问法', '相似问', '扩展问题', '扩展问', '同义问法', 'similar', 'similarquestions', 'similarquestion'],
  answer: ['答案', '回答', '标准答案', '答复', '解答', 'answer', 'a'],
  category: ['分类', '类别', '所属分类', '问题分类', 'category'],
  tags: ['标签', '关键词', 'tags', 'tag', 'keywords'],
  audience: ['服务对象', '适用对象', 'audience'],
  source: ['来源', 'source'],
};

/** Rows above the header (a sheet title, notes) are allowed, up to this many. */
const HEADER_SEARCH_ROWS = 10;

export function faqOutcome(file: string, rows: SheetRow[]): ReadOutcome {
  const headerIndex = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => {
    const columns = columnsOf(row.cells);
    return columns.has('question') && columns.has('answer');
  });
  if (headerIndex < 0) {
    return {
      candidates: [],
      problems: [{ file, message: 'no header row with a question and an answer column (问题/question, 答案/answer)' }],
    };
  }
  const columns = columnsOf(rows[headerIndex]!.cells);
  const candidates: Candidate[] = [];
  for (const row of rows.slice(headerIndex + 1)) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    candidates.push({ input: faqRecord(row, columns, file), line: row.number, derivedId: false });
  }
  return { candidates, problems: [] };
}

function columnsOf(header: string[]): Map<Column, number> {
  const columns = new Map<Column, number>();
  header.forEach((cell, i) => {
    const name = cell.toLowerCase().replace(/[（(【[].*?[）)】\]]/g, '').replace(/[\s*＊_:：]/g, '');
    for (const [column, names] of Object.entries(HEADERS) as Array<[Column, string[]]>) {
      if (names.includes(name) && !columns.has(column)) columns.set(column, i);
    }
  });
  return columns;
}

function faqRecord(row: SheetRow, columns: Map<Column, number>, file: string): Record<string, unknown> {
  const cell = (column: Column): string => {
    const i = columns.get(column);
    return i === undefined ? '' : (row.cells[i] ?? '').trim();
  };
  const question = cell('question');
  const similar = split(cell('similar'), /[\n|｜；;]+/).filter((q) => q !== question);
  const record: Record<string, unknown> = {
    kind: 'faq',
    // Without an id the question makes one, so importing the sheet again updates the same items.
    id: cell('id') || faqId(question),
    title: question,
    similarQuestions: [...new Set(similar)],
    answer: cell('answer'),
    tags: split(cell('tags'), /[,，、;；|｜\s]+/),
    audience: audienceOf(cell('audience')),
    source: cell('source') || baseName(file),
  };
  const category = cell('category');
  if (category) record.category = category;
  return record;
}

const split = (text: string, separator: RegExp): string[] =>
  text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);

/** 企业 → enterprise, 个人/群众/自然人 → individual; both when a cell names both. */
function audienceOf(text: string): string[] {
  const out: string[] = [];
  if (/企业|法人|单位|enterprise/i.test(text)) out.push('enterprise');
  if (/个人|群众|自然人|市民|individual/i.test(text)) out.push('individual');
  return out;
}

const baseName = (file: string): string => file.split(/[\\/]/).pop() ?? file;
