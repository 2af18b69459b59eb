/**
 * @module ingestion/limits.test — bombs, made here with small limits so that they stay small: each
 * file past a limit is a problem naming the file, the limit and its setting; the rest of the
 * batch is imported all the same.
 */
import { execFileSync } from 'node:child_process';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../test/temp-dir.js';
import { docxOf } from './bombs-test-support.js';
import { closeParsePools, formatProblem, importPaths } from './index.js';

const tmp = useTempDir('xiaoxin-bombs-');
afterAll(closeParsePools);

const GOOD_FAQ = JSON.stringify({ kind: 'faq', id: 'faq-good', title: '几点上班？', answer: '九点。' });

async function pdfOf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) doc.addPage([200, 200]).drawText(`Page ${i} of the notice`, { x: 20, y: 100, size: 10, font });
  return doc.save();
}

async function xlsxOf(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('FAQ');
  sheet.addRow(['问题', '答案']);
  for (let i = 1; i < rows; i++) sheet.addRow([`问题${i}？`, `答案${i}。`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Imports `bomb` beside a good file and expects the bomb's problem and the good file's item. */
async function expectSkipped(bomb: string, limits: object, message: string) {
  const good = await tmp.write('good.jsonl', GOOD_FAQ);
  const result = await importPaths([bomb, good], { limits });
  expect(result.problems.map(formatProblem)).toEqual([`${bomb}: ${message}`]);
  expect(result.items.map((i) => i.id)).toEqual(['faq-good']);
}

describe('caps on one file', () => {
  it('a PDF with more pages than the limit is refused before its text is read', async () => {
    const bomb = await tmp.write('many-pages.pdf', await pdfOf(30));
    await expectSkipped(bomb, { maxPages: 10 }, 'more than 10 pages (30); skipped (the limit is XIAOXIN_IMPORT_MAX_PAGES)');
  });

  it('a sheet with more rows than the limit is refused (XLSX and CSV)', async () => {
    const xlsx = await tmp.write('big.xlsx', await xlsxOf(1500));
    await expectSkipped(xlsx, { maxRows: 1000 }, 'more than 1000 rows; skipped (the limit is XIAOXIN_IMPORT_MAX_ROWS)');
    const csv = await tmp.write('big.csv', ['问题,答案', ...Array.from({ length: 1500 }, (_, i) => `问${i}？,答${i}。`)].join('\n'));
    await expectSkipped(csv, { maxRows: 1000 }, 'more than 1000 rows; skipped (the limit is XIAOXIN_IMPORT_MAX_ROWS)');
  });

  it('a DOCX that inflates past the limit is refused from its zip directory', async () => {
    const bomb = await tmp.write('bomb.docx', docxOf(1, 'a'.repeat(3 * 1024 * 1024)));
    await expectSkipped(bomb, { maxUnzippedMb: 1 }, 'inflates to more than 1 MB (4 MB); skipped (the limit is XIAOXIN_IMPORT_MAX_UNZIPPED_MB)');
  });

  it('a text file with more characters than the limit is refused', async () => {
    const bomb = await tmp.write('huge.txt', '通知'.repeat(1000));
    await expectSkipped(bomb, { maxChars: 1000 }, 'more than 1000 characters of text; skipped (the limit is XIAOXIN_IMPORT_MAX_CHARS)');
    const html = await tmp.write('huge.html', `<html><body><p>${'通知'.repeat(1000)}</p></body></html>`);
    await expectSkipped(html, { maxChars: 1000 }, 'more than 1000 characters of text; skipped (the limit is XIAOXIN_IMPORT_MAX_CHARS)');
  });

  it('a file needing more memory than the limit costs only its worker', async () => {
    // 150,000 empty paragraphs: a 15 KB DOCX that mammoth needs hundreds of megabytes for.
    const bomb = await tmp.write('paragraphs.docx', docxOf(150_000));
    await expectSkipped(bomb, { memoryMb: 128 }, 'needs more than 128 MB of memory to read; skipped (the limit is XIAOXIN_IMPORT_MEMORY_MB)');
  });

  it.skipIf(process.platform === 'win32')('a file that never finishes is stopped at the time limit', async () => {
    // A named pipe nobody writes to: reading it waits for ever.
    const fifo = join(tmp.dir, 'never.txt');
    execFileSync('mkfifo', [fifo]);
    let result;
    try {
      result = await importPaths([fifo], { limits: { timeoutSeconds: 1 } });
    } finally {
      // The stopped worker's read still waits in a libuv thread (and its exit with it) until the
      // pipe has a writer; an uploaded file is never a pipe, so this is the test's own to clean up.
      await (await open(fifo, constants.O_WRONLY | constants.O_NONBLOCK).catch(() => undefined))?.close();
    }
    expect(result.problems.map(formatProblem)).toEqual([`${fifo}: took longer than 1 s to read; skipped (the limit is XIAOXIN_IMPORT_TIMEOUT_SECONDS)`]);
    // The pool has replaced the stopped worker.
    const good = await tmp.write('good.jsonl', GOOD_FAQ);
    expect((await importPaths([good])).items.map((i) => i.id)).toEqual(['faq-good']);
  });
});

describe('a worker that cannot start', () => {
  it('fails its file at once, saying why, instead of leaving it waiting', async () => {
    // 4 MB cannot even hold the worker's own modules. (16 MB could not hold the parsers while they
    // were imported at the worker's start; now they are imported when a file needs them.)
    const good = await tmp.write('good.jsonl', GOOD_FAQ);
    const result = await importPaths([good], { limits: { memoryMb: 4, timeoutSeconds: 3600 } });
    expect(result.problems.map(formatProblem)).toEqual([expect.stringMatching(new RegExp(`^${good}: could not be read: the parsing worker did not start \\(.*memory`))]);
  });
});

describe('many problems in one file', () => {
  it('300,000 bad lines are 300,000 problems, not a stack overflow', async () => {
    const bomb = await tmp.write('bad.jsonl', '{\n'.repeat(300_000));
    const result = await importPaths([bomb]);
    expect(result.problems).toHaveLength(300_000);
    expect(result.problems[299_999]).toMatchObject({ file: bomb, line: 300_000 });
  });
});
