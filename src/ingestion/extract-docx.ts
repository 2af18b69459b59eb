/**
 * @module ingestion/extract-docx
 * Reads a `.docx` document with mammoth: raw text for the body, and the first heading (Word's
 * Title or Heading 1 style) for the title.
 */
import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import { documentOutcome } from './document.js';
import { errorMessage, failed, type Reader } from './reader.js';

export const readDocx: Reader = async (file, options) => {
  const buffer = await readFile(file);
  try {
    const { value: text } = await mammoth.extractRawText({ buffer });
    return documentOutcome(file, text, options, { title: await headingOf(buffer) });
  } catch (error) {
    return failed(file, `not a readable DOCX file: ${errorMessage(error)}`);
  }
};

async function headingOf(buffer: Buffer): Promise<string | undefined> {
  const { value: html } = await mammoth.convertToHtml(
    { buffer },
    { styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='标题'] => h1:fresh"] },
  );
  const m = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html);
  const text = m?.[1]?.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').trim();
  return text || undefined;
}
