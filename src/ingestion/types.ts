/**
 * @module ingestion/types
 * The importer contract: every reader turns one file into candidate items plus the problems it met.
 */
import type { Item, ItemKind } from '../knowledge/index.js';
import type { ImportLimits } from './limits.js';

export interface ImportProblem {
  /** The file the problem is in, as given on the command line. */
  file: string;
  /** 1-based line (JSONL, CSV) or row (XLSX) number, when the problem is in one record. */
  line?: number;
  message: string;
}

export interface ImportOptions {
  /** Force the kind of document files (txt, docx, pdf, html, md without front-matter kind). */
  kind?: ItemKind;
  /** Caps on what one file may cost to read (defaults: DEFAULT_IMPORT_LIMITS). */
  limits?: Partial<ImportLimits>;
}

export interface ImportResult {
  items: Item[];
  problems: ImportProblem[];
  /** Files read, for the summary. */
  files: string[];
  /** Ids of the items whose text was read by OCR from a scan (marked 识别自扫描件 in the preview). */
  scanned: string[];
}
