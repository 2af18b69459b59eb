/**
 * @module ingestion/markdown
 * Reads Markdown. With YAML front matter the front matter gives the item's fields and the body
 * its text (or a FAQ's answer); without it the file is a document like any text file.
 * Front matter is YAML only, read with js-yaml's default schema, which has no `!!js/*` tags:
 * gray-matter would otherwise run `---js` front matter as JavaScript, and a file is data.
 */
import type matter from 'gray-matter';
import { load as loadYaml } from 'js-yaml';
import type { ItemKind } from '../knowledge/index.js';
import { ITEM_KINDS } from '../knowledge/index.js';
import { parseDate } from './dates.js';
import { readText } from './decode.js';
import { documentOutcome, documentRecord } from './document.js';
import { errorMessage, failed, type Reader } from './reader.js';
import { prepareRecord } from './record.js';

/** gray-matter, imported on first use rather than at start: it takes ~0.04 s to load (start-up time). */
const loadMatter = () => import('gray-matter').then((m) => m.default);

/** Where each kind keeps its body text. */
const BODY_FIELD: Record<ItemKind, string> = { policy: 'text', article: 'text', faq: 'answer', guide: 'notes' };

export const readMarkdown: Reader = async (file, options) => {
  const raw = await readText(file, options);
  const matter = await loadMatter();
  if (!matter.test(raw)) return documentOutcome(file, raw, options);
  const language = frontMatterLanguage(raw);
  if (language !== 'yaml') return failed(file, `front matter in "${language}" is not accepted; only YAML (--- or ---yaml) is`);
  let parsed: { data: Record<string, unknown>; content: string; matter: string };
  try {
    // Passing options also turns off gray-matter's cache, which would share `data` between calls.
    parsed = matter(raw, { language: 'yaml', engines: SAFE_ENGINES });
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

/** The language after the opening `---` (gray-matter's syntax), `yaml` when none is named. */
function frontMatterLanguage(raw: string): string {
  const named = /^---([^\r\n]*)/.exec(raw)?.[1]?.trim().toLowerCase() ?? '';
  return named === '' || named === 'yaml' || named === 'yml' ? 'yaml' : named.slice(0, 20);
}

const refuse = (language: string) => (): never => {
  throw new Error(`front matter in ${language} is not accepted`);
};

/** gray-matter merges these over its own engines, so its JavaScript ones are replaced too. */
const SAFE_ENGINES = {
  yaml: (text: string): object => {
    const data: unknown = loadYaml(text);
    return data === null || data === undefined ? {} : (data as object);
  },
  js: refuse('javascript'),
  javascript: refuse('javascript'),
  coffee: refuse('coffee'),
  coffeescript: refuse('coffee'),
  cson: refuse('cson'),
  json: refuse('json'),
  toml: refuse('toml'),
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
