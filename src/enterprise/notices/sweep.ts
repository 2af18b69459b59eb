/**
 * @module enterprise/notices/sweep
 * Who a rule newly fits: every active enterprise evaluated against every eligibility rule in
 * force, and a notice made for each (enterprise, rule version) that fits — or might, when at most
 * a few facts are missing — and has none yet. Safe to run again and on several instances at once:
 * the store's unique key makes each notice once, and only its creator queues its deliveries.
 */
import { randomUUID } from 'node:crypto';
import type { NoticeToCreate, Store } from '../../storage/index.js';
import { MAX_NOTICES_PER_CREATE, noticeKey } from '../../storage/notices.js';
import { evaluateRule, isInForce, rulebookOf } from '../rules/evaluate.js';
import type { Rule } from '../rules/schema.js';
import { composeNotice } from './compose.js';
import { activeProfiles } from './profiles.js';
import { ruleVersion } from './rule-version.js';

/** A "might fit" notice only when this few facts are missing: close enough to be worth a message. */
export const MAX_MISSING_FOR_NOTICE = 3;
/** Evaluations between yields to the event loop, so a sweep of 10,000 enterprises never stalls requests. */
const YIELD_EVERY = 200;
/**
 * Notices written per transaction (two multi-row INSERTs): the first sweep of a new rule makes
 * thousands, and one transaction each cost 69 s for 2,861 on PostgreSQL.
 */
const WRITE_CHUNK = 250;

export interface SweepSettings {
  /** Whom e-mail can reach: without SMTP no e-mail deliveries are queued. */
  emailEnabled: boolean;
  /** The job's clock: when notices are made and their deliveries first due. */
  now: () => Date;
  /** Notices per transaction (default 250, at most the store's MAX_NOTICES_PER_CREATE). */
  writeChunk?: number;
}

export interface SweepReport {
  enterprises: number;
  rules: number;
  created: number;
  /** enterprises skipped because they turned notices off */
  off: number;
}

export interface RuleVersionInfo {
  rule: Rule;
  version: string;
  guideTitle?: string;
}

/** The eligibility rules in force on `asOf` with their current version (their guide's hash included). */
export async function currentRuleVersions(store: Store, rules: readonly Rule[], asOf: string): Promise<RuleVersionInfo[]> {
  const offers = rules.filter((r) => r.kind !== 'classification' && isInForce(r, asOf));
  const guideIds = [...new Set(offers.flatMap((r) => (r.guide ? [r.guide] : [])))];
  const guides = new Map((await store.getItems(guideIds)).map((item) => [item.id, item]));
  const hashes = guideIds.length ? await store.itemHashes() : new Map<string, string>();
  return offers.map((rule) => {
    const guide = rule.guide ? guides.get(rule.guide) : undefined;
    return { rule, version: ruleVersion(rule, rule.guide ? hashes.get(rule.guide) : undefined), ...(guide ? { guideTitle: guide.title } : {}) };
  });
}

export async function sweepNotices(store: Store, rules: readonly Rule[], asOf: string, settings: SweepSettings, enterpriseIds?: readonly string[]): Promise<SweepReport> {
  // One global order (enterprise, then rule) for every instance: their writes take the unique
  // key's locks in the same order, so two sweeps at once wait for each other but never deadlock.
  const versions = (await currentRuleVersions(store, rules, asOf)).sort((a, b) => compare(a.rule.id, b.rule.id));
  const rulebook = rulebookOf(rules);
  const profiled = (await activeProfiles(store, enterpriseIds)).sort((a, b) => compare(a.enterprise.id, b.enterprise.id));
  const allSettings = await store.notices.allSettings(enterpriseIds);
  const existing = await store.notices.existingKeys(versions.map((v) => v.version), enterpriseIds);
  const report: SweepReport = { enterprises: profiled.length, rules: versions.length, created: 0, off: 0 };
  const chunk = Math.min(settings.writeChunk ?? WRITE_CHUNK, MAX_NOTICES_PER_CREATE);
  let pending: NoticeToCreate[] = [];
  const flush = async () => {
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    report.created += await store.notices.createMany(batch, settings.now());
  };
  let evaluated = 0;
  for (const { enterprise, profile } of profiled) {
    const own = allSettings.get(enterprise.id);
    if (own?.noticesOff) {
      report.off++;
      continue;
    }
    const classes = new Map();
    for (const { rule, version, guideTitle } of versions) {
      if (++evaluated % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      const result = evaluateRule(rule, profile, asOf, rulebook, classes);
      const notify = result.verdict === 'eligible' || (result.verdict === 'missing-facts' && result.missingFacts.length <= MAX_MISSING_FOR_NOTICE);
      if (!notify || existing.has(noticeKey(enterprise.id, rule.id, version, result.verdict))) continue;
      const composed = composeNotice(result, guideTitle);
      // A "might fit" stays in the portal's inbox; only a fit goes out by webhook and e-mail.
      const channels =
        result.verdict === 'eligible'
          ? [
              ...(own?.webhookUrl ? [{ channel: 'webhook' as const, target: own.webhookUrl }] : []),
              ...(own?.email && settings.emailEnabled ? [{ channel: 'email' as const, target: own.email }] : []),
            ]
          : [];
      pending.push({
        notice: { id: randomUUID(), enterpriseId: enterprise.id, ruleId: rule.id, ruleVersion: version, verdict: result.verdict as 'eligible' | 'missing-facts', ...composed },
        channels,
      });
      if (pending.length >= chunk) await flush();
    }
  }
  await flush();
  return report;
}

/** Code-point order, the same on every instance whatever its locale (unlike localeCompare). */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
