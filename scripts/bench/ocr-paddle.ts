/**
 * PaddleOCR (PP-OCRv4 Chinese detection and recognition, ONNX) through @gutenye/ocr-node on
 * onnxruntime-node's CPU provider, for `npm run bench:ocr` only: it was measured against
 * tesseract.js and not chosen (docs/OCR.md says why). Its packages are not dependencies of
 * xiaoxin; the bench installs nothing and skips this engine when they are missing.
 */
import type { OcrEngine } from '../../src/ingestion/ocr/engine.js';

interface PaddleLine {
  text: string;
}
interface PaddleOcr {
  detect(image: Buffer | string): Promise<PaddleLine[]>;
}

export async function createPaddleEngine(): Promise<OcrEngine> {
  // By name in a variable: typecheck passes without the packages installed.
  const ocrNode = '@gutenye/ocr-node';
  const sharpName = 'sharp';
  const { default: Ocr } = (await import(ocrNode)) as { default: { create(options: object): Promise<PaddleOcr> } };
  const { default: sharp } = (await import(sharpName)) as { default: { concurrency(n: number): void } };
  // One core: onnxruntime and libvips would otherwise each use every core.
  sharp.concurrency(1);
  const ocr = await Ocr.create({ onnxOptions: { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential' } });
  return {
    name: 'PaddleOCR PP-OCRv4 (@gutenye/ocr-node, onnxruntime CPU)',
    async recognise(image) {
      const lines = await ocr.detect(image);
      return lines.map((l) => l.text).join('\n');
    },
    async close() {},
  };
}
