/**
 * @module storage/insights.test
 * The dashboard's figures over a hand-made question log, on PGlite and PostgreSQL: days in the
 * zone's time zone, answered and helpful shares, hot questions, themes, and the failed questions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from './db.js';
import { failedQuestions, insightsSummary } from './insights.js';
import { migrate } from './migrations.js';
import { pgliteMemoryBackend, postgresBackend, type TestTarget } from './test-support.js';

interface Row {
  at: string;
  q: string;
  type: string;
  confidence: number;
  helpful?: boolean;
  theme?: string;
  kind?: string;
  channel?: string;
}

const ROWS: Row[] = [
  // 23:30 UTC on the 1st is 07:30 on the 2nd in Beijing.
  { at: '2026-11-01T23:30:00Z', q: '营业执照要带什么材料', type: 'guide-field', confidence: 0.9, helpful: true, theme: '企业开办', kind: 'materials' },
  { at: '2026-11-02T02:00:00Z', q: '营业执照要带什么材料', type: 'guide-field', confidence: 0.9, theme: '企业开办', kind: 'materials', channel: 'kiosk' },
  { at: '2026-11-02T03:00:00Z', q: '食堂对外开放吗', type: 'none', confidence: 0.1, kind: 'other' },
  { at: '2026-11-02T04:00:00Z', q: '人才公寓怎么申请', type: 'passage', confidence: 0.3, helpful: false, theme: '人才服务', kind: 'how' },
  { at: '2026-11-03T05:00:00Z', q: '政务中心几点开门', type: 'faq', confidence: 0.95, helpful: true, theme: '综合服务', kind: 'where' },
  { at: '2026-11-03T06:00:00Z', q: '第二个', type: 'clarify', confidence: 0.6, channel: 'widget' },
  // Outside the period.
  { at: '2026-12-05T06:00:00Z', q: '营业执照要带什么材料', type: 'guide-field', confidence: 0.9 },
];

for (const backend of [pgliteMemoryBackend, postgresBackend]) {
  describe.skipIf(!backend.enabled)(`insights on ${backend.name}`, () => {
    let target: TestTarget;
    let db: Db;
    const period = { from: new Date('2026-10-31T16:00:00Z'), to: new Date('2026-11-30T16:00:00Z'), timeZone: 'Asia/Shanghai' };

    beforeAll(async () => {
      target = await backend.create();
      db = await openDb(target.options);
      await migrate(db);
      for (const [i, r] of ROWS.entries()) {
        await db.query(
          `INSERT INTO question_log (id, session_id, channel, question, question_key, answer_type, confidence, cited_ids,
             created_at, helpful, theme, question_kind)
           VALUES ($1, NULL, $2, $3, $3, $4, $5, '[]'::jsonb, $6::timestamptz, $7, $8, $9)`,
          [`t${i}`, r.channel ?? 'web', r.q, r.type, r.confidence, r.at, r.helpful ?? null, r.theme ?? null, r.kind ?? null],
        );
      }
    });
    afterAll(async () => {
      await db?.close();
      await target?.cleanup();
    });

    it('counts questions a day in the zone time zone', async () => {
      const summary = await insightsSummary(db, period);
      expect(summary.daily).toEqual([
        { day: '2026-11-02', asked: 4, answered: 3, helpful: 1, notHelpful: 1 },
        { day: '2026-11-03', asked: 2, answered: 1, helpful: 1, notHelpful: 0 },
      ]);
      expect(summary.totals).toMatchObject({ asked: 6, answered: 4, helpful: 2, notHelpful: 1 });
      expect(summary.totals.answeredShare).toBeCloseTo(4 / 6);
      expect(summary.totals.helpfulShare).toBeCloseTo(2 / 3);
    });

    it('ranks hot questions, themes, kinds and channels', async () => {
      const summary = await insightsSummary(db, period);
      expect(summary.hotQuestions[0]).toEqual({ question: '营业执照要带什么材料', questionKey: '营业执照要带什么材料', count: 2 });
      expect(summary.themes.slice(0, 2)).toContainEqual({ value: '企业开办', count: 2 });
      expect(summary.themes).toContainEqual({ value: 'other', count: 2 });
      expect(summary.kinds[0]).toEqual({ value: 'materials', count: 2 });
      expect(summary.channels).toEqual([
        { value: 'web', count: 4 },
        { value: 'kiosk', count: 1 },
        { value: 'widget', count: 1 },
      ]);
    });

    it('lists the failed questions: not found, low confidence or unhelpful', async () => {
      const failed = await failedQuestions(db, period);
      expect(failed.map((f) => f.text).sort()).toEqual(['人才公寓怎么申请', '食堂对外开放吗']);
    });
  });
}
