/**
 * @module ingestion/extract-pdf
 * Reads a `.pdf` document's text layer with pdf-parse. Scanned PDFs have none and are reported.
 * The page count is checked before any text is extracted, and the text is counted as it comes,
 * a few pages at a time, so that a PDF bomb stops at the first limit it crosses.
 */
import { readFile } from 'node:fs/promises';
import { PDFParse } from 'pdf-parse';
import { documentOutcome } from './document.js';
import { limitsWith, OverLimit } from './limits.js';
import { errorMessage, failed, type Reader } from './reader.js';

/** Pages extracted per call; the character limit is checked between calls. */
const PAGES_AT_ONCE = 20;

export const readPdf: Reader = async (file, options) => {
  const limits = limitsWith(options.limits);
  const data = new Uint8Array(await readFile(file));
  // verbosity 0: pdf.js would otherwise print font warnings for every odd PDF. isEvalSupported
  // false: pdf.js never compiles code from the file (its fast path for PostScript functions).
  const parser = new PDFParse({ data, verbosity: 0, isEvalSupported: false });
  try {
    // Page 0 does not exist: this loads the document and counts its pages, extracting nothing.
    const { total } = await parser.getText({ partial: [0] });
    if (total > limits.maxPages) throw new OverLimit('maxPages', `more than ${limits.maxPages} pages (${total})`);
    let text = '';
    for (let first = 1; first <= total; first += PAGES_AT_ONCE) {
      const last = Math.min(total, first + PAGES_AT_ONCE - 1);
      // No page markers: a sentence running over a page break is joined by the cleaner.
      const chunk = await parser.getText({ first, last, pageJoiner: '' });
      for (const page of chunk.pages) text += `${page.text}\n\n`;
      if (text.length > limits.maxChars) throw new OverLimit('maxChars', `more than ${limits.maxChars} characters of text`);
    }
    return documentOutcome(file, text, options);
  } catch (error) {
    if (error instanceof OverLimit) throw error;
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') return failed(file, 'the PDF is password-protected');
    return failed(file, `not a readable PDF file: ${errorMessage(error)}`);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
};
