/**
 * The rule book over a real PGlite store: the shipped rules are seeded as published versions and
 * come back exactly as the files load them (the notices' rule versions, which hash them, do not
 * move on upgrade); a changed shipped file is seeded again only while nobody edited the rule; a
 * published version is served as soon as the store's revision moves.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type ShippedRuleInput, type Store } from '../../storage/index.js';
import { ruleVersion } from '../notices/rule-version.js';
import { loadRules } from '../rules/load.js';
import { RuleBook } from './book.js';
import { checkDraft } from './draft.js';
import { shippedRuleFiles } from './shipped-files.js';

let store: Store;
const shipped = shippedRuleFiles();
beforeEach(async () => {
  store = await openStore({ dataDir: 'memory://' });
});
afterEach(async () => store?.close());

const withSource = (files: readonly ShippedRuleInput[], id: string, change: (s: string) => string): ShippedRuleInput[] =>
  files.map((f) => (f.ruleId === id ? { ...f, source: change(f.source), hash: `${f.hash}x` } : f));

describe('the rule book', () => {
  it('seeds the shipped rules, which come back exactly as the files load them', async () => {
    const book = new RuleBook(store, { shipped: () => shipped });
    const rules = await book.rules();
    const files = loadRules();
    expect(rules.map((r) => r.id)).toEqual(files.map((r) => r.id).sort());
    for (const rule of rules) {
      const file = files.find((r) => r.id === rule.id)!;
      expect(JSON.stringify(rule)).toBe(JSON.stringify(file));
      expect(ruleVersion(rule, undefined)).toBe(ruleVersion(file, undefined));
    }
    const stored = await store.rules.history('high-tech-enterprise');
    expect(stored).toMatchObject([{ version: 1, status: 'published', author: 'shipped', shipped: true }]);
    expect(stored[0]!.source).toContain('国科发火〔2016〕32号');
    expect(stored[0]!.tests).toContain('rule: high-tech-enterprise');
    // Seeding again, in another process, changes nothing.
    expect(await store.rules.seedShipped(shipped)).toEqual({ created: [], updated: [], kept: [] });
  });

  it('seeds a changed shipped file again only while nobody has edited the rule', async () => {
    await new RuleBook(store, { shipped: () => shipped }).rules();
    // The first seed tells nobody (every instance reads the same files); an updated file does.
    expect(await store.revision()).toBe(0);
    const changed = withSource(shipped, 'xinghe-tech-sme-award', (s) => s.replace('amount: { fixed: 2 }', 'amount: { fixed: 3 }'));
    const book = new RuleBook(store, { shipped: () => changed });
    expect(await book.seed()).toEqual({ created: [], updated: ['xinghe-tech-sme-award'], kept: [] });
    expect(await store.revision()).toBe(1);
    expect((await store.audit.query({ action: 'rule.seed' })).map((e) => e.actor)).toEqual(['system']);
    expect((await store.rules.history('xinghe-tech-sme-award')).map((v) => [v.version, v.status])).toEqual([
      [2, 'published'],
      [1, 'retired'],
    ]);

    // Staff edit the rule: a later shipped change leaves staff's rule alone.
    const draft = checkDraft({ source: changed.find((f) => f.ruleId === 'xinghe-tech-sme-award')!.source.replace('fixed: 3', 'fixed: 4'), ruleId: 'xinghe-tech-sme-award' }, []);
    if (!draft.ok) throw new Error(JSON.stringify(draft.problems));
    await store.rules.saveDraft({ ruleId: 'xinghe-tech-sme-award', kind: draft.rule.kind, name: draft.rule.name, source: 'x', rule: draft.rule }, 'li.editor');
    const again = withSource(shipped, 'xinghe-tech-sme-award', (s) => s.replace('amount: { fixed: 2 }', 'amount: { fixed: 5 }'));
    const report = await new RuleBook(store, { shipped: () => again }).seed();
    expect(report).toMatchObject({ created: [], updated: [] });
    expect((await store.rules.history('xinghe-tech-sme-award')).map((v) => [v.version, v.status, v.author])).toEqual([
      [3, 'draft', 'li.editor'],
      [2, 'published', 'shipped'],
      [1, 'retired', 'shipped'],
    ]);
  });

  it('serves a newly published version once the revision moved, on every instance', async () => {
    const book = new RuleBook(store, { shipped: () => shipped });
    // Another instance's book over the same database, loaded before the change.
    const other = new RuleBook(store, { shipped: () => shipped });
    const before = (await book.rules()).find((r) => r.id === 'xinghe-tech-sme-award');
    expect(await other.rules()).toHaveLength(8);
    expect(before?.kind === 'eligibility' && before.benefit?.amount).toEqual({ fixed: 2 });
    const source = shipped.find((f) => f.ruleId === 'xinghe-tech-sme-award')!.source.replace('amount: { fixed: 2 }', 'amount: { fixed: 3 }');
    const draft = checkDraft({ source, ruleId: 'xinghe-tech-sme-award' }, await book.rules());
    if (!draft.ok) throw new Error(JSON.stringify(draft.problems));
    const saved = await store.rules.saveDraft({ ruleId: draft.rule.id, kind: draft.rule.kind, name: draft.rule.name, source, rule: draft.rule }, 'li.editor');
    await store.rules.submit(saved.ruleId, saved.version, 'li.editor');
    // Drafts and versions in review are never served.
    expect((await book.rules()).find((r) => r.id === 'xinghe-tech-sme-award')).toBe(before);
    await store.rules.publish(saved.ruleId, saved.version, 'wang.reviewer');
    const after = (await book.rules()).find((r) => r.id === 'xinghe-tech-sme-award');
    expect(after?.kind === 'eligibility' && after.benefit?.amount).toEqual({ fixed: 3 });
    expect((await book.versions()).get('xinghe-tech-sme-award')).toBe(2);
    const elsewhere = (await other.rules()).find((r) => r.id === 'xinghe-tech-sme-award');
    expect(elsewhere?.kind === 'eligibility' && elsewhere.benefit?.amount).toEqual({ fixed: 3 });
    expect(other.current()).toContain(elsewhere);
  });
});
