/**
 * @module ingestion/limits
 * How much one file may cost to read. A real zone's files stay far below every default; a file
 * past one (a 20,000-page PDF, a zip bomb, a sheet of half a million rows) is skipped with a
 * problem naming the limit and the setting that raises it, and the rest of the import goes on.
 */

export interface ImportLimits {
  /** XIAOXIN_IMPORT_MAX_PAGES: pages of one PDF, checked before any text is extracted. */
  maxPages: number;
  /** XIAOXIN_IMPORT_MAX_ROWS: rows of one CSV/TSV/XLSX sheet, counted while reading. */
  maxRows: number;
  /** XIAOXIN_IMPORT_MAX_CHARS: characters of text one file may give. */
  maxChars: number;
  /** XIAOXIN_IMPORT_MAX_UNZIPPED_MB: what a DOCX/XLSX (a zip) may inflate to, from its directory. */
  maxUnzippedMb: number;
  /** XIAOXIN_IMPORT_TIMEOUT_SECONDS: wall-clock time to read one file before its worker is stopped. */
  timeoutSeconds: number;
  /** XIAOXIN_IMPORT_MEMORY_MB: heap of one parsing worker; a file needing more is skipped. */
  memoryMb: number;
  /** XIAOXIN_IMPORT_MAX_OCR_PAGES: scanned pages (without a text layer) of one PDF read by OCR. */
  maxOcrPages: number;
  /** XIAOXIN_IMPORT_MAX_IMAGE_MEGAPIXELS: size of one PNG/JPEG, by its header, before it is decoded. */
  maxImageMegapixels: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxPages: 2000,
  maxRows: 100_000,
  maxChars: 50_000_000,
  maxUnzippedMb: 200,
  timeoutSeconds: 120,
  memoryMb: 1024,
  // OCR reads about a page in 3–4 s on one core: 30 pages fit the default 120 s time limit.
  maxOcrPages: 30,
  // An A4 page at 600 dpi is 35 megapixels.
  maxImageMegapixels: 40,
};

/** The environment variable behind each limit, named in every over-limit problem. */
export const LIMIT_SETTINGS: Record<keyof ImportLimits, string> = {
  maxPages: 'XIAOXIN_IMPORT_MAX_PAGES',
  maxRows: 'XIAOXIN_IMPORT_MAX_ROWS',
  maxChars: 'XIAOXIN_IMPORT_MAX_CHARS',
  maxUnzippedMb: 'XIAOXIN_IMPORT_MAX_UNZIPPED_MB',
  timeoutSeconds: 'XIAOXIN_IMPORT_TIMEOUT_SECONDS',
  memoryMb: 'XIAOXIN_IMPORT_MEMORY_MB',
  maxOcrPages: 'XIAOXIN_IMPORT_MAX_OCR_PAGES',
  maxImageMegapixels: 'XIAOXIN_IMPORT_MAX_IMAGE_MEGAPIXELS',
};

export function limitsWith(overrides: Partial<ImportLimits> | undefined): ImportLimits {
  return { ...DEFAULT_IMPORT_LIMITS, ...overrides };
}

/**
 * Thrown by a reader that finds its file past a limit; the importer turns it into the file's
 * problem. `what` completes "the file has/needs …", e.g. `more than 2000 pages`.
 */
export class OverLimit extends Error {
  constructor(
    readonly limit: keyof ImportLimits,
    what: string,
  ) {
    super(`${what}; skipped (the limit is ${LIMIT_SETTINGS[limit]})`);
    this.name = 'OverLimit';
  }
}

/** Throws OverLimit when `text` is longer than the character limit. */
export function checkChars(text: string, limits: ImportLimits): string {
  if (text.length > limits.maxChars) throw new OverLimit('maxChars', `more than ${limits.maxChars} characters of text`);
  return text;
}
