/**
 * @module ingestion/read-file
 * Picks the reader for a file by its extension and runs it. This is what a parsing worker runs
 * (see parse-pool.ts): everything here may meet a hostile file.
 */
import { extname } from 'node:path';
import { readDocx } from './extract-docx.js';
import { readHtml } from './extract-html.js';
import { readImage } from './extract-image.js';
import { readPdf } from './extract-pdf.js';
import { readTxt } from './extract-text.js';
import { readJson, readJsonl } from './json.js';
import { OverLimit } from './limits.js';
import { readMarkdown } from './markdown.js';
import { errorMessage, failed, type Reader, type ReadOutcome } from './reader.js';
import { readCsv, readXlsx } from './sheet.js';
import type { ImportOptions } from './types.js';

const READERS: Record<string, Reader> = {
  '.json': readJson,
  '.jsonl': readJsonl,
  '.ndjson': readJsonl,
  '.md': readMarkdown,
  '.markdown': readMarkdown,
  '.csv': readCsv,
  '.tsv': readCsv,
  '.xlsx': readXlsx,
  '.txt': readTxt,
  '.docx': readDocx,
  '.pdf': readPdf,
  '.html': readHtml,
  '.htm': readHtml,
  '.png': readImage,
  '.jpg': readImage,
  '.jpeg': readImage,
};

export function hasReader(file: string): boolean {
  return READERS[extname(file).toLowerCase()] !== undefined;
}

/** The file read by the reader of its type; never throws, whatever the file holds. */
export async function readByType(file: string, options: ImportOptions): Promise<ReadOutcome> {
  const reader = READERS[extname(file).toLowerCase()];
  if (!reader) return failed(file, `unsupported file type ${extname(file) || '(no extension)'}; skipped`);
  try {
    return await reader(file, options);
  } catch (error) {
    if (error instanceof OverLimit) return failed(file, error.message);
    // Readers report bad content themselves; this is for the file system (permissions, a vanished file).
    return failed(file, `could not be read: ${errorMessage(error)}`);
  }
}
