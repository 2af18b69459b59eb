/**
 * @module ingestion/parse-worker
 * The body of a parsing worker thread (run by piscina, see parse-pool.ts): reads one file.
 */
import { readByType } from './read-file.js';
import type { ReadOutcome } from './reader.js';
import type { ImportOptions } from './types.js';

export interface ParseTask {
  file: string;
  options: ImportOptions;
}

export default function parse({ file, options }: ParseTask): Promise<ReadOutcome> {
  return readByType(file, options);
}
