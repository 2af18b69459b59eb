/**
 * @module enterprise/forms/docx
 * A filled form as a Word document with the `docx` package: the layout's title, bordered tables
 * with shaded label cells (as the official forms print them), and the signature lines — editable,
 * for the enterprise to finish, stamp and sign. Body text 宋体 五号 (10.5 pt), headings 黑体.
 */
import type { Paragraph, Table } from 'docx';
import type { FilledForm } from './fill.js';
import { layoutForm, type LayoutBlock, type LayoutCell, type LayoutGrid } from './layout.js';

type Docx = typeof import('docx');
/** docx, imported at the first Word document rather than at start (start-up time). */
const loadDocx = () => import('docx');

// A4 with 2 cm margins, in twentieths of a point
const PAGE_WIDTH = 11906;
const MARGIN = 1134;
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const SONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const HEI = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体' };

const run = ({ TextRun }: Docx, text: string, options: { size?: number; bold?: boolean; font?: typeof SONG; color?: string } = {}) =>
  new TextRun({ text, size: options.size ?? 21, bold: options.bold ?? false, font: options.font ?? SONG, ...(options.color ? { color: options.color } : {}) });

function cellParagraphs(d: Docx, cell: LayoutCell): Paragraph[] {
  const { AlignmentType, Paragraph } = d;
  const centred = cell.role !== 'value';
  const bold = cell.role === 'caption' || cell.role === 'header';
  return cell.text.split('\n').map((line) => new Paragraph({ alignment: centred ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(d, line, { bold, ...(bold ? { font: HEI } : {}) })] }));
}

function table(d: Docx, grid: LayoutGrid): Table {
  const { BorderStyle, ShadingType, Table, TableCell, TableRow, VerticalAlignTable, WidthType } = d;
  const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const widths = grid.widths.map((w) => Math.round(w * TEXT_WIDTH));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: grid.rows.map((row) => {
      let col = 0;
      return new TableRow({
        cantSplit: true,
        children: row.map((cell) => {
          const width = widths.slice(col, col + cell.span).reduce((a, b) => a + b, 0);
          col += cell.span;
          return new TableCell({
            width: { size: width, type: WidthType.DXA },
            columnSpan: cell.span,
            verticalAlign: VerticalAlignTable.CENTER,
            margins: { top: 60, bottom: 60, left: 80, right: 80 },
            ...(cell.role !== 'value' ? { shading: { type: ShadingType.CLEAR, fill: 'EDEDED', color: 'auto' } } : {}),
            children: cellParagraphs(d, cell),
          });
        }),
      });
    }),
  });
}

function block(d: Docx, b: LayoutBlock): Array<Paragraph | Table> {
  const { AlignmentType, Paragraph } = d;
  switch (b.kind) {
    case 'title':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run(d, b.text, { size: 40, bold: true, font: HEI })] })];
    case 'subtitle':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run(d, b.text, { size: 28, bold: true, font: HEI })] })];
    case 'note':
      return [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(d, b.text, { size: 18, color: '595959' })] })];
    case 'heading':
      return [new Paragraph({ spacing: { before: 240, after: 80 }, keepNext: true, children: [run(d, b.text, { size: 24, bold: true, font: HEI })] })];
    case 'paragraph':
      return [new Paragraph({ spacing: { before: 120 }, children: [run(d, b.text)] })];
    default:
      // an empty paragraph after a table keeps two tables from merging into one in Word
      return [table(d, b), new Paragraph({ spacing: { after: 0 }, children: [] })];
  }
}

export async function formToDocx(filled: FilledForm): Promise<Uint8Array> {
  const d = await loadDocx();
  const { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun } = d;
  const doc = new Document({
    title: filled.form.title,
    creator: 'xiaoxin',
    description: filled.form.subtitle ?? filled.form.title,
    styles: { default: { document: { run: { font: SONG, size: 21 } } } },
    sections: [
      {
        properties: { page: { size: { width: PAGE_WIDTH, height: 16838 }, margin: { top: 1247, bottom: 1134, left: MARGIN, right: MARGIN } } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页　共 ', PageNumber.TOTAL_PAGES, ' 页'], size: 18, font: SONG })] })],
          }),
        },
        children: layoutForm(filled).flatMap((b) => block(d, b)),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
