/**
 * @module ingestion/ocr/image-header.test — sizes read from real PNG and JPEG files (written by
 * poppler's pdftoppm), and truncated or forged ones refused by their structure.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp-dir.js';
import { readImageHeader } from './image-header.js';
import { CAN_RENDER_SCANS } from './scan-test-support.js';

const tmp = useTempDir('xiaoxin-image-header-');

describe.skipIf(!CAN_RENDER_SCANS)('image headers', () => {
  it('reads the size of a PNG and of a JPEG, and refuses them cut short', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([144, 72]);
    const pdf = await tmp.write('page.pdf', await doc.save());
    for (const format of ['png', 'jpeg'] as const) {
      execFileSync('pdftoppm', [`-${format}`, '-r', '100', '-singlefile', pdf, join(tmp.dir, format)]);
      const bytes = readFileSync(join(tmp.dir, `${format}.${format === 'png' ? 'png' : 'jpg'}`));
      expect(readImageHeader(bytes)).toEqual({ format, width: 200, height: 100 });
      expect(() => readImageHeader(bytes.subarray(0, bytes.length - 40))).toThrow(/文件被截断/);
    }
  });

  it('refuses what is neither', () => {
    expect(() => readImageHeader(Buffer.from('GIF89a'))).toThrow('不是 PNG 或 JPEG 图片（文件头不对）');
    expect(() => readImageHeader(Buffer.alloc(0))).toThrow('不是 PNG 或 JPEG 图片（文件头不对）');
  });
});
