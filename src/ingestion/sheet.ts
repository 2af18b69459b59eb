/**
 * @module ingestion/sheet
 * Reads FAQ sheets: CSV/TSV with csv-parse (BOM and GBK tolerated) and XLSX with exceljs (first
 * worksheet). Rows keep the numbers the sheet shows, so problems point at the right row.
 * Rows are counted while reading (CSV) or in a streaming pass before loading (XLSX, which
 * exceljs otherwise loads whole), so a sheet past the row limit is refused early.
 */
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { loadExcelJs, readWorkbook } from './xlsx-workbook.js';
import { dateToIso } from './dates.js';
import { readText } from './decode.js';
import { faqOutcome, type SheetRow } from './faq-rows.js';
import { limitsWith, OverLimit } from './limits.js';
import { errorMessage, failed, type Reader } from './reader.js';
import type { ImportOptions } from './types.js';
import { checkUnzippedSize } from './zip.js';

export const readCsv: Reader = async (file, options) => {
  const { maxRows } = limitsWith(options.limits);
  const text = await readText(file, options);
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: file.toLowerCase().endsWith('.tsv') ? '\t' : ',',
      relax_column_count: true,
      relax_quotes: true,
      // Empty lines stay, so that record n is row n as a spreadsheet program shows it.
      skip_empty_lines: false,
      // One row past the limit is enough to know the sheet is over it.
      to: maxRows + 1,
    }) as string[][];
  } catch (error) {
    return failed(file, `malformed CSV: ${errorMessage(error)}`);
  }
  if (records.length > maxRows) throw tooManyRows(maxRows);
  return faqOutcome(file, records.map((cells, i) => ({ number: i + 1, cells })));
};

export const readXlsx: Reader = async (file, options) => {
  let workbook: ExcelJS.Workbook;
  try {
    await checkUnzippedSize(file, options);
    await checkRowCount(file, options);
    workbook = await readWorkbook(file);
  } catch (error) {
    if (error instanceof OverLimit) throw error;
    return failed(file, `not a readable XLSX file: ${errorMessage(error)}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return failed(file, 'the workbook has no worksheet');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    rows.push({ number, cells: Array.from(cells, (c) => c ?? '') });
  });
  return faqOutcome(file, rows);
};

/**
 * Counts the rows of the first worksheet with exceljs's streaming reader (no cell values kept),
 * stopping one row past the limit.
 */
async function checkRowCount(file: string, options: ImportOptions): Promise<void> {
  const { maxRows } = limitsWith(options.limits);
  const excel = await loadExcelJs();
  const reader = new excel.stream.xlsx.WorkbookReader(file, { sharedStrings: 'ignore', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'ignore' });
  for await (const worksheet of reader) {
    let rows = 0;
    for await (const _row of worksheet) {
      if (++rows > maxRows) throw tooManyRows(maxRows);
    }
    return; // the first worksheet is the one read
  }
}

const tooManyRows = (maxRows: number) => new OverLimit('maxRows', `more than ${maxRows} rows`);

/** A cell's value as text: rich text, hyperlinks, formulas and dates included. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateToIso(value) ?? '';
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
  if ('sharedFormula' in value) return '';
  if ('error' in value) return '';
  return '';
}
