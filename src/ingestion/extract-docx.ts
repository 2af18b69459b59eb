/**
 * @module ingestion/extract-docx
 * Reads a `.docx` document with mammoth: raw text for the body, and the first heading (Word's
 * Title or Heading 1 style) for the title. What it inflates to is checked first (zip.ts).
 */
import { readFile } from 'node:fs/promises';
import type mammoth from 'mammoth';
import { documentOutcome } from './document.js';
import { checkChars, limitsWith, OverLimit } from './limits.js';
import { errorMessage, failed, type Reader } from './reader.js';
import { checkUnzippedSize } from './zip.js';

/** mammoth, imported on first use rather than at start: it takes ~0.1 s to load (start-up time). */
const loadMammoth = () => import('mammoth').then((m) => m.default);

export const readDocx: Reader = async (file, options) => {
  try {
    await checkUnzippedSize(file, options);
  } catch (error) {
    if (error instanceof OverLimit) throw error;
    return failed(file, `not a readable DOCX file: ${errorMessage(error)}`);
  }
  const buffer = await readFile(file);
  const mammoth = await loadMammoth();
  let text: string;
  try {
    ({ value: text } = await mammoth.extractRawText({ buffer }));
  } catch (error) {
    return failed(file, `not a readable DOCX file: ${errorMessage(error)}`);
  }
  // The body's size is checked before a second pass over the file looks for the title.
  checkChars(text, limitsWith(options.limits));
  return documentOutcome(file, text, options, { title: await headingOf(buffer).catch(() => undefined) });
};

async function headingOf(buffer: Buffer): Promise<string | undefined> {
  const mammoth = await loadMammoth();
  const { value: html } = await mammoth.convertToHtml(
    { buffer },
    { styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='标题'] => h1:fresh"] },
  );
  const m = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html);
  const text = m?.[1]?.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').trim();
  return text || undefined;
}
