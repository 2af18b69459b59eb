/**
 * @module enterprise/profiles/sheet-import
 * Staff import profiles from an XLSX sheet, one row per enterprise. Each row is validated and
 * stored on its own: a bad row stores nothing and is reported by row and column
 * (`第5行 D列（职工总数）：不能为负数`), the good rows are stored. A row merges into the profile —
 * an empty cell changes nothing — and an enterprise not yet known is created, active (staff
 * vouch for it by importing it). The workbook is checked against the zip-bomb limit first.
 */
import type ExcelJS from 'exceljs';
import { readWorkbook } from '../../ingestion/xlsx-workbook.js';
import { checkUnzippedSize } from '../../ingestion/zip.js';
import type { ImportLimits } from '../../ingestion/index.js';
import type { Store } from '../../storage/index.js';
import { createEnterprise, EnterpriseInputError, normaliseCreditCode } from '../accounts/service.js';
import { checkProfile } from './field-errors.js';
import { ProfileInputError, saveProfile } from './service.js';
import { cellValue, plainCell } from './sheet-cells.js';
import { columnLetter, columnOf, type Column } from './sheet-columns.js';

export interface SheetProblem {
  row: number;
  /** The column's letter (`D`) and header, when one column is at fault. */
  column?: string;
  header?: string;
  message: string;
}

export interface SheetImportResult {
  /** Data rows read. */
  rows: number;
  stored: { row: number; creditCode: string; enterpriseId: string; created: boolean; changed: string[] }[];
  problems: SheetProblem[];
}

/** More enterprises than a zone has; a sheet past it is refused whole. */
export const MAX_PROFILE_ROWS = 20_000;

export async function importProfileSheet(store: Store, file: string, staff: string, limits: ImportLimits, fileName: string): Promise<SheetImportResult> {
  const result: SheetImportResult = { rows: 0, stored: [], problems: [] };
  let workbook: ExcelJS.Workbook;
  try {
    await checkUnzippedSize(file, { limits });
    workbook = await readWorkbook(file);
  } catch (error) {
    result.problems.push({ row: 0, message: `无法读取这个 XLSX 文件（${error instanceof Error ? error.message : String(error)}）` });
    return result;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ...result, problems: [{ row: 0, message: '工作簿中没有工作表' }] };
  if (sheet.actualRowCount > MAX_PROFILE_ROWS + 1) return { ...result, problems: [{ row: 0, message: `行数超过${MAX_PROFILE_ROWS}，请分成几个文件导入` }] };

  const header = findHeader(sheet);
  if (!header) return { ...result, problems: [{ row: 1, message: '前10行中没有“统一社会信用代码”一列（表头行），无法导入' }] };
  for (const unknown of header.unknown) {
    result.problems.push({ row: header.row, column: columnLetter(unknown.index), header: unknown.text, message: `不认识“${unknown.text}”这一列，该列未导入` });
  }
  for (let r = header.row + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (!row.hasValues) continue;
    result.rows++;
    await importRow(store, row, r, header.columns, staff, fileName, result);
  }
  return result;
}

interface Header {
  row: number;
  columns: Map<number, Column & { header: string }>;
  unknown: { index: number; text: string }[];
}

function findHeader(sheet: ExcelJS.Worksheet): Header | undefined {
  for (let r = 1; r <= Math.min(10, sheet.rowCount); r++) {
    const columns = new Map<number, Column & { header: string }>();
    const unknown: { index: number; text: string }[] = [];
    sheet.getRow(r).eachCell((cell, index) => {
      const text = String(plainCell(cell.value) ?? '').trim();
      if (!text) return;
      const column = columnOf(text);
      if (column) columns.set(index, { ...column, header: text });
      else unknown.push({ index, text });
    });
    if ([...columns.values()].some((c) => c.kind === 'creditCode')) return { row: r, columns, unknown };
  }
  return undefined;
}

async function importRow(
  store: Store,
  row: ExcelJS.Row,
  r: number,
  columns: Header['columns'],
  staff: string,
  fileName: string,
  result: SheetImportResult,
): Promise<void> {
  const problems: SheetProblem[] = [];
  const at = (index: number, message: string) => {
    const column = columns.get(index);
    problems.push({ row: r, column: columnLetter(index), ...(column ? { header: column.header } : {}), message });
  };
  let creditCode: string | undefined;
  let name: string | undefined;
  const partial: Record<string, Record<string, unknown> | unknown> = {};
  const columnOfKey = new Map<string, number>();
  for (const [index, column] of columns) {
    const raw = row.getCell(index).value;
    if (column.kind === 'creditCode') {
      const text = String(plainCell(raw) ?? '').trim();
      if (!text) at(index, '统一社会信用代码必须填写');
      else {
        try {
          creditCode = normaliseCreditCode(text);
        } catch (error) {
          at(index, (error as EnterpriseInputError).problem);
        }
      }
    } else if (column.kind === 'name') {
      name = String(plainCell(raw) ?? '').trim() || undefined;
    } else if (column.kind === 'fact') {
      const value = cellValue(raw, column.unit);
      if (value === undefined) continue;
      columnOfKey.set(column.key, index);
      const [group, part] = column.key.split('.') as [string, string | undefined];
      if (part === undefined) partial[group] = value;
      else ((partial[group] ??= {}) as Record<string, unknown>)[part] = value;
    }
  }
  const profileProblems = (errors: { field: string; label: string; message: string }[]) => {
    for (const e of errors) {
      const index = columnOfKey.get(e.field);
      if (index !== undefined) at(index, e.message);
      else problems.push({ row: r, message: `${e.label}：${e.message}` });
    }
  };
  if (creditCode) {
    try {
      const existing = await store.enterprises.getByCreditCode(creditCode);
      if (existing) {
        const saved = await saveProfile(store, existing, partial, staff, 'merge', `import ${fileName} row ${r}`);
        result.stored.push({ row: r, creditCode, enterpriseId: existing.id, created: false, changed: saved.changed });
      } else if (!name) {
        problems.push({ row: r, message: `统一社会信用代码 ${creditCode} 尚未登记；新企业须填写“企业名称”` });
      } else {
        // Checked before anything is created: a bad row must leave no enterprise behind either.
        const checked = checkProfile(partial);
        if (!checked.ok) profileProblems(checked.errors);
        else {
          const stored = await store.transaction(async (tx) => {
            const enterprise = await createEnterprise(tx, { creditCode: creditCode!, name: name! }, staff);
            const saved = await saveProfile(tx, (await tx.enterprises.get(enterprise.id))!, partial, staff, 'merge', `import ${fileName} row ${r}`);
            return { enterpriseId: enterprise.id, changed: saved.changed };
          });
          result.stored.push({ row: r, creditCode, created: true, ...stored });
        }
      }
    } catch (error) {
      if (error instanceof ProfileInputError) profileProblems(error.errors);
      else if (error instanceof EnterpriseInputError) problems.push({ row: r, message: error.message });
      else throw error;
    }
  }
  // Left to right, as a person reads the row.
  const order = (p: SheetProblem) => (p.column ? [...p.column].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) : Number.MAX_SAFE_INTEGER);
  result.problems.push(...problems.sort((x, y) => order(x) - order(y)));
}

/** A problem as one line for people: `第5行 D列（职工总数）：不能为负数`. */
export function problemText(p: SheetProblem): string {
  const where = p.row > 0 ? `第${p.row}行${p.column ? ` ${p.column}列${p.header ? `（${p.header}）` : ''}` : ''}：` : '';
  return `${where}${p.message}`;
}
