/**
 * @module ingestion/ocr/tesseract
 * tesseract.js (Tesseract compiled to WebAssembly, LSTM recogniser) with the simplified-Chinese
 * model from the @tesseract.js-data/chi_sim package: no native code, nothing fetched. tesseract.js
 * would download its model from a CDN and cache it in the working folder; langPath points it at
 * the package's folder instead, and cacheMethod 'none' stops it writing a cache anywhere.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { OcrEngine } from './engine.js';

const require = createRequire(import.meta.url);

/** tesseract.js, imported on first use rather than at start (start-up time). */
const loadTesseract = () => import('tesseract.js');

/** `4.0.0_best_int`: the LSTM-only model (tessdata_best, integerised); `4.0.0` also holds the legacy one. */
export type ChiSimModel = '4.0.0_best_int' | '4.0.0';

export function chiSimFolder(model: ChiSimModel = '4.0.0_best_int'): string {
  return path.join(path.dirname(require.resolve('@tesseract.js-data/chi_sim/package.json')), model);
}

export async function createTesseractEngine(model: ChiSimModel = '4.0.0_best_int'): Promise<OcrEngine> {
  const { createWorker, OEM, PSM } = await loadTesseract();
  const worker = await createWorker('chi_sim', OEM.LSTM_ONLY, {
    langPath: chiSimFolder(model),
    gzip: true,
    cacheMethod: 'none',
    // Errors come back as rejected promises; without this tesseract.js also logs them.
    errorHandler: () => undefined,
  });
  // Pages of running text, laid out by Tesseract itself; no DPI is forced (it estimates one from
  // the text height when the image does not say).
  // debug_file: Tesseract's notes ("Estimating resolution as 295") go nowhere, not to stderr.
  await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, debug_file: '/dev/null' });
  return {
    name: `tesseract.js chi_sim ${model}`,
    async recognise(image) {
      const { data } = await worker.recognize(image);
      return data.text;
    },
    async close() {
      await worker.terminate();
    },
  };
}
