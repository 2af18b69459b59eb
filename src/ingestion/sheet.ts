/**
 * @module ingestion/sheet
 * Reads FAQ sheets: CSV/TSV with csv-parse (BOM and GBK tolerated) and XLSX with exceljs (first
 * worksheet). Rows keep the numbers the sheet shows, so problems point at the right row.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { dateToIso } from './dates.js';
import { decodeText } from './decode.js';
import { faqOutcome, type SheetRow } from './faq-rows.js';
import { errorMessage, failed, type Reader } from './reader.js';

export const readCsv: Reader = async (file) => {
  const text = decodeText(await readFile(file));
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: file.toLowerCase().endsWith('.tsv') ? '\t' : ',',
      relax_column_count: true,
      relax_quotes: true,
      // Empty lines stay, so that record n is row n as a spreadsheet program shows it.
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    return failed(file, `malformed CSV: ${errorMessage(error)}`);
  }
  return faqOutcome(file, records.map((cells, i) => ({ number: i + 1, cells })));
};

export const readXlsx: Reader = async (file) => {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
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
