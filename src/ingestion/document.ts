/**
 * @module ingestion/document
 * Turns the plain text of one document file (TXT, DOCX, PDF, HTML, Markdown without front
 * matter) into an item: cleaned text, detected title, kind, dates, 文号 and issuer.
 */
import { basename } from 'node:path';
import type { ItemKind } from '../knowledge/index.js';
import { cleanText } from './clean.js';
import { detectDates, detectDocNumber, detectIssuer, detectTitle, looksLikePolicy, runOnTitle } from './detect.js';
import { idFromFileName } from './ids.js';
import { checkChars, limitsWith } from './limits.js';
import { failed, type ReadOutcome } from './reader.js';
import type { ImportOptions } from './types.js';

/** What an extractor found besides the text (a heading from markup, labelled page metadata). */
export interface DocumentHints {
  title?: string;
  date?: string;
  issuer?: string;
  docNumber?: string;
}

export function documentOutcome(file: string, raw: string, options: ImportOptions, hints: DocumentHints = {}): ReadOutcome {
  const text = cleanText(checkChars(raw, limitsWith(options.limits)));
  if (text === '') return failed(file, 'no text found (a scanned document needs OCR first)');
  return { candidates: [{ input: documentRecord(file, text, options.kind, hints), derivedId: true }], problems: [] };
}

/** The fields a document gives an item of any kind; `text` is already clean. */
export function documentRecord(
  file: string,
  text: string,
  forcedKind: ItemKind | undefined,
  hints: DocumentHints = {},
): Record<string, unknown> {
  const title = hints.title?.trim() || detectTitle(text) || runOnTitle(text) || idFromFileName(file);
  const kind: ItemKind = forcedKind ?? (looksLikePolicy(title, text) ? 'policy' : 'article');
  const base = { kind, id: idFromFileName(file), title, source: basename(file) };
  const dates = detectDates(text);
  switch (kind) {
    case 'policy':
      return {
        ...base,
        text,
        issueDate: hints.date ?? dates.date,
        effectiveDate: dates.effectiveDate,
        expiryDate: dates.expiryDate,
        docNumber: hints.docNumber ?? detectDocNumber(text),
        issuer: hints.issuer ?? detectIssuer(text, title),
      };
    case 'article':
      return { ...base, text, date: hints.date ?? dates.date };
    case 'faq':
      // The title stands for the question and the whole document is the answer.
      return { ...base, answer: text };
    case 'guide':
      // A guide's fields cannot be told apart in free text; it all goes to the notes.
      return { ...base, notes: text };
  }
}
