/**
 * @module enterprise/profiles/sheet-export
 * Every enterprise's profile as an XLSX workbook: the sheet 企业画像 in the importer's columns
 * (so it imports again unchanged), and the sheet 信息来源 with each fact's source, who verified
 * it and when. The lists (qualifications, honours, incidents) appear in the second sheet only.
 */
import { loadExcelJs } from '../../ingestion/xlsx-workbook.js';
import type { Store } from '../../storage/index.js';
import { STATUS_LABELS } from '../accounts/service.js';
import { factLabel } from '../profile-fields.js';
import { exportCell } from './sheet-cells.js';
import { CREDIT_CODE_HEADER, exportColumns, NAME_HEADER, STATUS_HEADER } from './sheet-columns.js';

export async function profileWorkbook(store: Store): Promise<Buffer> {
  const enterprises = await store.enterprises.all();
  const factsOf = new Map(await Promise.all(enterprises.map(async (e) => [e.id, await store.enterpriseFacts.list(e.id)] as const)));
  const years = [...new Set([...factsOf.values()].flat().map((f) => /\.(\d{4})$/.exec(f.key)?.[1]).filter((y): y is string => !!y))].sort();
  const columns = exportColumns(years);

  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  const main = workbook.addWorksheet('企业画像');
  main.addRow([CREDIT_CODE_HEADER, NAME_HEADER, STATUS_HEADER, ...columns.map((c) => c.header)]).font = { bold: true };
  const sources = workbook.addWorksheet('信息来源');
  sources.addRow([CREDIT_CODE_HEADER, NAME_HEADER, '信息项', '键', '值', '来源', '核实人', '核实时间', '最后修改人', '最后修改时间']).font = { bold: true };
  for (const enterprise of enterprises) {
    const facts = factsOf.get(enterprise.id) ?? [];
    const byKey = new Map(facts.map((f) => [f.key, f.value]));
    main.addRow([enterprise.creditCode, enterprise.name, STATUS_LABELS[enterprise.status], ...columns.map((c) => exportCell(byKey.get(c.key)))]);
    for (const f of facts) {
      sources.addRow([
        enterprise.creditCode,
        enterprise.name,
        factLabel(f.key),
        f.key,
        exportCell(f.value),
        f.source === 'verified' ? '工作人员核实' : '企业自报',
        f.verifiedBy,
        f.verifiedAt,
        f.updatedBy,
        f.updatedAt,
      ]);
    }
  }
  // Text, so that Excel shows an 18-character code as written instead of as a number.
  main.getColumn(1).numFmt = '@';
  main.getColumn(1).width = 22;
  main.getColumn(2).width = 28;
  // exceljs's types predate Buffer's type parameter.
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
