/**
 * @module storage/item-rows
 * Converting between items and rows of the `items` table, validating both ways so that neither a
 * bad item nor a corrupt row gets past the store unnoticed.
 */
import { contentHash, validateItem, type Item } from '../knowledge/index.js';

/** An item checked and ready to write. */
export interface PreparedItem {
  item: Item;
  hash: string;
  /** The item without its timestamps, as JSON text for a `$n::jsonb` parameter. */
  json: string;
}

/** The columns `itemFromRow` reads. */
export interface ItemRow {
  id: string;
  data: unknown;
  created_at: unknown;
  updated_at: unknown;
}

/** The column list matching `ItemRow`, for SELECTs. */
export const ITEM_COLUMNS = 'id, data, created_at, updated_at';

/**
 * Validates a batch and keys it by id; when an id occurs twice the later item wins, as if the
 * batch had been written in order.
 */
export function prepareItems(items: readonly Item[]): Map<string, PreparedItem> {
  const prepared = new Map<string, PreparedItem>();
  items.forEach((input, index) => {
    const where = `item ${describeId(input)} (number ${index + 1} in the batch)`;
    const result = validateItem(input);
    if (!result.ok) throw new Error(`xiaoxin storage: ${where} is invalid: ${result.errors.join('; ')}`);
    const { createdAt: _created, updatedAt: _updated, ...content } = result.item;
    const unstorable = findUnstorableText(content, '');
    if (unstorable) throw new Error(`xiaoxin storage: ${where} cannot be stored: ${unstorable}`);
    // Delete first so that the map's order follows the last occurrence, like the writes would.
    prepared.delete(result.item.id);
    prepared.set(result.item.id, { item: result.item, hash: contentHash(result.item), json: JSON.stringify(content) });
  });
  return prepared;
}

/** Turns a row back into an item, with its timestamps as ISO strings, re-validated. */
export function itemFromRow(row: ItemRow): Item {
  const corrupt = (reason: string) => new Error(`xiaoxin storage: stored item "${row.id}" is corrupt: ${reason}`);
  let data: unknown = row.data;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      throw corrupt('its data is not valid JSON');
    }
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw corrupt('its data is not a JSON object');
  const createdAt = toIsoString(row.created_at);
  const updatedAt = toIsoString(row.updated_at);
  if (!createdAt || !updatedAt) throw corrupt('its created_at or updated_at is not a timestamp');
  const result = validateItem({ ...data, createdAt, updatedAt });
  if (!result.ok) throw corrupt(result.errors.join('; '));
  if (result.item.id !== row.id) throw corrupt(`its data carries the id "${result.item.id}"`);
  return result.item;
}

function describeId(input: unknown): string {
  const id = (input as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? `"${id}"` : '(without an id)';
}

/** node-postgres and PGlite both return timestamptz as a Date; a string is accepted too. */
function toIsoString(value: unknown): string | undefined {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

/**
 * PostgreSQL cannot store NUL characters or lone UTF-16 surrogates in text or jsonb; both turn up
 * in text extracted from PDFs. Finding them here names the field instead of failing mid-write.
 */
function findUnstorableText(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') {
    const at = path || 'the item';
    if (value.includes('\u0000')) return `${at} contains a NUL character (\\u0000)`;
    if (/\p{Surrogate}/u.test(value)) return `${at} contains a broken character (a lone UTF-16 surrogate)`;
    return undefined;
  }
  if (Array.isArray(value)) {
    for (const [index, element] of value.entries()) {
      const found = findUnstorableText(element, `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, element] of Object.entries(value)) {
      const found = findUnstorableText(element, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}
