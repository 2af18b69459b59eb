/** @module ingestion/extract-text — reads a `.txt` document. */
import { readText } from './decode.js';
import { documentOutcome } from './document.js';
import type { Reader } from './reader.js';

export const readTxt: Reader = async (file, options) => documentOutcome(file, await readText(file, options), options);
