/**
 * @module ingestion/extract-image
 * Reads a scanned page saved as a `.png`, `.jpg` or `.jpeg` file by OCR (ocr/). Its text is
 * cleaned like any document's and the item is marked as read from a scan, for staff to check.
 */
import { readFile, stat } from 'node:fs/promises';
import { documentOutcome } from './document.js';
import { limitsWith } from './limits.js';
import { BadImage } from './ocr/image-header.js';
import { readImageText } from './ocr/read-image-text.js';
import { failed, type Reader, type ReadOutcome } from './reader.js';

/** A scan of a page is a few megabytes; the back office takes at most 20 MiB a file anyway. */
const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

export const readImage: Reader = async (file, options) => {
  const limits = limitsWith(options.limits);
  if (limits.maxOcrPages === 0) return failed(file, '图片需要文字识别（OCR），但 OCR 已关闭（XIAOXIN_IMPORT_MAX_OCR_PAGES=0）；已跳过');
  const { size } = await stat(file);
  if (size > MAX_IMAGE_BYTES) return failed(file, `图片文件大于 ${MAX_IMAGE_BYTES / 1024 / 1024} MB；已跳过`);
  let text: string;
  try {
    text = await readImageText(await readFile(file), limits);
  } catch (error) {
    if (error instanceof BadImage) return failed(file, `${error.message}；已跳过`);
    throw error;
  }
  if (text.trim() === '') return failed(file, '图片中没有识别出文字；已跳过');
  return markScanned(documentOutcome(file, text, options));
};

/** The outcome's records marked as text read by OCR. */
export function markScanned(outcome: ReadOutcome): ReadOutcome {
  return { ...outcome, candidates: outcome.candidates.map((c) => ({ ...c, scanned: true })) };
}
