import { existsSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { PDFParse } from 'pdf-parse';
import { beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import type { EnterpriseProfile } from '../profile.js';
import { FONT_CANDIDATES } from './cjk-font.js';
import { listForms, renderForm, UnknownFormError } from './render.js';
import { AS_OF, DEMO_ANSWERS, demoProfile } from './test-support.js';

const HAS_CJK_FONT = FONT_CANDIDATES.some((c) => existsSync(c.regular.path));
if (!HAS_CJK_FONT) console.warn('No CJK font installed (apt-get install fonts-noto-cjk): the PDF export tests are skipped.');

let profile: EnterpriseProfile;
beforeAll(() => {
  profile = demoProfile();
});
const render = (id: string, format: 'docx' | 'pdf') => renderForm(id, id === 'individual-business-registration' ? undefined : profile, DEMO_ANSWERS[id] ?? {}, format, { asOf: AS_OF });

/** The text of word/document.xml: the runs' text, one paragraph a line. */
function docxText(bytes: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== 'word/document.xml') return zip.readEntry();
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            const xml = Buffer.concat(chunks).toString('utf8');
            resolve(xml.replace(/<\/w:p>/g, '\n').replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&'));
            zip.close();
          });
        });
      });
      zip.on('end', () => reject(new Error('no word/document.xml')));
      zip.readEntry();
    });
  });
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

/** The fonts of a PDF's first page: name, the embedded font program (decoded) and its ToUnicode map. */
async function pageFonts(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes);
  const fonts = doc.getPages()[0]!.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
  // pdf-lib names the font again at every switch between regular and bold: the same few objects
  const unique = [...new Map(fonts.keys().map((key) => [fonts.get(key)!.toString(), key])).values()];
  return unique.map((key) => {
    const font = fonts.lookup(key, PDFDict);
    const descendant = font.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
    const descriptor = descendant.lookup(PDFName.of('FontDescriptor'), PDFDict);
    const cff = descriptor.lookup(PDFName.of('FontFile3')) as PDFRawStream | undefined;
    const file = cff ?? (descriptor.lookup(PDFName.of('FontFile2')) as PDFRawStream | undefined);
    const toUnicode = font.lookup(PDFName.of('ToUnicode')) as PDFRawStream;
    return {
      name: font.lookup(PDFName.of('BaseFont'))!.toString(),
      cff: cff !== undefined,
      program: file ? decodePDFRawStream(file).decode() : undefined,
      toUnicode: Buffer.from(decodePDFRawStream(toUnicode).decode()).toString('latin1'),
    };
  });
}

/**
 * Reads a bare CFF font program (FontFile3) far enough to count its glyphs, checking the header
 * on the way: @pdf-lib/fontkit's subsets had an offSize of 27 there, which viewers reject.
 */
function cffGlyphCount(cff: Uint8Array): number {
  const [major, , hdrSize, offSize] = cff as unknown as [number, number, number, number];
  expect(major).toBe(1);
  expect(offSize).toBeGreaterThanOrEqual(1);
  expect(offSize).toBeLessThanOrEqual(4);
  const offset = (at: number, size: number) => { let v = 0; for (let i = 0; i < size; i++) v = v * 256 + cff[at + i]!; return v; };
  const index = (at: number) => {
    const count = offset(at, 2);
    if (count === 0) return { count, end: at + 2, items: [] as Array<[number, number]> };
    const size = cff[at + 2]!;
    const base = at + 3 + (count + 1) * size - 1;
    const items: Array<[number, number]> = [];
    for (let i = 0; i < count; i++) items.push([base + offset(at + 3 + i * size, size), base + offset(at + 3 + (i + 1) * size, size)]);
    return { count, end: base + offset(at + 3 + count * size, size), items };
  };
  const names = index(hdrSize);
  const topDicts = index(names.end);
  const [start, end] = topDicts.items[0]!;
  // Top DICT: operands then an operator; CharStrings is operator 17
  const operands: number[] = [];
  for (let i = start; i < end; ) {
    const b = cff[i]!;
    if (b === 28) { operands.push((cff[i + 1]! << 24 >> 16) | cff[i + 2]!); i += 3; }
    else if (b === 29) { operands.push((cff[i + 1]! << 24) | (cff[i + 2]! << 16) | (cff[i + 3]! << 8) | cff[i + 4]!); i += 5; }
    else if (b >= 32 && b <= 246) { operands.push(b - 139); i += 1; }
    else if (b >= 247 && b <= 250) { operands.push((b - 247) * 256 + cff[i + 1]! + 108); i += 2; }
    else if (b >= 251 && b <= 254) { operands.push(-(b - 251) * 256 - cff[i + 1]! - 108); i += 2; }
    else if (b === 30) { i += 1; while (i < end && (cff[i]! & 0x0f) !== 0x0f && (cff[i]! >> 4) !== 0x0f) i += 1; i += 1; operands.push(0); }
    else if (b === 12) { operands.length = 0; i += 2; }
    else { if (b === 17) return index(operands[operands.length - 1]!).count; operands.length = 0; i += 1; }
  }
  throw new Error('no CharStrings in the CFF Top DICT');
}

describe('DOCX export', () => {
  it.each(listForms().map((f) => f.id))('%s opens and holds the labels and the filled values', async (id) => {
    const rendered = await render(id, 'docx');
    expect(rendered.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const text = await docxText(rendered.bytes);
    expect(text).toContain(rendered.filled.form.title);
    for (const section of rendered.filled.form.sections) expect(text).toContain(section.title);
    for (const value of rendered.filled.values.values()) if (value.display && typeof value.value !== 'boolean' && !Array.isArray(value.value)) expect(text).toContain(value.display);
  });

  it('lays the 高企 form out as the official one: labels, ticked boxes, the year table', async () => {
    const rendered = await render('high-tech-enterprise-application', 'docx');
    expect(rendered.fileName).toBe('高新技术企业认定申请书-星河智测科技有限公司.docx');
    const text = await docxText(rendered.bytes);
    expect(text).toContain('统一社会信用代码');
    expect(text).toContain('91350100M000100Y43');
    expect(text).toContain('■有限责任公司');
    expect(text).toContain('□股份有限公司');
    expect(text).toContain('近三年经营与研究开发费用（单位：万元）');
    expect(text).toMatch(/2024年\s*5060\s*402\s*396\s*4180/);
    expect(text).toContain('近三年研究开发费用占同期销售收入比例（%）');
    expect(text).toContain('7.84');
    expect(text).toContain('法定代表人（签字）');
  });
});

describe.skipIf(!HAS_CJK_FONT)('PDF export', () => {
  it.each(listForms().map((f) => f.id))('%s: text extractable, a CJK font subset embedded', async (id) => {
    const rendered = await render(id, 'pdf');
    expect(rendered.contentType).toBe('application/pdf');
    const text = (await pdfText(rendered.bytes)).replace(/\s+/g, '');
    expect(text).toContain(rendered.filled.form.title);
    expect(text).toContain(rendered.filled.form.sections[0]!.title.replace(/\s+/g, ''));
    const fonts = await pageFonts(rendered.bytes);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.name).toMatch(/CJK|WenQuanYi|AR|Droid/);
      // the font program is in the file and is a valid font of a few hundred glyphs, not the whole face
      expect(font.program).toBeDefined();
      const glyphs = font.cff ? cffGlyphCount(font.program!) : (fontkit.create(Buffer.from(font.program!)) as fontkit.Font).numGlyphs;
      expect(glyphs).toBeGreaterThan(10);
      expect(glyphs).toBeLessThan(2000);
      expect(font.program!.length).toBeLessThan(400_000);
    }
    // the title's characters are mapped back to Unicode (9AD8 高, 4E2A 个 …)
    const codes = [...rendered.filled.form.title].map((c) => c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'));
    const maps = fonts.map((f) => f.toUnicode).join('\n').toUpperCase();
    for (const code of codes) expect(maps).toContain(code);
  });

  it('the 高企 form holds the enterprise values and is two A4 pages', async () => {
    const rendered = await render('high-tech-enterprise-application', 'pdf');
    const text = (await pdfText(rendered.bytes)).replace(/\s+/g, '');
    for (const s of ['星河智测科技有限公司', '91350100M000100Y43', '2019年3月15日', '■有限责任公司', '12560', '985', '7.84', '第1页共2页']) expect(text).toContain(s);
    const doc = await PDFDocument.load(rendered.bytes);
    expect(doc.getPageCount()).toBe(2);
    expect(doc.getPage(0).getSize().width).toBeCloseTo(595.28, 1);
    expect(doc.getTitle()).toBe('高新技术企业认定申请书');
  });

  it('a partly filled form still exports, with the blanks empty', async () => {
    const rendered = await renderForm('individual-business-registration', undefined, { operator: '王建国' }, 'pdf', { asOf: AS_OF });
    expect(rendered.filled.complete).toBe(false);
    const text = (await pdfText(rendered.bytes)).replace(/\s+/g, '');
    expect(text).toContain('王建国');
    expect(text).toContain('□个人经营□家庭经营');
    expect(rendered.fileName).toBe('个体工商户登记（备案）申请书.pdf');
  });
});

it('an unknown form id is refused', async () => {
  await expect(renderForm('no-such-form', undefined, {}, 'pdf')).rejects.toBeInstanceOf(UnknownFormError);
});
