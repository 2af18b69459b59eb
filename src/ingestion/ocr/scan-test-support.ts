/**
 * @module ingestion/ocr/scan-test-support
 * Fake scans for the OCR tests and `npm run bench:ocr`: known Chinese text typeset with the
 * installed CJK font (fonts-noto-cjk), rasterised by poppler's pdftoppm at 150 dpi, then made to
 * look scanned — a slight skew, a little blur, speckle — with a seeded generator, so that every run
 * sees the same pixels. Output: a grayscale PNG, or an image-only PDF wrapping it.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { deflateSync } from 'node:zlib';
import { degrees, PDFDocument, rgb } from 'pdf-lib';
import { embedCjkFonts, findCjkFonts } from '../../enterprise/forms/cjk-font.js';

const run = promisify(execFile);

/** Scans can be made (and scanned PDFs read) here: poppler's pdftoppm and a CJK font are installed. */
export const CAN_RENDER_SCANS = ((): boolean => {
  try {
    findCjkFonts();
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

if (!CAN_RENDER_SCANS) console.warn('OCR tests skipped: install poppler-utils and fonts-noto-cjk (bash .ci/run does)');

export interface ScanNoise {
  /** Skew of the whole page, in degrees. */
  skewDegrees: number;
  /** Passes of a 3×3 blur. */
  blurPasses: number;
  /** Share of pixels turned to random dark or light specks. */
  speckle: number;
  seed: number;
}

export const DEFAULT_NOISE: ScanNoise = { skewDegrees: 0.6, blurPasses: 1, speckle: 0.004, seed: 7 };

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 64;

/** A4 pages of `text` at `fontSize` pt, lines wrapped by width, skewed as a whole by `skew` degrees. */
export async function typesetPdf(text: string, fontSize = 12, skewDegrees = 0): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const { regular } = await embedCjkFonts(doc, findCjkFonts());
  const lineHeight = fontSize * 1.6;
  const maxWidth = A4.width - 2 * MARGIN;
  const lines: string[] = [];
  for (const paragraph of text.split(/\n+/)) {
    let line = '';
    for (const char of paragraph) {
      if (line && regular.widthOfTextAtSize(line + char, fontSize) > maxWidth) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
    if (line) lines.push(line);
  }
  const perPage = Math.floor((A4.height - 2 * MARGIN) / lineHeight);
  const angle = (skewDegrees * Math.PI) / 180;
  for (let first = 0; first < lines.length; first += perPage) {
    const page = doc.addPage([A4.width, A4.height]);
    lines.slice(first, first + perPage).forEach((line, i) => {
      // Each line's start turned about the page centre, so the page reads as one skewed sheet.
      const x = MARGIN - A4.width / 2;
      const y = A4.height - MARGIN - fontSize - i * lineHeight - A4.height / 2;
      page.drawText(line, {
        x: A4.width / 2 + x * Math.cos(angle) - y * Math.sin(angle),
        y: A4.height / 2 + x * Math.sin(angle) + y * Math.cos(angle),
        size: fontSize,
        font: regular,
        color: rgb(0.1, 0.1, 0.1),
        rotate: degrees(skewDegrees),
      });
    });
  }
  return doc.save();
}

export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Every page of a PDF as 8-bit grayscale at `dpi`, by pdftoppm. */
export async function rasterise(pdf: Uint8Array, dpi = 150): Promise<GrayImage[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'xiaoxin-scan-'));
  try {
    await writeFile(path.join(dir, 'in.pdf'), pdf);
    await run('pdftoppm', ['-r', String(dpi), '-gray', path.join(dir, 'in.pdf'), path.join(dir, 'page')]);
    const names = (await readdir(dir)).filter((n) => n.endsWith('.pgm')).sort();
    return Promise.all(names.map(async (n) => parsePgm(await readFile(path.join(dir, n)))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function parsePgm(data: Buffer): GrayImage {
  // P5 <width> <height> <maxval> then one byte a pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PGM');
  const [, w, h] = header.map(Number) as [number, number, number, number];
  return { width: w, height: h, pixels: new Uint8Array(data.subarray(header[0].length, header[0].length + w * h)) };
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Blur and speckle, as a cheap scanner adds them (the skew is typeset in). */
export function addNoise(image: GrayImage, noise: ScanNoise): GrayImage {
  const { width, height } = image;
  let pixels = image.pixels;
  for (let pass = 0; pass < noise.blurPasses; pass++) {
    const out = new Uint8Array(pixels.length);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let sum = 0;
        let weight = 0;
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const yy = y + dy;
            const xx = x + dx;
            if (yy < 0 || yy >= height || xx < 0 || xx >= width) continue;
            const w = dx === 0 && dy === 0 ? 4 : dx === 0 || dy === 0 ? 2 : 1;
            sum += pixels[yy * width + xx]! * w;
            weight += w;
          }
        }
        out[y * width + x] = Math.round(sum / weight);
      }
    }
    pixels = out;
  }
  const next = random(noise.seed);
  const specked = new Uint8Array(pixels);
  for (let i = 0; i < specked.length; i++) {
    if (next() < noise.speckle) specked[i] = next() < 0.5 ? Math.floor(next() * 90) : 255;
    // Paper grain: a little noise everywhere.
    else specked[i] = Math.max(0, Math.min(255, specked[i]! + Math.round((next() - 0.5) * 24)));
  }
  return { width, height, pixels: specked };
}

/** An 8-bit grayscale PNG. */
export function encodePng(image: GrayImage): Buffer {
  const { width, height, pixels } = image;
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter: none
    raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit, grayscale, deflate, no filter method, no interlace
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** `text` as noisy scanned pages: one grayscale PNG per page, at `dpi`. */
export async function scannedPages(text: string, options: { dpi?: number; fontSize?: number; noise?: ScanNoise } = {}): Promise<Buffer[]> {
  const noise = options.noise ?? DEFAULT_NOISE;
  const pdf = await typesetPdf(text, options.fontSize ?? 12, noise.skewDegrees);
  const pages = await rasterise(pdf, options.dpi ?? 150);
  return pages.map((page, i) => encodePng(addNoise(page, { ...noise, seed: noise.seed + i })));
}

/** An image-only PDF: each PNG a page of its own at `dpi`, no text layer. */
export async function imageOnlyPdf(pngs: Buffer[], dpi = 150): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const png of pngs) {
    const image = await doc.embedPng(png);
    const page = doc.addPage([(image.width * 72) / dpi, (image.height * 72) / dpi]);
    page.drawImage(image, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
  }
  return doc.save();
}

/** Character accuracy, 1 − CER: Levenshtein distance over the reference length, whitespace ignored. */
export function characterAccuracy(reference: string, read: string): number {
  const a = [...reference.replace(/\s+/g, '')];
  const b = [...read.replace(/\s+/g, '')];
  if (a.length === 0) return b.length === 0 ? 1 : 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return Math.max(0, 1 - previous[b.length]! / a.length);
}
