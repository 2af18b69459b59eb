/**
 * @module ingestion/ids
 * Ids that stay the same when the same thing is imported again: from file names for documents,
 * from the question for FAQ rows without an id.
 */
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The id limit of the item model; longer names keep a hash so they stay distinct. */
const MAX_ID = 200;

/**
 * A document's id from its file name: base name without extension, whitespace as `-`, and
 * `/ \ ? #` removed. An edited file keeps its name and so updates the same item.
 */
export function idFromFileName(file: string): string {
  const base = basename(file, extname(file)).normalize('NFC');
  let id = base.trim().replace(/\s+/g, '-').replace(/[/\\?#]/g, '');
  if (id.length > MAX_ID) id = `${id.slice(0, MAX_ID - 9)}-${sha256Hex(base).slice(0, 8)}`;
  return id || `doc-${sha256Hex(base).slice(0, 8)}`;
}

/** The suffix that tells apart a second file whose name gives an id already taken. */
export const pathSuffix = (file: string): string => sha256Hex(file.replace(/\\/g, '/')).slice(0, 8);

/** `faq-` + 12 hex of the normalised question: width, case, spaces and end punctuation ignored. */
export function faqId(question: string): string {
  return `faq-${sha256Hex(normaliseQuestion(question)).slice(0, 12)}`;
}

export function normaliseQuestion(question: string): string {
  return question
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[?？。.!！]+$/u, '');
}
