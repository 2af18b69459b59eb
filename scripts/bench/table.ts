/** The bench's figures as a Markdown table (the README shows one). */
import type { SizeFigures } from './main.js';

type Row = [string, (f: SizeFigures) => string];

const value = <T extends object>(part: T | { error: string } | undefined, read: (p: T) => number | string): string => {
  if (!part) return '–';
  if ('error' in part) return 'failed';
  return String(read(part as T));
};

const ROWS: Row[] = [
  ['import items/s (PGlite / PostgreSQL)', (f) => `${f.importPerSecond.pglite} / ${f.importPerSecond.postgres ?? '–'}`],
  ['index build (s)', (f) => value(f.inProcess, (p) => (p.buildMs / 1000).toFixed(1))],
  ['serve ready (s)', (f) => value(f.serve, (s) => (s.readyMs / 1000).toFixed(1))],
  ['RSS when ready (MB)', (f) => value(f.serve, (s) => s.rssMb)],
  ['serve ready again, from the saved index (s); RSS (MB)', (f) => value(f.restart, (r) => `${(r.readyMs / 1000).toFixed(1)}; ${r.rssMb}`)],
  ['in-process p50 / p99 (ms)', (f) => value(f.inProcess, (p) => `${p.p50Ms} / ${p.p99Ms}`)],
  ['docR1', (f) => value(f.inProcess, (p) => p.docR1)],
  ['publish → answerable (ms; longest answer meanwhile; longest event-loop block)', (f) => value(f.inProcess, (p) => `${p.publishMs} (${p.stallMs}; ${p.blockMs})`)],
  ['HTTP /api/chat, 50 connections: req/s, p99 (ms)', (f) => value(f.serve, (s) => `${s.requestsPerSecond}, ${s.p99Ms}${s.errors + s.non2xx ? ` (${s.errors + s.non2xx} failed)` : ''}`)],
  [
    'HTTP on PostgreSQL, 2 server processes (XIAOXIN_WORKERS=2): req/s, p99 (ms)',
    (f) => value(f.serveWorkers, (s) => `${s.requestsPerSecond}, ${s.p99Ms}${s.errors + s.non2xx ? ` (${s.errors + s.non2xx} failed)` : ''}`),
  ],
  ['PostgreSQL full-text: p50 / p99 (ms)', (f) => value(f.fullText, (t) => `${t.p50Ms} / ${t.p99Ms}`)],
  ['PostgreSQL full-text: docR1', (f) => value(f.fullText, (t) => t.docR1)],
];

export function formatTable(results: SizeFigures[]): string {
  const header = `| | ${results.map((r) => `${r.size.toLocaleString('en-US')} items`).join(' | ')} |`;
  const rule = `|---|${results.map(() => '---').join('|')}|`;
  return [header, rule, ...ROWS.map(([name, cell]) => `| ${name} | ${results.map(cell).join(' | ')} |`)].join('\n');
}
