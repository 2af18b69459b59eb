/**
 * @module ingestion/ocr/engine
 * What the importer asks of an OCR engine: the text of one page image (PNG or JPEG bytes).
 * The engine is chosen by `npm run bench:ocr` (scripts/bench/ocr.ts): see docs/OCR.md.
 */
export interface OcrEngine {
  /** Short name for reports (`tesseract.js chi_sim`). */
  readonly name: string;
  /** The page's text, lines separated by newlines. */
  recognise(image: Buffer): Promise<string>;
  /** Frees the engine (its worker thread, its model). */
  close(): Promise<void>;
}
