/**
 * @module ingestion/document
 * Turns the plain text of one document file (TXT, DOCX, PDF, HTML, Markdown without front
 * matter) into an item: cleaned text, detected title, kind, dates, 文号 and issuer.
 */
import { basename } from 'node:path';
import type { ItemKind } from '../knowledge/index.js';
import { cleanText } from './clean.js';
import { detectDates, detectDocNumber, detectIssuer, detectTitle, looksLikePolicy, runOnTitle } from './detect.js';
import { recogniseGuide, type RecognisedGuide } from './guide-text/index.js';
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
  const checked = checkChars(raw, limitsWith(options.limits));
  const text = cleanText(checked);
  if (text === '') return failed(file, 'no text found; skipped');
  return { candidates: [{ input: documentRecord(file, text, options.kind, hints, checked), derivedId: true }], problems: [] };
}

/**
 * The fields a document gives an item of any kind; `text` is already clean. `layout` is the
 * text as extracted, before cleaning joined its lines: a guide's sections are read from it.
 */
export function documentRecord(
  file: string,
  text: string,
  forcedKind: ItemKind | undefined,
  hints: DocumentHints = {},
  layout: string = text,
): Record<string, unknown> {
  const guide = guideIn(layout, text, forcedKind);
  if (guide) {
    const title = hints.title?.trim() || guide.title || detectTitle(text) || idFromFileName(file);
    return { kind: 'guide', id: idFromFileName(file), title, source: basename(file), ...guide.fields };
  }
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
      // No labelled sections were found: the whole text is the guide's notes.
      return { ...base, notes: text };
  }
}

/**
 * The guide a document is, if it is one and the importer was not told otherwise. A text with
 * its own 文号 is a policy even when it prints 申报条件 and 申报材料 (a subsidy notice).
 */
export function guideIn(layout: string, text: string, forcedKind: ItemKind | undefined): RecognisedGuide | undefined {
  if (forcedKind !== undefined && forcedKind !== 'guide') return undefined;
  const guide = recogniseGuide(layout);
  if (!guide || (forcedKind === undefined && detectDocNumber(text) !== undefined)) return undefined;
  return guide;
}
