/**
 * @module ingestion/record
 * Prepares a structured record (a JSON object, a front-matter block) for validation, and
 * recognises the eval corpus format (`{ id, title, text }` with no `kind`).
 */
import type { ItemKind } from '../knowledge/index.js';
import { normaliseDateFields } from './dates.js';
import { detectTitle, runOnTitle } from './detect.js';
import { guideIn } from './document.js';
import type { ImportOptions } from './types.js';

export type Prepared = { ok: true; input: Record<string, unknown> } | { ok: false; message: string };

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

export function prepareRecord(raw: unknown, options: ImportOptions): Prepared {
  if (!isPlainObject(raw)) return { ok: false, message: `expected an object, got ${describe(raw)}` };
  if (isEvalCorpusRecord(raw)) return { ok: true, input: evalCorpusGuide(raw, options.kind) ?? fromEvalCorpus(raw, options.kind ?? 'policy') };
  const input = normaliseDateFields(raw);
  // A numeric id in hand-written JSON or YAML means the same id as text.
  if (typeof input.id === 'number') input.id = String(input.id);
  return { ok: true, input };
}

/** A line of `corpus.jsonl` (see shared/eval/FORMAT.md): no kind, string id, title and text. */
export function isEvalCorpusRecord(raw: Record<string, unknown>): raw is { id: string; title: string; text: string } {
  return raw.kind === undefined && typeof raw.id === 'string' && typeof raw.title === 'string' && typeof raw.text === 'string';
}

/**
 * Eval documents keep their id and text exactly as published, so that the gold answers, which
 * are spans of that text, can still be found in what was stored.
 */
function fromEvalCorpus(raw: { id: string; title: string; text: string }, kind: ItemKind): Record<string, unknown> {
  // The corpus is web text flattened onto one line, so the run-on reading is tried first.
  const title = raw.title.trim() || runOnTitle(raw.text) || detectTitle(raw.text) || runOnTitle(raw.text, true) || raw.id;
  const base = { kind, id: raw.id, title };
  switch (kind) {
    case 'policy':
    case 'article':
      return { ...base, text: raw.text };
    case 'faq':
      return { ...base, answer: raw.text };
    case 'guide':
      return { ...base, notes: raw.text };
  }
}

/** A corpus document that is a service guide becomes one, its fields read from the text (title as given). */
function evalCorpusGuide(raw: { id: string; title: string; text: string }, kind: ItemKind | undefined): Record<string, unknown> | undefined {
  const guide = guideIn(raw.text, raw.text, kind);
  if (!guide) return undefined;
  return { kind: 'guide', id: raw.id, title: raw.title.trim() || guide.title || raw.id, ...guide.fields };
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}
