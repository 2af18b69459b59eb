/**
 * @module server/admin/import-previews
 * Import previews, held in memory by this server for 30 minutes between "preview" and "commit":
 * nothing is stored before a person has seen what an import would do. A preview belongs to the
 * account that made it. Behind a load balancer, preview and commit must reach the same instance
 * (sticky sessions), or the commit answers 404 and the person previews again.
 */
import { randomUUID } from 'node:crypto';
import { contentHash, type Item } from '../../knowledge/index.js';
import { diffItems, type FieldChange } from '../../knowledge/item-diff.js';
import type { ImportProblem } from '../../ingestion/index.js';
import type { Store } from '../../storage/index.js';

export const PREVIEW_TTL_MS = 30 * 60 * 1000;
/** Previews kept at most; the oldest go first. Each holds parsed items, so memory is the limit. */
const MAX_PREVIEWS = 50;

export interface Preview {
  id: string;
  owner: string;
  expiresAt: Date;
  files: string[];
  items: Item[];
  problems: ImportProblem[];
}

export class ImportPreviews {
  readonly #previews = new Map<string, Preview>();
  /** Previews being committed now: a second commit of one of them is refused, not run twice. */
  readonly #committing = new Set<string>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  add(owner: string, files: string[], items: Item[], problems: ImportProblem[]): Preview {
    this.#sweep();
    while (this.#previews.size >= MAX_PREVIEWS) this.#previews.delete(this.#previews.keys().next().value!);
    const preview = { id: randomUUID(), owner, expiresAt: new Date(this.now().getTime() + PREVIEW_TTL_MS), files, items, problems };
    this.#previews.set(preview.id, preview);
    return preview;
  }

  /** The owner's unexpired preview, or undefined. */
  get(id: string, owner: string): Preview | undefined {
    this.#sweep();
    const preview = this.#previews.get(id);
    return preview && preview.owner === owner ? preview : undefined;
  }

  /**
   * The owner's preview, held for one commit: `busy` while another commit of it runs. Afterwards
   * `delete` it (committed) or `release` it (failed: it stays for a retry).
   */
  claim(id: string, owner: string): Preview | 'busy' | undefined {
    const preview = this.get(id, owner);
    if (!preview) return undefined;
    if (this.#committing.has(id)) return 'busy';
    this.#committing.add(id);
    return preview;
  }

  release(id: string): void {
    this.#committing.delete(id);
  }

  /** Forgets a preview once it is committed: the same import cannot be committed twice. */
  delete(id: string): void {
    this.#committing.delete(id);
    this.#previews.delete(id);
  }

  #sweep(): void {
    const now = this.now();
    // One being committed stays until its commit ends, however long that takes.
    for (const [id, preview] of this.#previews) if (preview.expiresAt <= now && !this.#committing.has(id)) this.#previews.delete(id);
  }
}

export interface Comparison {
  create: Item[];
  update: { item: Item; changes: FieldChange[] }[];
  unchanged: string[];
}

/** What writing `items` would do to the published knowledge base. */
export async function compareWithPublished(store: Store, items: readonly Item[]): Promise<Comparison> {
  const published = new Map((await store.listItems()).map((i) => [i.id, i]));
  const result: Comparison = { create: [], update: [], unchanged: [] };
  for (const item of items) {
    const current = published.get(item.id);
    if (!current) result.create.push(item);
    else if (contentHash(current) === contentHash(item)) result.unchanged.push(item.id);
    else result.update.push({ item, changes: diffItems(current, item) });
  }
  return result;
}
