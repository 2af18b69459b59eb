/**
 * @module ingestion/extract-pdf
 * Reads a `.pdf` document's text layer with pdf-parse; pages without one (scans) are rendered by
 * pdftoppm and read by OCR (ocr/), and the item is then marked as read from a scan. The page count
 * is checked before any text is extracted, the scanned pages are counted before any is read, and
 * the text is counted as it comes, a few pages at a time, so that a PDF bomb stops at the first
 * limit it crosses.
 */
import { readFile } from 'node:fs/promises';
import type { PDFParse } from 'pdf-parse';
import { documentOutcome } from './document.js';
import { markScanned } from './extract-image.js';
import { limitsWith, OverLimit, type ImportLimits } from './limits.js';
import { BadImage } from './ocr/image-header.js';
import { readImageText } from './ocr/read-image-text.js';
import { pageImageDpis, renderPdfPage } from './ocr/render-pdf-page.js';
import { errorMessage, failed, type Reader } from './reader.js';

/** pdf-parse (pdf.js inside), imported on first use rather than at start: it takes ~0.1 s to load (start-up time). */
const loadPdfParse = () => import('pdf-parse').then((m) => m.PDFParse);

/** Pages extracted per call; the character limit is checked between calls. */
const PAGES_AT_ONCE = 20;
/**
 * A page with fewer visible characters in its text layer is a scan: scanners and "PDF printers"
 * often leave a page number or a stray mark as text over the picture of the page.
 */
const SCAN_MAX_CHARS = 8;

export const readPdf: Reader = async (file, options) => {
  const limits = limitsWith(options.limits);
  const PDFParse = await loadPdfParse();
  const data = new Uint8Array(await readFile(file));
  // verbosity 0: pdf.js would otherwise print font warnings for every odd PDF. isEvalSupported
  // false: pdf.js never compiles code from the file (its fast path for PostScript functions).
  const parser = new PDFParse({ data, verbosity: 0, isEvalSupported: false });
  let pages: string[];
  /** The longer side of each page, in points, for rendering the scanned ones. */
  let sizes: number[] = [];
  try {
    // Page 0 does not exist: this loads the document and counts its pages, extracting nothing.
    const { total } = await parser.getText({ partial: [0] });
    if (total > limits.maxPages) throw new OverLimit('maxPages', `more than ${limits.maxPages} pages (${total})`);
    pages = Array.from({ length: total }, () => '');
    let chars = 0;
    for (let first = 1; first <= total; first += PAGES_AT_ONCE) {
      const last = Math.min(total, first + PAGES_AT_ONCE - 1);
      // No page markers: a sentence running over a page break is joined by the cleaner.
      const chunk = await parser.getText({ first, last, pageJoiner: '' });
      for (const page of chunk.pages) {
        pages[page.num - 1] = page.text;
        chars += page.text.length;
      }
      if (chars > limits.maxChars) throw new OverLimit('maxChars', `more than ${limits.maxChars} characters of text`);
    }
    if (pages.some(isScan) && limits.maxOcrPages > 0) {
      const info = await parser.getInfo({ parsePageInfo: true });
      sizes = info.pages.map((p) => Math.max(p.width, p.height));
    }
  } catch (error) {
    if (error instanceof OverLimit) throw error;
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') return failed(file, 'the PDF is password-protected');
    return failed(file, `not a readable PDF file: ${errorMessage(error)}`);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
  const blank = pages.flatMap((text, i) => (isScan(text) ? [i + 1] : []));
  if (blank.length === 0 || limits.maxOcrPages === 0) {
    if (blank.length > 0 && blank.length === pages.length && limits.maxOcrPages === 0) {
      return failed(file, '没有文字层（扫描件），而文字识别（OCR）已关闭（XIAOXIN_IMPORT_MAX_OCR_PAGES=0）；已跳过');
    }
    return documentOutcome(file, joinPages(pages), options);
  }
  // A page without text is a scan when it carries a picture; otherwise it is simply blank.
  let dpis: Map<number, number>;
  try {
    dpis = await pageImageDpis(file, limits.timeoutSeconds);
  } catch (error) {
    if (!(error instanceof BadImage)) throw error;
    if (blank.length === pages.length) return failed(file, `${error.message}；已跳过`);
    // The text pages still go through, with a word on the pages left out.
    const outcome = documentOutcome(file, joinPages(pages), options);
    return { ...outcome, problems: [...outcome.problems, { file, message: `第 ${blank.join('、')} 页没有文字层，未能识别：${error.message}` }] };
  }
  const scans = blank.filter((page) => dpis.has(page));
  if (scans.length === 0) return documentOutcome(file, joinPages(pages), options);
  if (scans.length > limits.maxOcrPages) {
    return failed(file, `有 ${scans.length} 页是扫描页（没有文字层），超过文字识别上限 ${limits.maxOcrPages} 页（XIAOXIN_IMPORT_MAX_OCR_PAGES）；已跳过`);
  }
  try {
    await readScannedPages(file, pages, scans.map((page) => ({ page, dpi: dpis.get(page)!, longSide: sizes[page - 1] ?? Number.NaN })), limits);
  } catch (error) {
    if (error instanceof BadImage) return failed(file, `${error.message}；已跳过`);
    throw error;
  }
  return markScanned(documentOutcome(file, joinPages(pages), options));
};

interface ScannedPage {
  page: number;
  dpi: number;
  /** The page's longer side in points. */
  longSide: number;
}

/** Replaces the text of each scanned page in `pages` with what OCR reads on it. */
async function readScannedPages(file: string, pages: string[], scans: ScannedPage[], limits: ImportLimits): Promise<void> {
  let chars = pages.reduce((n, t) => n + (t?.length ?? 0), 0);
  for (const { page, dpi, longSide } of scans) {
    const image = await renderPdfPage(file, page, dpi, longSide, limits.timeoutSeconds);
    let text: string;
    try {
      text = await readImageText(image, limits);
    } catch (error) {
      throw error instanceof BadImage ? new BadImage(`第 ${page} 页：${error.message}`) : error;
    }
    pages[page - 1] = text;
    chars += text.length;
    if (chars > limits.maxChars) throw new OverLimit('maxChars', `more than ${limits.maxChars} characters of text`);
  }
}

const isScan = (text: string | undefined): boolean => (text ?? '').replace(/\s+/g, '').length < SCAN_MAX_CHARS;

const joinPages = (pages: string[]): string => pages.map((t) => `${t ?? ''}\n\n`).join('');
