/**
 * @module server/admin/item-input
 * What the item routes share: an item sent by the back office checked against the knowledge
 * model with the field named (`item.materials[0].name: must not be empty`), and a version as the
 * API shows it (without its content, which has a route of its own).
 */
import { validateItem, type Item } from '../../knowledge/index.js';
import type { ItemVersion, Store } from '../../storage/index.js';
import { badRequest, notFound } from '../errors.js';

export function checkedItem(input: unknown, idFromPath?: string): Item {
  const record = { ...(input as Record<string, unknown>) };
  if (idFromPath !== undefined) {
    if (record.id === undefined) record.id = idFromPath;
    else if (record.id !== idFromPath) throw badRequest(`item.id: must be "${idFromPath}", the id in the path (or left out)`);
  }
  const result = validateItem(record);
  if (!result.ok) throw badRequest(result.errors.map((e) => `item.${e}`).join('; '));
  return result.item;
}

/** A version without its content. */
export function versionSummary(v: ItemVersion) {
  const { item: _item, ...summary } = v;
  return summary;
}

/** Whether the store knows the item at all: published, or with any version. */
export async function itemExists(store: Store, id: string): Promise<boolean> {
  return (await store.getItem(id)) !== undefined || (await store.versions.history(id)).length > 0;
}

export async function requireVersion(store: Store, id: string, version: number): Promise<ItemVersion> {
  const found = await store.versions.get(id, version);
  if (!found) throw notFound(`item "${id}" has no version ${version}`);
  return found;
}
