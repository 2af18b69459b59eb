/**
 * @module ingestion/ocr/render-pdf-page
 * One page of a PDF as a grayscale PNG, by poppler's pdftoppm (Debian: poppler-utils). pdftoppm
 * rather than pdf.js: poppler reads the image codecs scanners write (CCITT fax, JBIG2, JPEG 2000)
 * without a native canvas, and as a process of its own it can be killed.
 *
 * The page is rendered at the resolution of the scan on it (pdfimages says it): resampling a scan
 * up or down blurs its speckle into the strokes and costs OCR accuracy (measured: a 150 dpi scan
 * read 100 % at 150 dpi, 95 % at 200, 81 % at 300). Whatever the PDF claims, the long side stays
 * within MAX_SIDE pixels, so a poster-sized page cannot ask for gigabytes; coreutils' `timeout`
 * kills poppler at the time limit even if the worker that started it has been stopped meanwhile.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BadImage } from './image-header.js';

/** A4's long side at about 360 dpi. */
export const MAX_SIDE = 4200;
/** Scans below or above these are rendered at the bound. */
const MIN_DPI = 100;
const MAX_DPI = 400;

const TIMEOUT = ['/usr/bin/timeout', '/bin/timeout'].find((p) => existsSync(p));

/**
 * The pages that carry an image, each with the resolution of its largest (the scan), bounded:
 * a page without text and without an image is blank, not a scan. One pdfimages run for the file.
 */
export async function pageImageDpis(file: string, timeoutSeconds: number): Promise<Map<number, number>> {
  const list = await poppler('pdfimages', ['-list', file], timeoutSeconds);
  const largest = new Map<number, { pixels: number; ppi: number }>();
  // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
  for (const line of list.split('\n').slice(2)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 14 || cols[2] !== 'image') continue;
    const page = Number(cols[0]);
    const pixels = Number(cols[3]) * Number(cols[4]);
    const ppi = Math.max(Number(cols[12]), Number(cols[13]));
    if (!Number.isInteger(page) || !Number.isFinite(pixels) || !Number.isFinite(ppi) || ppi <= 0) continue;
    const best = largest.get(page);
    if (!best || pixels > best.pixels) largest.set(page, { pixels, ppi });
  }
  return new Map([...largest].map(([page, { ppi }]) => [page, Math.min(MAX_DPI, Math.max(MIN_DPI, Math.round(ppi)))]));
}

/** `longSidePoints`: the page's longer side in PDF points (1/72 in), as pdf.js reads it. */
export async function renderPdfPage(file: string, page: number, dpi: number, longSidePoints: number, timeoutSeconds: number): Promise<Buffer> {
  const side = (longSidePoints / 72) * dpi;
  const resolution = Number.isFinite(side) && side > 0 && side <= MAX_SIDE ? ['-r', String(dpi)] : ['-scale-to', String(MAX_SIDE)];
  const dir = await mkdtemp(path.join(os.tmpdir(), 'xiaoxin-ocr-'));
  try {
    const out = path.join(dir, 'page');
    await poppler('pdftoppm', ['-f', String(page), '-l', String(page), '-png', '-gray', ...resolution, '-singlefile', file, out], timeoutSeconds, page);
    return await readFile(`${out}.png`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs a poppler tool under `timeout`; its standard output, or BadImage saying what failed. */
function poppler(program: string, args: string[], timeoutSeconds: number, page?: number): Promise<string> {
  const [command, commandArgs] = TIMEOUT ? [TIMEOUT, ['-s', 'KILL', String(timeoutSeconds), program, ...args]] : [program, args];
  return new Promise((resolve, reject) => {
    // Our own timer only as a back-stop, later than `timeout`'s, whose kill would orphan poppler.
    execFile(command, commandArgs, { timeout: (timeoutSeconds + 5) * 1000, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const code = (error as { code?: unknown }).code;
      // `timeout` says 127 when it cannot find the program.
      if (code === 'ENOENT' || code === 127) {
        return reject(new BadImage(`识别扫描页需要 poppler-utils 的 ${program}（Debian/Ubuntu：apt-get install poppler-utils）`));
      }
      const said = String(stderr).split('\n').find((l) => l.trim())?.trim();
      const what = page === undefined ? '无法列出 PDF 中的图片' : `第 ${page} 页无法转成图片`;
      reject(new BadImage(`${what}${said ? `：${said.slice(0, 200)}` : ''}`));
    });
  });
}
