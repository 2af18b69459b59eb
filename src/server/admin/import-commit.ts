/**
 * @module server/admin/import-commit
 * Committing a previewed import: all of it or nothing. The drafts (saved and submitted for review,
 * one per new or changed item) or the published items, and the audit entry, are written in one
 * transaction; a failure or a crash midway leaves the store as it was.
 */
import type { Store } from '../../storage/index.js';
import { SELF_PUBLISHED } from '../../storage/index.js';
import { compareWithPublished, type Preview } from './import-previews.js';

export interface CommitResult {
  published: boolean;
  created: string[];
  updated: string[];
  unchanged: string[];
  versions: { itemId: string; version: number; status: string }[];
}

/**
 * Writes `preview` through `store`, which must be bound to one transaction (Store.transaction).
 * `publish` publishes at once; the caller has checked that `actor` may.
 */
export async function commitPreview(store: Store, preview: Preview, actor: string, publish: boolean): Promise<CommitResult> {
  // Compared inside the transaction, so the lists say what this commit did.
  const compared = await compareWithPublished(store, preview.items);
  const changed = [...compared.create, ...compared.update.map((u) => u.item)];
  const note = `导入：${preview.files.join('、')}`.slice(0, 500);
  const result: CommitResult = {
    published: publish,
    created: compared.create.map((i) => i.id),
    updated: compared.update.map((u) => u.item.id),
    unchanged: compared.unchanged,
    versions: [],
  };
  if (publish) {
    const written = await store.upsertItems(changed, actor);
    result.created = written.created;
    result.updated = written.updated;
    result.unchanged = [...result.unchanged, ...written.unchanged];
  } else {
    for (const item of changed) {
      const draft = await store.versions.saveDraft(item, actor, note);
      const submitted = await store.versions.submit(item.id, draft.version, actor);
      result.versions.push({ itemId: item.id, version: submitted.version, status: submitted.status });
    }
  }
  await store.audit.record({
    actor,
    action: 'import.commit',
    // Publishing an import at once is the importer approving their own change (allowed only without four eyes).
    after: { published: publish, created: result.created, updated: result.updated, unchanged: result.unchanged.length, ...(publish ? { selfPublished: true } : {}) },
    detail: publish ? `${SELF_PUBLISHED}；${note}`.slice(0, 500) : note,
  });
  return result;
}
