/**
 * @module ingestion
 * Imports knowledge files (JSON, JSONL, Markdown, CSV, XLSX, TXT, DOCX, PDF, HTML, and scans as
 * PNG/JPEG or image-only PDF pages, read by OCR) into
 * validated items. Nothing is written to storage here: the caller upserts `items` in one
 * transaction. Every bad file or record becomes a problem and is skipped; the rest go through.
 */
import { basename, extname } from 'node:path';
import { validateItem, type Item } from '../knowledge/index.js';
import { pathSuffix } from './ids.js';
import { documentOutcome, type DocumentHints } from './document.js';
import { parseInWorker } from './parse-pool.js';
import { hasReader } from './read-file.js';
import { failed, problemAt, type Candidate, type ReadOutcome } from './reader.js';
import type { ImportOptions, ImportProblem, ImportResult } from './types.js';
import { expandPaths, isEvalQuestions, siblingsOf } from './walk.js';

export type { ImportOptions, ImportProblem, ImportResult } from './types.js';
export { cleanText } from './clean.js';
export { formatProblem, importSummary } from './summary.js';
export { DEFAULT_IMPORT_LIMITS, LIMIT_SETTINGS, type ImportLimits } from './limits.js';
export { closeParsePools } from './parse-pool.js';

/** Older Office formats people still have; the fix is one "Save as" away. */
const SAVE_AS: Record<string, string> = { '.doc': '.docx', '.wps': '.docx', '.rtf': '.docx', '.xls': '.xlsx', '.et': '.xlsx' };

export async function importPaths(paths: string[], options: ImportOptions = {}): Promise<ImportResult> {
  const walk = await expandPaths(paths);
  const result: ImportResult = { items: [], problems: walk.problems.slice(), files: [], scanned: [] };
  // Which ids this import has handed out, and where each came from.
  const ids = new Map<string, string>();
  for (const file of walk.files) {
    const outcome = await readOne(file, options, result);
    const problems = outcome.problems.slice();
    for (const candidate of outcome.candidates) {
      const accepted = accept(candidate, file, ids);
      if (accepted.item) result.items.push(accepted.item);
      if (accepted.item && candidate.scanned) result.scanned.push(accepted.item.id);
      if (accepted.problem) problems.push(accepted.problem);
    }
    // Parse and validation problems of one file, in line order. (No push(...problems): a sheet
    // of half a million bad rows would overflow the call stack.)
    for (const problem of problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))) result.problems.push(problem);
  }
  return result;
}

/**
 * The text of one document imported the way a `.txt` file of that text is (`readTxt`): cleaned,
 * and the engine decides what it is. `xiaoxin eval` imports its corpus documents here, so that
 * they are read as whatever the importer learns to recognise. `name` stands for the file name.
 */
export function importDocumentText(
  name: string,
  text: string,
  options: ImportOptions = {},
  hints: DocumentHints = {},
): { item?: Item; problems: ImportProblem[] } {
  const outcome = documentOutcome(name, text, options, hints);
  const problems = outcome.problems.slice();
  let item: Item | undefined;
  for (const candidate of outcome.candidates) {
    const validation = validateItem(withoutUndefined(candidate.input));
    if (validation.ok) item = validation.item;
    else problems.push(problemAt(name, undefined, validation.errors.join('; ')));
  }
  return { ...(item ? { item } : {}), problems };
}

async function readOne(file: string, options: ImportOptions, result: ImportResult): Promise<ReadOutcome> {
  const ext = extname(file).toLowerCase();
  if (basename(file) === 'questions.jsonl' && isEvalQuestions('questions.jsonl', await siblingsOf(file))) {
    return failed(file, 'an eval question set (questions.jsonl beside corpus.jsonl), not items; skipped');
  }
  if (!hasReader(file)) {
    const hint = SAVE_AS[ext] ? `; save it as ${SAVE_AS[ext]} and import that` : '';
    return failed(file, `unsupported file type ${ext || '(no extension)'}; skipped${hint}`);
  }
  result.files.push(file);
  return parseInWorker(file, options);
}

function accept(candidate: Candidate, file: string, ids: Map<string, string>): { item?: Item; problem?: ImportProblem } {
  const { line, at } = candidate;
  const validation = validateItem(withoutUndefined(candidate.input));
  if (!validation.ok) {
    const message = validation.errors.join('; ');
    return { problem: problemAt(file, line, at ? `${at}: ${message}` : message) };
  }
  const item = validation.item;
  const where = line === undefined ? (at ? `${file} ${at}` : file) : `${file}:${line}`;
  const prior = ids.get(item.id);
  if (prior !== undefined) {
    // Two files named alike (a/通知.pdf, b/通知.pdf): the second gets a suffix from its path.
    const renamed = `${item.id.slice(0, 191)}-${pathSuffix(file)}`;
    if (!candidate.derivedId || ids.get(renamed) !== undefined) {
      return { problem: problemAt(file, line, `${at ? `${at}: ` : ''}id "${item.id}" is already used by ${prior}; skipped`) };
    }
    ids.set(renamed, where);
    return {
      item: { ...item, id: renamed },
      problem: problemAt(file, line, `id "${item.id}" is already used by ${prior}; imported as "${renamed}"`),
    };
  }
  ids.set(item.id, where);
  return { item };
}

/** Readers leave fields they found nothing for as undefined; they are not part of the item. */
function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}
