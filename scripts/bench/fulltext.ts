/**
 * The baseline a zone would otherwise run: PostgreSQL full-text search as MaxKB does it — each
 * item's text cut by jieba (search mode, its own dictionary only), stored as a `tsvector` with the
 * `simple` configuration under a GIN index, ranked by `ts_rank_cd`. The question is cut the same
 * way and its words ORed (the kinder reading: ANDing every word of a long question finds nothing).
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import pg from 'pg';
import { itemBody, type Item } from '../../src/knowledge/index.js';
import { percentile } from '../../src/eval/metrics.js';
import { benchRelevant } from './knowledge.js';

export interface FullTextFigures {
  indexMs: number;
  p50Ms: number;
  p99Ms: number;
  docR1: number;
}

interface Question {
  question: string;
  doc_id: string;
  answer?: string;
}

const jieba = Jieba.withDict(dict);
/** Words as lexemes: letters and digits only (punctuation and tsquery operators never reach SQL). */
const words = (text: string): string[] => [...new Set(jieba.cutForSearch(text, true).map((w) => w.replace(/[^\p{L}\p{N}]/gu, '')).filter(Boolean))];

export async function fullTextBaseline(url: string, items: Item[], questions: Question[]): Promise<FullTextFigures> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP TABLE IF EXISTS bench_fulltext');
    await client.query('CREATE TABLE bench_fulltext (id text PRIMARY KEY, body text NOT NULL, tsv tsvector NOT NULL)');
    const start = performance.now();
    for (let i = 0; i < items.length; i += 500) {
      const batch = items.slice(i, i + 500);
      const bodies = batch.map((item) => `${item.title}\n${itemBody(item)}`);
      await client.query(
        "INSERT INTO bench_fulltext (id, body, tsv) SELECT id, body, to_tsvector('simple', cut) FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, body, cut)",
        [batch.map((item) => item.id), bodies, bodies.map((b) => words(b).join(' '))],
      );
    }
    await client.query('CREATE INDEX bench_fulltext_tsv ON bench_fulltext USING gin (tsv)');
    await client.query('ANALYZE bench_fulltext');
    const indexMs = performance.now() - start;

    const times: number[] = [];
    let right = 0;
    for (const q of questions) {
      const t0 = performance.now();
      const query = words(q.question).join(' | ');
      const { rows } = query
        ? await client.query<{ id: string; body: string }>(
            "SELECT id, body FROM bench_fulltext, to_tsquery('simple', $1) AS q WHERE tsv @@ q ORDER BY ts_rank_cd(tsv, q, 32) DESC LIMIT 10",
            [query],
          )
        : { rows: [] };
      times.push(performance.now() - t0);
      const top = rows[0];
      if (top && benchRelevant({ id: top.id, text: top.body }, q.doc_id, q.answer)) right++;
    }
    times.sort((a, b) => a - b);
    await client.query('DROP TABLE bench_fulltext');
    return {
      indexMs: Math.round(indexMs),
      p50Ms: Math.round(percentile(times, 50) * 10) / 10,
      p99Ms: Math.round(percentile(times, 99) * 10) / 10,
      docR1: Math.round((right / Math.max(1, questions.length)) * 10000) / 10000,
    };
  } finally {
    await client.end();
  }
}
