/**
 * `npm run bench:ocr`: character accuracy and cost of the OCR engines on pages of real Chinese
 * policy text, to choose the importer's engine by figures (docs/OCR.md).
 *
 * Pages: paragraphs of the eval corpus's policy documents (read at run time from --dataset, never
 * copied into the repository), typeset with the installed Noto Sans CJK at 12 pt on A4, rasterised
 * at 150 dpi and made to look scanned: skewed 0.6°, blurred, speckled (src/ingestion/ocr/
 * scan-test-support.ts). Each engine reads every page; the text read goes through the importer's
 * own OCR normalisation (ASCII punctuation beside Chinese made full-width, full-width digits made
 * half-width), and is compared with the page's text normalised alike. (Not after the whole cleaning:
 * it drops repeated paragraphs, which would count the corpus's own duplicates as errors.)
 * Accuracy is 1 − CER (Levenshtein distance over the reference's characters, whitespace ignored).
 * Seconds per page: CPU seconds of this process (all threads) per page, with each engine held to
 * one thread, and the wall-clock seconds beside it; the model's load time is reported apart.
 *
 * Options: --pages 6  --dataset DIR (default ../shared/eval/ncpqa)  --engines tesseract,tesseract-legacy,paddle
 *          --out FILE (JSON figures; default: none)
 */
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { toHalfWidth } from '../../src/ingestion/chars.js';
import type { OcrEngine } from '../../src/ingestion/ocr/engine.js';
import { normaliseOcrText } from '../../src/ingestion/ocr/normalise.js';
import { characterAccuracy, scannedPages } from '../../src/ingestion/ocr/scan-test-support.js';
import { createTesseractEngine } from '../../src/ingestion/ocr/tesseract.js';
import { createPaddleEngine } from './ocr-paddle.js';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '6' },
    dataset: { type: 'string', default: '../shared/eval/ncpqa' },
    engines: { type: 'string', default: 'tesseract,tesseract-legacy,paddle' },
    out: { type: 'string' },
  },
});

const ENGINES: Record<string, () => Promise<OcrEngine>> = {
  tesseract: () => createTesseractEngine('4.0.0_best_int'),
  'tesseract-legacy': () => createTesseractEngine('4.0.0'),
  paddle: createPaddleEngine,
};

/** Characters on one page at 12 pt on A4 (29 lines of about 39). */
const PAGE_CHARS = 1000;

/** Page texts: from each long, mostly Chinese corpus document, its first ~1000 characters in paragraphs. */
async function pageTexts(dataset: string, count: number): Promise<string[]> {
  const texts: string[] = [];
  const lines = createInterface({ input: createReadStream(resolve(dataset, 'corpus.jsonl')) });
  for await (const line of lines) {
    if (texts.length >= count) break;
    const doc = JSON.parse(line) as { text?: string };
    const text = doc.text ?? '';
    const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
    if (text.length < PAGE_CHARS * 1.5 || han / text.length < 0.7) continue;
    // The corpus flattened each document onto one line; its spaces were paragraph breaks.
    let page = '';
    for (const paragraph of text.split(/\s+/)) {
      if (page.length + paragraph.length > PAGE_CHARS) {
        if (page === '') page = paragraph.slice(0, PAGE_CHARS);
        break;
      }
      page += `${paragraph}\n`;
    }
    texts.push(page.trim());
  }
  lines.close();
  return texts;
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

interface EngineFigures {
  engine: string;
  pages: number;
  accuracy: number;
  worstPage: number;
  cpuSecondsPerPage: number;
  wallSecondsPerPage: number;
  loadSeconds: number;
}

async function main(): Promise<void> {
  const texts = await pageTexts(values.dataset, Number(values.pages));
  if (texts.length === 0) throw new Error(`no long Chinese documents in ${values.dataset}/corpus.jsonl`);
  const started = Date.now();
  const pages = (await Promise.all(texts.map((t, i) => scannedPages(t, { noise: { skewDegrees: i % 2 ? -0.6 : 0.6, blurPasses: 1, speckle: 0.004, seed: 7 + i } })))).map(
    (p) => p[0]!,
  );
  console.log(`${pages.length} pages rendered (150 dpi, skew ±0.6°, blur, speckle) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const figures: EngineFigures[] = [];
  for (const key of values.engines.split(',')) {
    const create = ENGINES[key];
    if (!create) throw new Error(`unknown engine ${key}; known: ${Object.keys(ENGINES).join(', ')}`);
    let engine: OcrEngine;
    const loadStart = Date.now();
    try {
      engine = await create();
    } catch (error) {
      console.log(`${key}: not available (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); skipped`);
      continue;
    }
    const loadSeconds = (Date.now() - loadStart) / 1000;
    const accuracies: number[] = [];
    const cpu = process.cpuUsage();
    const wall = Date.now();
    for (const [i, page] of pages.entries()) {
      const read = await engine.recognise(page);
      const accuracy = characterAccuracy(toHalfWidth(texts[i]!), toHalfWidth(normaliseOcrText(read)));
      accuracies.push(accuracy);
      console.log(`  ${key} page ${i + 1}: ${(accuracy * 100).toFixed(2)} %`);
    }
    const row: EngineFigures = {
      engine: engine.name,
      pages: pages.length,
      accuracy: accuracies.reduce((a, b) => a + b, 0) / accuracies.length,
      worstPage: Math.min(...accuracies),
      cpuSecondsPerPage: cpuSeconds(cpu) / pages.length,
      wallSecondsPerPage: (Date.now() - wall) / 1000 / pages.length,
      loadSeconds,
    };
    await engine.close();
    figures.push(row);
  }
  console.log('\n| engine | pages | accuracy (1 − CER) | worst page | CPU s/page | wall s/page | load s |');
  console.log('|---|---|---|---|---|---|---|');
  for (const f of figures) {
    const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
    console.log(
      `| ${f.engine} | ${f.pages} | ${pct(f.accuracy)} | ${pct(f.worstPage)} | ${f.cpuSecondsPerPage.toFixed(2)} | ${f.wallSecondsPerPage.toFixed(2)} | ${f.loadSeconds.toFixed(1)} |`,
    );
  }
  if (values.out) await writeFile(values.out, `${JSON.stringify(figures, null, 2)}\n`);
}

await main();
