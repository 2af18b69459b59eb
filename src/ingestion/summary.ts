/**
 * @module ingestion/summary
 * How an import reports back to a person: one line per problem, and a short bilingual summary.
 */
import type { ItemKind } from '../knowledge/index.js';
import type { ImportProblem, ImportResult } from './types.js';

/** `file:line: message`, or `file: message` for a problem with the whole file. */
export function formatProblem(p: ImportProblem): string {
  return p.line === undefined ? `${p.file}: ${p.message}` : `${p.file}:${p.line}: ${p.message}`;
}

const KIND_NAMES: Record<ItemKind, string> = { policy: '政策', guide: '办事指南', faq: '问答', article: '文章' };
const KIND_ORDER: ItemKind[] = ['policy', 'guide', 'faq', 'article'];
/** More problems than this are counted, not listed: a broken sheet can have thousands. */
const LISTED_PROBLEMS = 20;

/** Chinese line, English line, then the problems (the first twenty of them). */
export function importSummary(result: ImportResult): string {
  const counts = new Map<ItemKind, number>();
  for (const item of result.items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  const kinds = KIND_ORDER.filter((k) => counts.has(k));
  const n = result.items.length;
  const files = result.files.length;
  const problems = result.problems.length;
  const zhKinds = kinds.length ? `（${kinds.map((k) => `${KIND_NAMES[k]} ${counts.get(k)}`).join('，')}）` : '';
  const enKinds = kinds.length ? ` (${kinds.map((k) => `${counts.get(k)} ${k}`).join(', ')})` : '';
  const lines = [
    `导入 ${n} 条${zhKinds}，读取 ${files} 个文件，${problems} 个问题。`,
    `Imported ${plural(n, 'item')}${enKinds} from ${plural(files, 'file')}, ${plural(problems, 'problem')}.`,
    ...(result.scanned.length
      ? [`其中 ${result.scanned.length} 条识别自扫描件（OCR），发布前请对照原件核对：${result.scanned.slice(0, LISTED_PROBLEMS).join('，')}`]
      : []),
    ...result.problems.slice(0, LISTED_PROBLEMS).map((p) => `  ${formatProblem(p)}`),
  ];
  const rest = problems - LISTED_PROBLEMS;
  if (rest > 0) lines.push(`  … 另有 ${rest} 个问题 / ${plural(rest, 'more problem')}`);
  return lines.join('\n');
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
