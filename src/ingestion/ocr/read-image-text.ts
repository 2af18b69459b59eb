/**
 * @module ingestion/ocr/read-image-text
 * The text of one page image, for the readers of PNG/JPEG files and of scanned PDF pages. Runs in
 * a parsing worker (parse-pool.ts): the engine is loaded once per worker, on its first scan, and
 * dies with the worker, so the import's time limit stops a page the engine is stuck on.
 */
import type { ImportLimits } from '../limits.js';
import type { OcrEngine } from './engine.js';
import { BadImage, readImageHeader } from './image-header.js';
import { normaliseOcrText } from './normalise.js';
import { createTesseractEngine } from './tesseract.js';

let engine: Promise<OcrEngine> | undefined;

function ocrEngine(): Promise<OcrEngine> {
  engine ??= createTesseractEngine().catch((error: unknown) => {
    // A failed start is tried again by the next file, not remembered.
    engine = undefined;
    throw error;
  });
  return engine;
}

/**
 * The image's text, normalised the way OCR text needs (ocr/normalise.ts) but not yet cleaned.
 * Throws BadImage (a Chinese message) for a file that is not a whole PNG/JPEG, is too large by its
 * header, or that the engine cannot read.
 */
export async function readImageText(image: Buffer, limits: ImportLimits): Promise<string> {
  const { width, height } = readImageHeader(image);
  if (width === 0 || height === 0) throw new BadImage('图片的宽或高为 0');
  const megapixels = (width * height) / 1e6;
  if (megapixels > limits.maxImageMegapixels) {
    throw new BadImage(
      `图片有 ${width}×${height} 像素（${megapixels.toFixed(0)} 百万像素），超过上限 ${limits.maxImageMegapixels} 百万像素（XIAOXIN_IMPORT_MAX_IMAGE_MEGAPIXELS）`,
    );
  }
  let text: string;
  try {
    text = await (await ocrEngine()).recognise(image);
  } catch (error) {
    throw new BadImage(`文字识别（OCR）失败：${error instanceof Error ? error.message : String(error)}`);
  }
  return normaliseOcrText(text);
}

/** Stops the engine (tests; a worker's engine otherwise ends with the worker). */
export async function closeOcrEngine(): Promise<void> {
  const running = engine;
  engine = undefined;
  if (running) await (await running.catch(() => undefined))?.close();
}
