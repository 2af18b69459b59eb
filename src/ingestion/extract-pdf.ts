/**
 * @module ingestion/extract-pdf
 * Reads a `.pdf` document's text layer with pdf-parse. Scanned PDFs have none and are reported.
 */
import { readFile } from 'node:fs/promises';
import { PDFParse } from 'pdf-parse';
import { documentOutcome } from './document.js';
import { errorMessage, failed, type Reader } from './reader.js';

export const readPdf: Reader = async (file, options) => {
  const data = new Uint8Array(await readFile(file));
  // verbosity 0: pdf.js would otherwise print font warnings for every odd PDF.
  const parser = new PDFParse({ data, verbosity: 0 });
  try {
    // No page markers: a sentence running over a page break is joined by the cleaner.
    const { text } = await parser.getText({ pageJoiner: '' });
    return documentOutcome(file, text, options);
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') return failed(file, 'the PDF is password-protected');
    return failed(file, `not a readable PDF file: ${errorMessage(error)}`);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
};
