/**
 * @module scripts/bench/notices
 * 精准直达's sweep on a real store: N seeded enterprises with varied profiles (the eligibility
 * bench's), swept against every rule — the first sweep makes the notices, the second finds
 * nothing new — and the job's check that nothing changed; on PostgreSQL, the first sweep again by
 * two instances at once (each notice once, no deadlock). `npx tsx scripts/bench/notices.ts [N] [pg-url | postgres]`
 * (default 2000 on PGlite in memory; `postgres` starts a throwaway PostgreSQL server of its own).
 */
import { randomUUID } from 'node:crypto';
import { factsOfProfile } from '../../src/enterprise/profiles/facts.js';
import { sweepNotices } from '../../src/enterprise/notices/sweep.js';
import { loadRules } from '../../src/enterprise/rules/load.js';
import { openStore, type SqlStore } from '../../src/storage/index.js';
import { creditCode } from '../../src/server/enterprise/test-support.js';
import { startThrowawayPostgres } from '../../src/test/throwaway-postgres.js';
import { buildProfiles } from './eligibility.js';

const count = Number(process.argv[2] ?? 2000);
const throwaway = process.argv[3] === 'postgres' ? await startThrowawayPostgres() : undefined;
const databaseUrl = throwaway?.url ?? process.argv[3];
const store = await openStore(databaseUrl ? { databaseUrl } : { dataDir: 'memory://' });
const rules = loadRules();
const asOf = '2024-06-20';
const time = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
  const start = performance.now();
  const result = await fn();
  console.log(`${label}: ${((performance.now() - start) / 1000).toFixed(2)} s`, typeof result === 'object' ? JSON.stringify(result) : '');
  return result;
};

await time(`storing ${count} enterprises`, async () => {
  const profiles = buildProfiles(count);
  for (const [i, profile] of profiles.entries()) {
    const id = randomUUID();
    await store.enterprises.create({ id, creditCode: creditCode(`91520000MA${String(i).padStart(7, '0')}`), name: `企业${i}`, status: 'active', createdBy: 'bench' });
    for (const fact of factsOfProfile(profile)) await store.enterpriseFacts.set(id, fact, 'bench');
  }
});
const settings = { emailEnabled: false, now: () => new Date() };
await time('first sweep (makes the notices)', () => sweepNotices(store, rules, asOf, settings));
await time('second sweep (nothing new)', () => sweepNotices(store, rules, asOf, settings));
const [one] = (await store.enterprises.all()).slice(-1);
await time('incremental sweep (one changed enterprise)', () => sweepNotices(store, rules, asOf, settings, [one!.id]));
await time("the job's change check", () => store.notices.signature().then(() => 'ok'));
if (databaseUrl) {
  // Two instances' first sweeps at once: each notice made once, and no deadlock between their batches.
  const db = (store as SqlStore).db;
  await db.query('DELETE FROM enterprise_notices');
  const other = await openStore({ databaseUrl });
  const both = await time('first sweep by two instances at once', async () => {
    const reports = await Promise.all([sweepNotices(store, rules, asOf, settings), sweepNotices(other, rules, asOf, settings)]);
    return { created: reports.map((r) => r.created), stored: Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM enterprise_notices'))[0]!.n) };
  });
  await other.close();
  if (both.created[0]! + both.created[1]! !== both.stored) throw new Error(`two instances made ${both.created.join(' + ')} notices, ${both.stored} stored`);
}
await store.close();
await throwaway?.remove();
