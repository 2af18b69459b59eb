/**
 * @module ingestion/markdown
 * Reads Markdown. With YAML front matter the front matter gives the item's fields and the body
 * its text (or a FAQ's answer); without it the file is a document like any text file.
 */
import { readFile } from 'node:fs/promises';
import matter from 'gray-matter';
import type { ItemKind } from '../knowledge/index.js';
import { ITEM_KINDS } from '../knowledge/index.js';
import { parseDate } from './dates.js';
import { decodeText } from './decode.js';
import { documentOutcome, documentRecord } from './document.js';
import { errorMessage, failed, type Reader } from './reader.js';
import { prepareRecord } from './record.js';

/** Where each kind keeps its body text. */
const BODY_FIELD: Record<ItemKind, string> = { policy: 'text', article: 'text', faq: 'answer', guide: 'notes' };

export const readMarkdown: Reader = async (file, options) => {
  const raw = decodeText(await readFile(file));
  if (!matter.test(raw)) return documentOutcome(file, raw, options);
  let parsed: { data: Record<string, unknown>; content: string; matter: string };
  try {
    // Passing options turns off gray-matter's cache, which would share `data` between calls.
    parsed = matter(raw, {});
  } catch (error) {
    return failed(file, `front matter is not valid YAML: ${errorMessage(error)}`);
  }
  const prepared = prepareRecord(withListFields(withRealDates(parsed.data, parsed.matter)), options);
  if (!prepared.ok) return failed(file, `front matter: ${prepared.message}`);
  const front = prepared.input;
  const body = parsed.content.replace(/^\s*\n/, '').trimEnd();
  const frontKind = typeof front.kind === 'string' && (ITEM_KINDS as readonly string[]).includes(front.kind) ? (front.kind as ItemKind) : undefined;
  // The body is authored text, so it is kept as written; detection only fills what front matter leaves out.
  const detected = body.trim() ? documentRecord(file, body, frontKind ?? options.kind) : {};
  const kind = frontKind ?? (detected.kind as ItemKind | undefined) ?? options.kind ?? 'article';
  const bodyField = BODY_FIELD[kind];
  const input: Record<string, unknown> = { ...detected, ...front, kind };
  if (front[bodyField] === undefined) input[bodyField] = body;
  // A front-matter kind the model does not know is left for validation to report.
  if (front.kind !== undefined && frontKind === undefined) input.kind = front.kind;
  return { candidates: [{ input, derivedId: front.id === undefined }], problems: [] };
};

/**
 * YAML turns `2024-13-45` into a Date in 2025 without complaint. A Date whose source text is not
 * a real calendar date goes back to that text, for validation to reject.
 */
function withRealDates(data: Record<string, unknown>, yaml: string): Record<string, unknown> {
  const out = { ...data };
  for (const [key, value] of Object.entries(out)) {
    if (!(value instanceof Date)) continue;
    const source = new RegExp(`^${key}\\s*:\\s*['"]?([^'"#\\n]+)`, 'm').exec(yaml)?.[1]?.trim();
    if (source && parseDate(source) === undefined) out[key] = source;
  }
  return out;
}

/** `tags: 营业执照, 企业开办` in front matter means a list. */
function withListFields(data: Record<string, unknown>): Record<string, unknown> {
  const out = { ...data };
  for (const field of ['tags', 'audience', 'similarQuestions', 'links', 'legalBasis']) {
    const value = out[field];
    if (typeof value === 'string') out[field] = value.split(/[,，、;；|]/).map((s) => s.trim()).filter(Boolean);
  }
  return out;
}
