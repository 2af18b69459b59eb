/**
 * @module ingestion/scanned.test — scans read by OCR in the import worker pool: a PNG and an
 * image-only PDF rendered here from known Chinese text (Noto Sans CJK, 150 dpi, skew, blur,
 * speckle) come back with ≥ 95 % character accuracy and are marked as read from a scan; a mixed
 * PDF has only its page without a text layer read by OCR; hostile images (a decompression bomb by
 * its header, truncated files) are problems in Chinese naming the file, and the rest of the batch
 * is imported all the same.
 */
import { deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { embedCjkFonts, findCjkFonts } from '../enterprise/forms/cjk-font.js';
import { useTempDir } from '../test/temp-dir.js';
import { cleanText } from './clean.js';
import { closeParsePools, formatProblem, importPaths } from './index.js';
import { CAN_RENDER_SCANS, characterAccuracy, imageOnlyPdf, scannedPages } from './ocr/scan-test-support.js';
import type { Item } from '../knowledge/index.js';

const tmp = useTempDir('xiaoxin-scanned-');
afterAll(closeParsePools);

// A fictional zone's notice (the demo's 星河高新区), typeset and "scanned" by the tests.
const NOTICE = [
  '星河高新区管委会关于开展二〇二五年度科技型中小企业认定工作的通知',
  '各有关企业：为进一步激发企业创新活力，根据上级有关规定，现就开展本年度科技型中小企业认定工作通知如下。',
  '一、申报条件。在本区注册的居民企业，职工总数不超过五百人，年销售收入不超过二亿元，研发费用占比符合规定要求。',
  '二、申报材料。企业应当提交申请表、营业执照复印件、上年度财务报表以及研发项目说明，材料须加盖企业公章。',
  '三、办理地点。政务服务大厅三楼科技服务窗口，咨询电话请拨打本区政务服务热线。',
].join('\n');

const OTHER = [
  '星河高新区人才公寓申请须知',
  '符合条件的人才可以向人才服务中心提出申请，经审核后按照先后顺序安排入住，租期一般为三年。',
].join('\n');

const GOOD_FAQ = JSON.stringify({ kind: 'faq', id: 'faq-good', title: '几点上班？', answer: '九点。' });
const SLOW = 240_000;

const textOf = (item: Item | undefined): string => (item && 'text' in item ? item.text : item && 'notes' in item ? (item.notes ?? '') : '');

describe.skipIf(!CAN_RENDER_SCANS)('scanned documents', () => {
  it('reads a PNG scan with ≥ 95 % character accuracy, as a policy marked as scanned', { timeout: SLOW }, async () => {
    const [png] = await scannedPages(NOTICE);
    const file = await tmp.write('认定通知.png', png!);
    const result = await importPaths([file]);
    expect(result.problems.map(formatProblem)).toEqual([]);
    const [item] = result.items;
    expect(item).toMatchObject({ kind: 'policy', id: '认定通知' });
    const accuracy = characterAccuracy(cleanText(NOTICE), textOf(item));
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
    expect(result.scanned).toEqual([item!.id]);
  });

  it('reads an image-only PDF page by page, and only the scanned page of a mixed PDF', { timeout: SLOW }, async () => {
    const scan = await tmp.write('扫描件.pdf', await imageOnlyPdf(await scannedPages(NOTICE)));
    // Page 1 has a text layer, page 2 is a picture of a page.
    const mixed = await PDFDocument.create();
    const { regular } = await embedCjkFonts(mixed, findCjkFonts());
    OTHER.split('\n').forEach((line, i) => mixed.addPage([595, 842]).drawText(line, { x: 40, y: 780 - i * 20, size: 11, font: regular }));
    mixed.removePage(1);
    mixed.getPage(0).drawText(OTHER.split('\n')[1]!, { x: 40, y: 760, size: 9, font: regular });
    const [scannedPage] = await scannedPages(NOTICE);
    const image = await mixed.embedPng(scannedPage!);
    mixed.addPage([(image.width * 72) / 150, (image.height * 72) / 150]).drawImage(image, { x: 0, y: 0, width: (image.width * 72) / 150, height: (image.height * 72) / 150 });
    const mixedFile = await tmp.write('混合.pdf', await mixed.save());
    const result = await importPaths([scan, mixedFile]);
    expect(result.problems.map(formatProblem)).toEqual([]);
    const byId = new Map(result.items.map((i) => [i.id, i]));
    expect(characterAccuracy(cleanText(NOTICE), textOf(byId.get('扫描件')))).toBeGreaterThanOrEqual(0.95);
    const mixedText = textOf(byId.get('混合'));
    // The text layer, as is, then the OCR of page 2.
    expect(mixedText.startsWith('星河高新区人才公寓申请须知')).toBe(true);
    expect(characterAccuracy(cleanText(`${OTHER}\n${NOTICE}`), mixedText)).toBeGreaterThanOrEqual(0.95);
    expect(result.scanned.sort()).toEqual(['扫描件', '混合']);
  });
});

/** A PNG whose header claims `width` × `height` pixels over one tiny compressed row. */
function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    return Buffer.concat([head, data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe.skipIf(!CAN_RENDER_SCANS)('hostile images', () => {
  it('are problems in Chinese naming the file, and the other files are imported', { timeout: SLOW }, async () => {
    const [png] = await scannedPages(OTHER);
    const bomb = await tmp.write('bomb.png', pngClaiming(100_000, 100_000));
    const cutPng = await tmp.write('cut.png', png!.subarray(0, Math.floor(png!.length / 2)));
    const cutJpeg = await tmp.write('cut.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]));
    const notImage = await tmp.write('fake.jpeg', '这不是图片');
    const good = await tmp.write('good.jsonl', GOOD_FAQ);
    const result = await importPaths([bomb, cutPng, cutJpeg, notImage, good]);
    expect(result.items.map((i) => i.id)).toEqual(['faq-good']);
    expect(result.scanned).toEqual([]);
    expect(result.problems.map(formatProblem)).toEqual([
      `${bomb}: 图片有 100000×100000 像素（10000 百万像素），超过上限 40 百万像素（XIAOXIN_IMPORT_MAX_IMAGE_MEGAPIXELS）；已跳过`,
      `${cutPng}: PNG 图片不完整（文件被截断）；已跳过`,
      `${cutJpeg}: JPEG 图片不完整（缺少图像尺寸）；已跳过`,
      `${notImage}: 不是 PNG 或 JPEG 图片（文件头不对）；已跳过`,
    ]);
  });

  it('OCR runs within the import time limit: a scan not read in time is stopped and skipped', { timeout: SLOW }, async () => {
    const [png] = await scannedPages(NOTICE);
    const file = await tmp.write('slow.png', png!);
    // A memory limit of its own gives a fresh worker (one pool per limit), whose engine is not
    // loaded yet: starting it, loading the Chinese model and reading a page take 1.5–2.5 s here
    // (2 cores), so a quarter of a second is never enough, however fast the machine.
    const result = await importPaths([file], { limits: { timeoutSeconds: 0.25, memoryMb: 1000 } });
    expect(result.items).toEqual([]);
    expect(result.problems.map(formatProblem)).toEqual([
      `${file}: took longer than 0.25 s to read; skipped (the limit is XIAOXIN_IMPORT_TIMEOUT_SECONDS)`,
    ]);
  });

  it('with OCR turned off (XIAOXIN_IMPORT_MAX_OCR_PAGES=0) a scan is a problem saying so', { timeout: SLOW }, async () => {
    const [png] = await scannedPages(OTHER);
    const image = await tmp.write('off.png', png!);
    const pdf = await tmp.write('off.pdf', await imageOnlyPdf([png!]));
    const result = await importPaths([image, pdf], { limits: { maxOcrPages: 0 } });
    expect(result.items).toEqual([]);
    expect(result.problems.map(formatProblem)).toEqual([
      `${image}: 图片需要文字识别（OCR），但 OCR 已关闭（XIAOXIN_IMPORT_MAX_OCR_PAGES=0）；已跳过`,
      `${pdf}: 没有文字层（扫描件），而文字识别（OCR）已关闭（XIAOXIN_IMPORT_MAX_OCR_PAGES=0）；已跳过`,
    ]);
  });

  it('a blank page of a text PDF is not a scan: no OCR, not marked', { timeout: SLOW }, async () => {
    const doc = await PDFDocument.create();
    const { regular } = await embedCjkFonts(doc, findCjkFonts());
    doc.addPage([595, 842]).drawText(OTHER.split('\n')[1]!, { x: 40, y: 780, size: 9, font: regular });
    doc.addPage([595, 842]);
    const file = await tmp.write('blank-back.pdf', await doc.save());
    const result = await importPaths([file], { limits: { maxOcrPages: 1 } });
    expect(result.problems).toEqual([]);
    expect(result.scanned).toEqual([]);
    expect(textOf(result.items[0])).toBe(OTHER.split('\n')[1]);
  });

  it('a PDF with more scanned pages than the OCR limit is skipped before any is read', { timeout: SLOW }, async () => {
    const [png] = await scannedPages(OTHER);
    const file = await tmp.write('long-scan.pdf', await imageOnlyPdf([png!, png!, png!]));
    const result = await importPaths([file], { limits: { maxOcrPages: 2 } });
    expect(result.items).toEqual([]);
    expect(result.problems.map(formatProblem)).toEqual([
      `${file}: 有 3 页是扫描页（没有文字层），超过文字识别上限 2 页（XIAOXIN_IMPORT_MAX_OCR_PAGES）；已跳过`,
    ]);
  });
});
