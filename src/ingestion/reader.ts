/**
 * @module ingestion/reader
 * What a reader hands back before validation: raw records with where they came from, plus the
 * problems that stopped a file or a record from being read at all.
 */
import type { ImportOptions, ImportProblem } from './types.js';

export interface Candidate {
  /** The record as read, before `validateItem` fills defaults. */
  input: Record<string, unknown>;
  /** 1-based line (JSONL, CSV) or sheet row (XLSX) the record came from. */
  line?: number;
  /** Where in a JSON document the record sits (e.g. `items[3]`), for files without line numbers. */
  at?: string;
  /** The id was made from the file name, so a clash with another file is settled with a suffix. */
  derivedId?: boolean;
  /** Its text, or part of it, was read by OCR from a scan: staff check it before publishing. */
  scanned?: boolean;
}

export interface ReadOutcome {
  candidates: Candidate[];
  problems: ImportProblem[];
}

/** Reads one file; never throws for bad input, it reports a problem instead. */
export type Reader = (file: string, options: ImportOptions) => Promise<ReadOutcome>;

/** A problem, with its line only when it has one. */
export function problemAt(file: string, line: number | undefined, message: string): ImportProblem {
  return line === undefined ? { file, message } : { file, line, message };
}

export function failed(file: string, message: string): ReadOutcome {
  return { candidates: [], problems: [{ file, message }] };
}

/** The message of anything thrown, on one line. */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim() || 'unknown error';
}
