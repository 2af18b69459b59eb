/**
 * @module search/index-update.test
 * An index updated in place answers as one built afresh over the same items: the demo knowledge
 * base, with a second zone's copies of some items, goes through rounds of random edits, new
 * items (new titles: new dictionary words), withdrawals and a level change; after each round the
 * ranked items and their scores for a set of questions equal those of a fresh build.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateItem, type Item } from '../knowledge/index.js';
import { TextAnalyzer } from '../language/index.js';
import { SearchIndex, type SearchResult } from './search-index.js';
import { DEFAULT_RANKING } from './ranking.js';

const TODAY = '2026-06-01';
const HOME = '星河高新区政务服务中心';
const OTHER_ZONE = '云港高新区';

function demoItems(): Item[] {
  return ['faqs', 'guides', 'policies'].flatMap((name) =>
    readFileSync(fileURLToPath(new URL(`../../demo/${name}.jsonl`, import.meta.url)), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => checked(JSON.parse(line) as unknown)),
  );
}

function checked(input: unknown): Item {
  const result = validateItem(input);
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.item;
}

/** A small seeded generator (mulberry32), so a failing round can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sentences to graft into edited items: citizens' wording, none of it in the demo. */
const GRAFTS = [
  '窗口周六上午也可以办理，下午不对外。',
  '逾期未申报的，视为自动放弃本年度补贴资格。',
  '申请人可通过“星河政务”小程序查询办理进度。',
  '失业保险金按月发放，每月15日前到账。',
  '新设立的科技型中小企业可享受房租减半。',
];

type Change = { upserts: Item[]; removals: string[] };

/** One round of random changes to `items` (changed in place), as the store would report them. */
function randomChanges(items: Map<string, Item>, next: () => number, round: number): Change {
  const ids = () => [...items.keys()].sort();
  const pick = () => ids()[Math.floor(next() * items.size)]!;
  const upserts = new Map<string, Item>();
  const removals = new Set<string>();
  for (let k = 0; k < 8; k++) {
    const roll = next();
    const id = pick();
    const item = items.get(id)!;
    let changed: Item | undefined;
    if (roll < 0.2) {
      items.delete(id);
      upserts.delete(id);
      removals.add(id);
      continue;
    } else if (roll < 0.45) {
      // Another zone's copy of a service, under a new title: a new dictionary word and a new zone.
      changed = checked({ ...item, id: `${id}-yungang-${round}-${k}`, title: `${OTHER_ZONE}${item.title}` });
    } else if (roll < 0.6) {
      changed = checked({ ...item, title: `${item.title}（${round}年修订）` });
    } else if (roll < 0.7 && item.kind === 'policy') {
      changed = checked({ ...item, level: item.level === 'national' ? 'zone' : 'national' });
    } else {
      const graft = GRAFTS[Math.floor(next() * GRAFTS.length)]!;
      changed = checked(
        item.kind === 'faq'
          ? { ...item, answer: `${item.answer}${graft}` }
          : item.kind === 'guide'
            ? { ...item, notes: `${item.notes ?? ''}${graft}` }
            : { ...item, text: `${item.text}\n${graft}` },
      );
    }
    items.set(changed.id, changed);
    removals.delete(changed.id);
    upserts.set(changed.id, changed);
  }
  return { upserts: [...upserts.values()], removals: [...removals] };
}

const QUESTIONS = [
  '开公司要带哪些材料',
  '营业执照在哪里办',
  '人才公寓怎么申请',
  `${OTHER_ZONE}人才公寓怎么申请`,
  '本区的安家补贴能拿多少',
  '失业保险今怎么领',
  '周六能去窗口办吗',
  '研发费用加计扣除有什么条件',
  '社保卡丢了怎么补办',
  '小程序能查办理进度吗',
];

/** Ranked ids and scores, rounded: a score may differ in its last bits with the order items were added. */
function ranking(result: SearchResult): { id: string; score: number }[] {
  return result.hits.map((h) => ({ id: h.item.id, score: Math.round(h.score * 1e6) / 1e6 }));
}

function expectSameAnswers(updated: SearchIndex, fresh: SearchIndex, questions: readonly string[]): void {
  for (const question of questions) {
    const a = updated.search(question, { today: TODAY }, 10);
    const b = fresh.search(question, { today: TODAY }, 10);
    expect(a.query.normalized, question).toBe(b.query.normalized);
    expect(ranking(a), question).toEqual(ranking(b));
    expect(updated.zoneScope(a.query), question).toEqual(fresh.zoneScope(b.query));
  }
}

describe('SearchIndex.update', () => {
  let analyzer: TextAnalyzer;
  beforeAll(() => {
    analyzer = new TextAnalyzer();
  });

  it('answers after rounds of random edits, additions and withdrawals as a fresh build over the same items', async () => {
    const items = new Map(demoItems().map((i) => [i.id, i]));
    const next = random(Number(process.env.SEED ?? 11));
    const options = { homeZone: HOME };
    const index = await SearchIndex.build([...items.values()], analyzer, DEFAULT_RANKING, options);
    for (let round = 1; round <= 4; round++) {
      const changes = randomChanges(items, next, round);
      await index.update(changes);
      const current = [...items.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
      const fresh = await SearchIndex.build(current, analyzer, DEFAULT_RANKING, options);
      expect(index.size).toBe(fresh.size);
      const titles = current.filter((_, k) => k % 23 === round).map((i) => i.title);
      expectSameAnswers(index, fresh, [...QUESTIONS, ...titles]);
    }
  }, 240_000);

  it('takes an item out and puts it back: answers as before, the item first again for its title', async () => {
    const items = demoItems();
    const index = await SearchIndex.build(items, analyzer, DEFAULT_RANKING, { homeZone: HOME });
    const faq = items.find((i) => i.kind === 'faq')!;
    const before = ranking(index.search(faq.title, { today: TODAY }));
    await index.update({ upserts: [], removals: [faq.id] });
    expect(index.getItem(faq.id)).toBeUndefined();
    expect(ranking(index.search(faq.title, { today: TODAY })).map((h) => h.id)).not.toContain(faq.id);
    await index.update({ upserts: [faq], removals: [] });
    expect(ranking(index.search(faq.title, { today: TODAY }))).toEqual(before);
  }, 120_000);

  it('segments the items that hold a newly published title, and reads new words for their homophones, as a fresh build does', async () => {
    const items = demoItems();
    const index = await SearchIndex.build(items, analyzer, DEFAULT_RANKING);
    // A new FAQ whose title is a phrase other items' texts use: it becomes one dictionary word.
    const faq = checked({ kind: 'faq', id: 'faq-new-phrase', title: '优惠明细表', answer: '优惠明细表随年度纳税申报表一并报送。' });
    // Two new items naming a locker the knowledge base never named: its pair 蜂巢 is now known.
    const lockers = [1, 2].map((n) =>
      checked({ kind: 'faq', id: `faq-locker-${n}`, title: `材料投递${n}`, answer: '材料可投递至一楼蜂巢柜，工作人员次日取件。' }),
    );
    await index.update({ upserts: [faq, ...lockers], removals: [] });
    const fresh = await SearchIndex.build([...items, faq, ...lockers], analyzer, DEFAULT_RANKING);
    expect(index.search('材料能放丰巢柜吗').query.normalized).toContain('蜂巢柜');
    expectSameAnswers(index, fresh, ['优惠明细表怎么填', '明细表在哪里下载', '材料能放丰巢柜吗', ...QUESTIONS]);
  }, 120_000);

  it('never holds the event loop long: a one-item update is applied in one short step', async () => {
    const items = demoItems();
    const index = await SearchIndex.build(items, analyzer, DEFAULT_RANKING);
    const edited = checked({ ...items[0]!, title: `${items[0]!.title}（更新）` });
    const report = await index.update({ upserts: [edited], removals: [] });
    expect(report.changed).toBeGreaterThanOrEqual(1);
    expect(report.longestStepMs).toBeLessThan(500);
    expect(index.search(edited.title, { today: TODAY }).hits[0]?.item.id).toBe(edited.id);
  }, 120_000);
});
