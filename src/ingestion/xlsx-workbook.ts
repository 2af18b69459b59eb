/**
 * @module ingestion/xlsx-workbook
 * An XLSX file read into an ExcelJS workbook (the caller bounds its size first). ExcelJS parses a
 * workbook's parts from streams; on a busy machine it now and then finishes before
 * `xl/workbook.xml` was parsed and fails with "Cannot read properties of undefined (reading
 * 'sheets')" on a file it reads the next time (seen in CI, never on a quiet machine). A file that
 * fails so is read once more; a broken file fails both times and is reported.
 */
import { readFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';

const RACE = /reading 'sheets'/;

/** exceljs, imported on first use rather than at start: loading it takes ~0.3 s (start-up time). */
export const loadExcelJs = (): Promise<typeof ExcelJS> => import('exceljs').then((m) => m.default);

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const ExcelJS = await loadExcelJs();
  const bytes = await readFile(file);
  for (let attempt = 1; ; attempt++) {
    const workbook = new ExcelJS.Workbook();
    try {
      // exceljs's types predate Buffer's type parameter.
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      return workbook;
    } catch (error) {
      if (attempt >= 3 || !(error instanceof Error) || !RACE.test(error.message)) throw error;
    }
  }
}
