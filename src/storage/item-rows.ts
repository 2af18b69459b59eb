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
