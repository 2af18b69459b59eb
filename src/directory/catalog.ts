/**
 * @module directory/catalog
 * The directory as the public sees it today, held in memory with its search index: read again
 * from the store only when the directory's revision or the day has moved, so that a busy portal or
 * chat does not query the database on every request, and several instances stay in step.
 */
import { TextAnalyzer } from '../language/index.js';
import type { Store } from '../storage/index.js';
import { isVisible, type StoredEntry } from './model.js';
import { DirectoryIndex } from './search.js';

export class DirectoryCatalog {
  private held?: { revision: number; today: string; index: DirectoryIndex };
  private loading?: Promise<DirectoryIndex>;
  private analyzerHeld?: TextAnalyzer;

  /** `analyzer`: the answering engine's, when there is one (building another costs a second). */
  constructor(
    private readonly store: Store,
    analyzer?: TextAnalyzer,
  ) {
    this.analyzerHeld = analyzer;
  }

  /** The visible entries and their index for `today` (`YYYY-MM-DD`, zone-local). */
  async current(today: string): Promise<DirectoryIndex> {
    let revision: number;
    try {
      revision = await this.store.directory.revision();
    } catch (error) {
      // The database is unreachable: the copy held answers until it is back.
      if (this.held && this.held.today === today) return this.held.index;
      throw error;
    }
    if (this.held && this.held.revision === revision && this.held.today === today) return this.held.index;
    // One reload at a time; callers arriving meanwhile share it.
    this.loading ??= this.load(revision, today).finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async load(revision: number, today: string): Promise<DirectoryIndex> {
    const entries: StoredEntry[] = (await this.store.directory.list({ status: 'published' })).filter((s) => isVisible(s, today));
    this.analyzerHeld ??= new TextAnalyzer();
    const index = DirectoryIndex.build(entries, this.analyzerHeld);
    this.held = { revision, today, index };
    return index;
  }
}
