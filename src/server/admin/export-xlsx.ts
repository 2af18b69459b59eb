/**
 * @module server/admin/export-xlsx
 * The published knowledge base as an Excel workbook, one sheet per kind, for people to read, check
 * and edit. The FAQ sheet comes first and uses the column names the importer reads (编号, 问题,
 * 相似问题, 答案, 分类, 标签, 服务对象, 来源), so an edited FAQ sheet can be imported again; the
 * other sheets are for reading (the lossless export, for re-import of every kind, is JSONL).
 */
import { loadExcelJs } from '../../ingestion/xlsx-workbook.js';
import { GUIDE_FIELDS, type ItemKind } from '../../knowledge/index.js';
import { ITEM_FIELD_LABELS } from '../../knowledge/item-diff.js';

type Column = { header: string; value: (item: Record<string, unknown>) => string };

const field = (name: string, header = ITEM_FIELD_LABELS[name] ?? name): Column => ({ header, value: (item) => cellText(item[name]) });
const audience = (values: unknown): string =>
  (Array.isArray(values) ? values : []).map((a) => (a === 'enterprise' ? '企业' : a === 'individual' ? '个人' : String(a))).join('、');

const COMMON_TAIL: Column[] = [field('category', '分类'), field('tags', '标签'), { header: '服务对象', value: (i) => audience(i.audience) }, field('source', '来源')];

const SHEETS: { kind: ItemKind; name: string; columns: Column[] }[] = [
  {
    kind: 'faq',
    name: '常见问题',
    columns: [
      field('id', '编号'),
      field('title', '问题'),
      field('similarQuestions', '相似问题'),
      field('answer', '答案'),
      ...COMMON_TAIL,
      field('links'),
      field('reviewDate'),
    ],
  },
  {
    kind: 'guide',
    name: '办事指南',
    columns: [
      field('id', '编号'),
      field('title', '事项名称'),
      // Every field a guide prints, in its order; the time limit is stored as its two parts.
      ...GUIDE_FIELDS.flatMap((f) => (f === 'timeLimit' ? ['statutoryTimeLimit', 'promisedTimeLimit'] : [f])).map((f) => field(f)),
      ...COMMON_TAIL,
      field('reviewDate'),
    ],
  },
  {
    kind: 'policy',
    name: '政策文件',
    columns: [
      field('id', '编号'),
      field('title'),
      ...['issuer', 'docNumber', 'issueDate', 'effectiveDate', 'expiryDate', 'level', 'text', 'interpretation'].map((f) => field(f)),
      ...COMMON_TAIL,
    ],
  },
  { kind: 'article', name: '文章', columns: [field('id', '编号'), field('title'), field('date'), field('text'), ...COMMON_TAIL] },
];

/** Items as stored (timestamps or not). */
export type ItemRecord = Record<string, unknown> & { kind: ItemKind };

export async function knowledgeWorkbook(items: readonly ItemRecord[]): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'xiaoxin';
  for (const sheet of SHEETS) {
    const ws = workbook.addWorksheet(sheet.name);
    ws.addRow(sheet.columns.map((c) => c.header)).font = { bold: true };
    for (const item of items) {
      if (item.kind === sheet.kind) ws.addRow(sheet.columns.map((c) => c.value(item)));
    }
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    sheet.columns.forEach((_, i) => {
      ws.getColumn(i + 1).width = i === 0 ? 24 : 30;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A value as cell text: lists one entry a line (as the importer splits them), materials as printed. */
function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(entryText).join('\n');
  return String(value);
}

function entryText(entry: unknown): string {
  if (entry && typeof entry === 'object') {
    const m = entry as { name?: string; form?: string; copies?: number; notes?: string };
    return [m.name, m.form, m.copies ? `${m.copies}份` : undefined, m.notes].filter(Boolean).join('，');
  }
  return String(entry);
}
