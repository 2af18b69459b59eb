/**
 * @module ingestion/decode
 * Bytes to text for plain-text files. Files saved on Chinese Windows (Notepad, Excel's CSV) are
 * often GBK rather than UTF-8, so UTF-8 is tried strictly first and GB18030 (a superset of GBK)
 * is the fallback.
 */

export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}
