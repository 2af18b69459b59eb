/**
 * @module server/enterprise/profile-sheet.test
 * Staff import enterprise profiles from XLSX over real HTTP: the good rows are stored, each bad
 * row stores nothing and is reported by row, column and header in Chinese; the export reads back
 * in the importer's columns and says each fact's source.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, STAFF, type AdminClient } from '../admin/test-support.js';
import { CODE_A, CODE_B, CODE_C, creditCode, registeredEnterprise, startEnterpriseServer, type EnterpriseClient, type EnterpriseSetup } from './test-support.js';

let setup: EnterpriseSetup;
let editor: AdminClient;
let a: { id: string; client: EnterpriseClient };

beforeAll(async () => {
  setup = await startEnterpriseServer();
  const boss = await loggedIn(setup.base, STAFF.admin);
  editor = await loggedIn(setup.base, STAFF.editor);
  a = await registeredEnterprise(setup.base, boss, CODE_A, '甲方舟数据科技有限公司', 'a.user');
  await a.client.put('/api/enterprise/profile', { profile: { employees: 120, stStaff: 30, revenue: { 2023: 5000 } } });
});
afterAll(async () => setup?.close());

async function sheet(rows: unknown[][]): Promise<FormData> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('企业');
  for (const row of rows) ws.addRow(row);
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await workbook.xlsx.writeBuffer())]), '企业画像.xlsx');
  return form;
}

const BAD_CODE = CODE_C.slice(0, 17) + (CODE_C.endsWith('0') ? '1' : '0');
const NEW_CODE = creditCode('91320500MA1N0000G');

describe('XLSX import of profiles', () => {
  it('stores the good rows and reports each bad row by row and column, storing nothing of it', async () => {
    const form = await sheet([
      ['星河高新区企业画像（2025年报）'],
      ['统一社会信用代码', '企业名称', '职工总数', '科技人员数', '2024年销售（营业）收入', '是否在本区注册', '成立日期', '发明专利（含国防专利）数量', '备注栏'],
      [CODE_A, '甲方舟数据科技有限公司', 130, 35, '6,200', '是', new Date(Date.UTC(2016, 2, 18)), 5, '随便写'],
      [CODE_B, '乙青松材料有限公司', 80, -2, 3000, '否', '2019/7/1', 2],
      [BAD_CODE, '丙某某有限公司', 10],
      [NEW_CODE, '丁远山精密机械有限公司', 45, 9, 2100, '是', '2021年6月30日', ''],
      [creditCode('91320500MA1N0000H'), '戊新能源有限公司', '三十', 5, 100, '也许', '2020-02-30'],
      [creditCode('91320500MA1N0000J'), '', 10],
    ]);
    const reply = await editor.post('/api/admin/enterprises/import', form);
    expect(reply.status).toBe(200);
    expect(reply.body.rows).toBe(6);
    expect(reply.body.stored.map((s: { row: number; created: boolean }) => [s.row, s.created])).toEqual([[3, false], [6, true]]);
    expect(reply.body.problems.map((p: { text: string }) => p.text)).toEqual([
      '第2行 I列（备注栏）：不认识“备注栏”这一列，该列未导入',
      '第4行 D列（科技人员数）：不能为负数',
      expect.stringMatching(/^第5行 A列（统一社会信用代码）：统一社会信用代码校验位不符/),
      '第7行 C列（职工总数）：应为数字',
      '第7行 F列（是否在本区注册）：应为“是”或“否”（true 或 false）',
      '第7行 G列（成立日期）：不是真实存在的日期',
      expect.stringMatching(/^第8行：统一社会信用代码 .* 尚未登记；新企业须填写“企业名称”$/),
    ]);

    // Row 3 merged into A's profile (revenue 2023 kept), imported by the editor, self-declared.
    const profile = (await a.client.get('/api/enterprise/profile')).body;
    expect(profile.profile).toMatchObject({
      employees: { value: 130, source: 'self-declared' },
      stStaff: { value: 35 },
      revenue: { 2023: { value: 5000 }, 2024: { value: 6200 } },
      registeredInZone: { value: true },
      registrationDate: { value: '2016-03-18' },
      ip: { inventionPatents: { value: 5 } },
    });
    expect(profile.facts.find((f: { key: string }) => f.key === 'employees').updatedBy).toBe(STAFF.editor);

    // Row 4 stored nothing: B is not even registered, and no enterprise was made for rows 5, 7, 8.
    const list = await editor.get('/api/admin/enterprises');
    const codes = list.body.enterprises.map((e: { creditCode: string }) => e.creditCode);
    expect(codes).toContain(NEW_CODE);
    expect(codes).not.toContain(CODE_B);
    expect(list.body.total).toBe(2);
    const created = list.body.enterprises.find((e: { creditCode: string }) => e.creditCode === NEW_CODE);
    expect(created).toMatchObject({ status: 'active', createdBy: STAFF.editor, name: '丁远山精密机械有限公司' });
    const createdProfile = await editor.get(`/api/admin/enterprises/${created.id}/profile`);
    expect(createdProfile.body.profile).toMatchObject({ employees: { value: 45 }, registrationDate: { value: '2021-06-30' } });
    expect(createdProfile.body.profile.ip).toBeUndefined();
  });

  it('is for staff who manage enterprises only, and takes XLSX only', async () => {
    const window = await loggedIn(setup.base, STAFF.window);
    expect((await window.post('/api/admin/enterprises/import', await sheet([['统一社会信用代码']]))).status).toBe(403);
    const form = new FormData();
    form.append('file', new Blob(['not a workbook']), 'x.xlsx');
    const reply = await editor.post('/api/admin/enterprises/import', form);
    expect(reply.status).toBe(200);
    expect(reply.body.problems[0].message).toMatch(/^无法读取这个 XLSX 文件/);
    expect((await editor.post('/api/admin/enterprises/import', { file: 'x' })).status).toBe(400);
  });
});

describe('XLSX export of profiles', () => {
  it("writes the importer's columns and each fact's source, and imports again without a change", async () => {
    await editor.post(`/api/admin/enterprises/${a.id}/profile/verify`, { facts: ['employees'] });
    const reply = await editor.get('/api/admin/enterprises/export');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-disposition')).toMatch(/xiaoxin-enterprise-profiles-\d{4}-\d{2}-\d{2}\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    // exceljs's types predate Buffer's type parameter.
    await workbook.xlsx.load(reply.body as unknown as ArrayBuffer);
    const main = workbook.getWorksheet('企业画像')!;
    const header = (main.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['统一社会信用代码', '企业名称', '状态', '成立日期']);
    expect(header).toContain('2024年销售（营业）收入');
    const rowA = main.getRow(2).values as unknown[];
    expect(rowA[1]).toBe(CODE_A);
    expect(rowA[header.indexOf('职工总数') + 1]).toBe(130);
    const sources = workbook.getWorksheet('信息来源')!;
    const employees = (sources.getSheetValues() as unknown[][]).find((r) => r?.[1] === CODE_A && r[4] === 'employees')!;
    expect(employees.slice(3, 8)).toEqual(['职工总数', 'employees', 130, '工作人员核实', STAFF.editor]);

    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(reply.body as Buffer)]), 'export.xlsx');
    const again = await editor.post('/api/admin/enterprises/import', form);
    expect(again.body.problems).toEqual([]);
    expect(again.body.stored.every((s: { changed: string[] }) => s.changed.length === 0)).toBe(true);
    // Still verified: importing the same values changes nothing.
    expect((await a.client.get('/api/enterprise/profile')).body.profile.employees.source).toBe('verified');
  });
});
