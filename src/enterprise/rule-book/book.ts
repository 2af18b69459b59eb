/**
 * @module enterprise/rule-book/book
 * The published rules, as matching, the chat's eligibility dialogue and the notices job use them:
 * held in memory and read again from the store only when the store's revision has moved (a rule
 * published or rolled back here or on another instance moves it, and LISTEN/NOTIFY tells the
 * notices job at once). Before the first read the shipped rules are seeded (once per process), so
 * a fresh installation, the demo and the tests see exactly the rules in resources/rules.
 */
import type { SeedReport, ShippedRuleInput, Store } from '../../storage/index.js';
import { isUnreachable } from '../../storage/unreachable.js';
import { checkRuleText, rulebookProblems } from '../rules/load.js';
import type { Rule } from '../rules/schema.js';
import type { RuleSource } from '../rules/source.js';
import { shippedRuleFiles } from './shipped-files.js';

export interface RuleBookOptions {
  /** The shipped rule files (default: resources/rules, read once). */
  shipped?: () => readonly ShippedRuleInput[];
  logError?: (message: string) => void;
}

interface Held {
  revision: number;
  rules: readonly Rule[];
  /** the published version number of each rule */
  versions: ReadonlyMap<string, number>;
}

export class RuleBook implements RuleSource {
  #held: Held | undefined;
  #loading: { revision: number; promise: Promise<Held> } | undefined;
  #seeded: Promise<SeedReport> | undefined;
  #shipped: readonly ShippedRuleInput[] | undefined;

  constructor(
    private readonly store: Store,
    private readonly options: RuleBookOptions = {},
  ) {}

  /** The shipped rules as checked at start (the fallback before the store has answered once). */
  get shipped(): readonly ShippedRuleInput[] {
    this.#shipped ??= this.options.shipped?.() ?? shippedRuleFiles();
    return this.#shipped;
  }

  /** Seeds the shipped rules into the store, once per process (again after a failure). */
  seed(): Promise<SeedReport> {
    this.#seeded ??= this.store.rules.seedShipped(this.shipped).catch((error: unknown) => {
      this.#seeded = undefined;
      throw error;
    });
    return this.#seeded;
  }

  /** The published rules now, in id order. */
  async rules(): Promise<readonly Rule[]> {
    return (await this.#current()).rules;
  }

  /** The published version number of each rule now. */
  async versions(): Promise<ReadonlyMap<string, number>> {
    return (await this.#current()).versions;
  }

  /** The rules last read (the shipped ones before the first read), without asking the store. */
  current(): readonly Rule[] {
    return this.#held?.rules ?? (this.shipped.map((file) => file.rule) as Rule[]);
  }

  async #current(): Promise<Held> {
    let revision: number;
    try {
      await this.seed();
      revision = await this.store.revision();
    } catch (error) {
      // The database is unreachable: the rules held answer until it is back.
      if (this.#held && isUnreachable(error)) return this.#held;
      throw error;
    }
    if (this.#held?.revision === revision) return this.#held;
    if (this.#loading?.revision !== revision) {
      const promise = this.#load(revision).finally(() => {
        if (this.#loading?.promise === promise) this.#loading = undefined;
      });
      this.#loading = { revision, promise };
    }
    return this.#loading.promise;
  }

  async #load(revision: number): Promise<Held> {
    const rules: Rule[] = [];
    const versions = new Map<string, number>();
    for (const stored of await this.store.rules.published()) {
      // Checked again on the way in: what the code's schema makes of it (defaults, key order — the
      // notices' rule version hashes it) is the same as for a file; a rule an upgrade no longer
      // accepts is left out and said so, rather than evaluated half-understood.
      const checked = checkRuleText(stored.source, stored.ruleId, stored.rule);
      if (!checked.ok) {
        this.options.logError?.(`rule ${stored.ruleId} v${stored.version} no longer passes the schema and is left out: ${checked.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
        continue;
      }
      rules.push(checked.rule);
      versions.set(checked.rule.id, stored.version);
    }
    const problems = rulebookProblems(rules);
    if (problems.length) this.options.logError?.(`published rules: ${problems.join('; ')}`);
    const held = { revision, rules, versions };
    // A slower load of an older revision must not replace a newer one.
    if (!this.#held || this.#held.revision <= revision) this.#held = held;
    return held;
  }
}
