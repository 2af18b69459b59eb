/**
 * @module eval/report
 * `xiaoxin eval --report FILE`: one JSON line per question asked (what was retrieved, the
 * answer, its scores and why a miss missed), and the count of misses by diagnosis for the table.
 */
import { writeFileSync } from 'node:fs';
import type { Dataset } from './dataset.js';
import { DIAGNOSES } from './diagnose.js';
import { round } from './metrics.js';
import type { EvalReport, QuestionResult } from './run.js';

/** How many retrieved documents a report line lists, with their titles. */
const LISTED = 5;

/**
 * Writes the report of `report`'s questions, asked from `dataset`, to `file` as JSON Lines. Titles
 * are the items' as imported (`report.titles`), else the corpus's.
 */
export function writeReport(file: string, dataset: Dataset, report: Pick<EvalReport, 'results'> & { titles?: ReadonlyMap<string, string> }): void {
  const titles = new Map(dataset.corpus.map((d) => [d.id, d.title]));
  for (const [id, title] of report.titles ?? []) titles.set(id, title);
  const questions = new Map(dataset.questions.map((q) => [q.id, q]));
  const lines = report.results.map((r) => {
    const q = questions.get(r.id);
    const asked = q === undefined ? { question: '' } : q.conversation ? { turns: q.turns } : { question: q.turns[0]! };
    return JSON.stringify({
      id: r.id,
      ...asked,
      goldDoc: q?.doc_id ?? '',
      goldAnswer: q?.answer ?? '',
      ...(q?.expect ? { expect: q.expect } : {}),
      ...(q && !q.answerable ? { answerable: false } : {}),
      rank: r.rank ?? null,
      retrieved: r.retrieved.slice(0, LISTED).map((id) => ({ id, title: titles.get(id) ?? '' })),
      answer: r.answer,
      type: r.type,
      confidence: round(r.confidence, 4),
      cited: r.cited ?? null,
      ...(r.rougeL === undefined ? {} : { rougeL: round(r.rougeL, 4), covered: r.covered }),
      ...(r.right === undefined ? {} : { right: r.right }),
      ms: round(r.ms, 1),
      ...(r.diagnosis === undefined ? {} : { diagnosis: r.diagnosis }),
    });
  });
  try {
    // Written once, after the run: an eval that fails part-way leaves no report of half the questions.
    writeFileSync(file, lines.map((line) => `${line}\n`).join(''));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : String(error);
    throw new Error(`xiaoxin eval: cannot write the report ${file}: ${reason}`);
  }
}

/** The misses counted by diagnosis, then what each diagnosis present means, for the table. */
export function formatDiagnoses(results: readonly QuestionResult[]): string {
  const counts = DIAGNOSES.map(({ name, explanation }) => ({
    name,
    explanation,
    count: results.filter((r) => r.diagnosis === name).length,
  })).filter((d) => d.count > 0);
  if (!counts.length) return '  misses by diagnosis: none';
  const width = Math.max(...counts.map((d) => d.name.length));
  return [
    `  misses by diagnosis: ${counts.map((d) => `${d.name} ${d.count}`).join(', ')}`,
    ...counts.map((d) => `    ${d.name.padEnd(width)}  ${d.explanation}`),
  ].join('\n');
}
