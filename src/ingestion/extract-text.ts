/** @module ingestion/extract-text — reads a `.txt` document. */
import { readFile } from 'node:fs/promises';
import { decodeText } from './decode.js';
import { documentOutcome } from './document.js';
import type { Reader } from './reader.js';

export const readTxt: Reader = async (file, options) => documentOutcome(file, decodeText(await readFile(file)), options);
