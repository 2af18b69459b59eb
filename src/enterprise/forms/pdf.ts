/**
 * @module enterprise/forms/pdf
 * A filled form as an A4 PDF with pdf-lib: the layout's title, bordered grids and signature lines,
 * drawn in a CJK font subset embedded from an installed font package (cjk-font.ts). Text wraps
 * inside its cell (Chinese breaks between any two characters, Latin words and numbers stay whole);
 * a row that does not fit starts a new page, and every page is numbered.
 */
import type { PDFDocument, PDFFont, PDFPage, RGB } from 'pdf-lib';
import { embedCjkFonts, findCjkFonts } from './cjk-font.js';
import type { FilledForm } from './fill.js';
import { layoutForm, type LayoutBlock, type LayoutCell, type LayoutGrid } from './layout.js';

/** pdf-lib, imported at the first PDF rather than at start: it takes ~0.2 s to load (start-up time). */
const loadPdfLib = () => import('pdf-lib');

const PAGE: [number, number] = [595.28, 841.89]; // A4 in points
const MARGIN = { left: 56, right: 56, top: 60, bottom: 56 };
const WIDTH = PAGE[0] - MARGIN.left - MARGIN.right;
const BODY = 10.5; // 五号
const PAD = 4;
const LEADING = 1.4;
/** The colours used, made with pdf-lib's `rgb` once it is loaded. */
interface Colours {
  black: RGB;
  grey: RGB;
  shade: RGB;
}

export interface PdfOptions {
  /** a font file to use instead of the installed ones found (.ttf, .otf, .ttc) */
  fontPath?: string;
}

const CLOSING = /^[）)」』》〉】，。、；：！？%％]$/;

/** Splits text into lines no wider than `width`: explicit line breaks, then greedy wrapping. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    // a unit in brackets （万元） and a box with its option □有限责任公司 stay on one line
    const tokens = paragraph.match(/（[^（）]{1,4}）|[■□][^\s■□]+|[A-Za-z0-9@._\-:/#%+]+|\s+|./gsu) ?? [''];
    let line = '';
    for (const token of tokens) {
      const candidate = line + token;
      // closing punctuation hangs at the line's end rather than starting the next line alone
      if (CLOSING.test(token) && line !== '') {
        line = candidate;
        continue;
      }
      if (font.widthOfTextAtSize(candidate, size) <= width || line === '') {
        if (font.widthOfTextAtSize(token, size) > width && line === '') {
          // one token wider than the cell (a long number): break it by characters
          for (const ch of token) {
            if (line !== '' && font.widthOfTextAtSize(line + ch, size) > width) {
              lines.push(line);
              line = '';
            }
            line += ch;
          }
        } else line = candidate;
      } else {
        lines.push(line.trimEnd());
        line = token.trimStart();
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

class Writer {
  page!: PDFPage;
  y = 0;
  constructor(readonly doc: PDFDocument, readonly regular: PDFFont, readonly bold: PDFFont, readonly colours: Colours) {
    this.newPage();
  }
  newPage(): void {
    this.page = this.doc.addPage(PAGE);
    this.y = PAGE[1] - MARGIN.top;
  }
  ensure(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }
  centred(text: string, size: number, font: PDFFont, color = this.colours.black, after = 6): void {
    for (const line of wrapText(text, font, size, WIDTH)) {
      this.ensure(size * LEADING);
      const w = font.widthOfTextAtSize(line, size);
      this.page.drawText(line, { x: MARGIN.left + (WIDTH - w) / 2, y: this.y - size, size, font, color });
      this.y -= size * LEADING;
    }
    this.y -= after;
  }
  paragraph(text: string, size: number, font: PDFFont, before = 4): void {
    this.y -= before;
    for (const line of wrapText(text, font, size, WIDTH)) {
      this.ensure(size * LEADING);
      this.page.drawText(line, { x: MARGIN.left, y: this.y - size, size, font, color: this.colours.black });
      this.y -= size * LEADING;
    }
  }
  grid(grid: LayoutGrid): void {
    const starts = [0];
    for (const w of grid.widths) starts.push(starts[starts.length - 1]! + w * WIDTH);
    for (const row of grid.rows) {
      let col = 0;
      const placed = row.map((cell) => {
        const x = MARGIN.left + starts[col]!;
        const width = starts[col + cell.span]! - starts[col]!;
        col += cell.span;
        const font = cell.role === 'caption' || cell.role === 'header' ? this.bold : this.regular;
        return { cell, x, width, font, lines: wrapText(cell.text, font, BODY, width - 2 * PAD) };
      });
      const height = Math.max(...placed.map((p) => p.lines.length)) * BODY * LEADING + 2 * PAD;
      this.ensure(height);
      for (const p of placed) this.cell(p.cell, p.x, p.width, height, p.font, p.lines);
      this.y -= height;
    }
    this.y -= 6;
  }
  private cell(cell: LayoutCell, x: number, width: number, height: number, font: PDFFont, lines: string[]): void {
    const shaded = cell.role !== 'value';
    this.page.drawRectangle({ x, y: this.y - height, width, height, borderColor: this.colours.black, borderWidth: 0.6, ...(shaded ? { color: this.colours.shade } : {}) });
    const centred = cell.role !== 'value';
    const textHeight = lines.length * BODY * LEADING;
    let y = this.y - (height - textHeight) / 2 - BODY * 1.1;
    for (const line of lines) {
      const w = font.widthOfTextAtSize(line, BODY);
      // a line wider than the cell (hanging punctuation) starts at the padding, never left of the border
      const left = centred && w < width - 2 * PAD ? x + (width - w) / 2 : x + PAD;
      this.page.drawText(line, { x: left, y, size: BODY, font, color: this.colours.black });
      y -= BODY * LEADING;
    }
  }
}

function draw(writer: Writer, block: LayoutBlock): void {
  switch (block.kind) {
    case 'title':
      return writer.centred(block.text, 20, writer.bold, writer.colours.black, 4);
    case 'subtitle':
      return writer.centred(block.text, 14, writer.bold, writer.colours.black, 4);
    case 'note':
      return writer.centred(block.text, 9, writer.regular, writer.colours.grey, 0);
    case 'heading':
      writer.y -= 8;
      writer.ensure(12 * LEADING + 40); // keep a heading with the first row under it
      return writer.paragraph(block.text, 12, writer.bold, 0);
    case 'paragraph':
      return writer.paragraph(block.text, BODY, writer.regular, 6);
    default:
      writer.y -= 2;
      return writer.grid(block);
  }
}

export async function formToPdf(filled: FilledForm, options: PdfOptions = {}): Promise<Uint8Array> {
  const { PDFDocument, rgb } = await loadPdfLib();
  const colours: Colours = { black: rgb(0, 0, 0), grey: rgb(0.35, 0.35, 0.35), shade: rgb(0.93, 0.93, 0.93) };
  const doc = await PDFDocument.create();
  doc.setTitle(filled.form.title, { showInWindowTitleBar: true });
  doc.setSubject(filled.form.subtitle ?? filled.form.title);
  doc.setLanguage('zh-CN');
  doc.setCreator('xiaoxin');
  doc.setProducer('xiaoxin (pdf-lib)');
  const { regular, bold } = await embedCjkFonts(doc, findCjkFonts(options.fontPath));
  const writer = new Writer(doc, regular, bold, colours);
  for (const block of layoutForm(filled)) draw(writer, block);
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const text = `第 ${i + 1} 页　共 ${pages.length} 页`;
    page.drawText(text, { x: (PAGE[0] - regular.widthOfTextAtSize(text, 9)) / 2, y: MARGIN.bottom / 2, size: 9, font: regular, color: colours.grey });
  });
  return doc.save();
}
