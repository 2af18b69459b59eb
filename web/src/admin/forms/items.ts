/**
 * @module web/admin/forms/items
 * An item for the editor and back: every list the kind has is present (so the list editors have
 * something to bind to), and on save empty fields and empty rows are dropped, dates left blank
 * are removed, so that the server's validation sees only what a person filled in.
 */
import type { Item, ItemKind, Material } from '../types';

const LISTS: Record<ItemKind, (keyof Item)[]> = {
  guide: ['conditions', 'materials', 'steps', 'legalBasis'],
  policy: [],
  faq: ['similarQuestions', 'links'],
  article: [],
};

export function blankItem(kind: ItemKind): Item {
  const item: Item = { kind, id: '', title: '' };
  if (kind === 'policy' || kind === 'article') item.text = '';
  if (kind === 'faq') item.answer = '';
  return editable(item);
}

export function editable(source: Item): Item {
  const item = structuredClone(source) as Item;
  const fields = item as unknown as Record<string, unknown>;
  for (const key of LISTS[item.kind]) if (!Array.isArray(fields[key])) fields[key] = [];
  if (item.materials) item.materials = item.materials.map((m) => ({ ...m }));
  delete item.createdAt;
  delete item.updatedAt;
  return item;
}

function cleanMaterial(m: Material): Material | undefined {
  const out: Material = { name: (m.name ?? '').trim() };
  if (m.form?.trim()) out.form = m.form.trim();
  if (typeof m.copies === 'number' && m.copies > 0) out.copies = m.copies;
  if (m.notes?.trim()) out.notes = m.notes.trim();
  // A row left wholly empty is dropped; a row with only a note keeps its empty name, so the server names it.
  return out.name || out.form !== undefined || out.notes !== undefined ? out : undefined;
}

export function cleanItem(source: Item): Item {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') {
      const t = value.trim();
      if (t || key === 'id' || key === 'title') out[key] = t;
    } else if (key === 'materials' && Array.isArray(value)) {
      out[key] = (value as Material[]).map(cleanMaterial).filter((m): m is Material => m !== undefined);
    } else if (Array.isArray(value)) {
      out[key] = value.map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => v !== '');
    } else {
      out[key] = value;
    }
  }
  return out as unknown as Item;
}
