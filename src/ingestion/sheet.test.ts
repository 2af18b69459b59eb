/** @module ingestion/sheet.test — FAQ sheets as CSV and XLSX, headers in Chinese or English. */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test/temp-dir.js';
import { faqId } from './ids.js';
import { formatProblem, importPaths } from './index.js';

const tmp = useTempDir('xiaoxin-sheet-');
const write = tmp.write;

describe('CSV FAQ sheets', () => {
  const csv = [
    '问题,相似问法,答案,分类,标签',
    '营业执照丢了怎么办？,"执照遗失怎么补办|营业执照补办；执照丢失",登录政务服务网申请补领。,企业开办,营业执照 补办',
    '',
    '公司注册要多久？,,材料齐全的1个工作日内办结。,企业开办,',
    '没有答案的问题,,,企业开办,',
  ].join('\r\n');

  it('reads a Chinese header with a BOM, splits similar questions and tags, and makes ids from questions', async () => {
    const file = await write('faqs.csv', `\uFEFF${csv}`);
    const result = await importPaths([file]);
    expect(result.items).toEqual([
      {
        kind: 'faq',
        id: faqId('营业执照丢了怎么办？'),
        title: '营业执照丢了怎么办？',
        similarQuestions: ['执照遗失怎么补办', '营业执照补办', '执照丢失'],
        answer: '登录政务服务网申请补领。',
        category: '企业开办',
        tags: ['营业执照', '补办'],
        audience: [],
        links: [],
        source: 'faqs.csv',
      },
      expect.objectContaining({ id: faqId('公司注册要多久'), title: '公司注册要多久？', similarQuestions: [] }),
    ]);
    expect(result.items[0]!.id).toMatch(/^faq-[0-9a-f]{12}$/);
    // Row 5 as a spreadsheet shows it: the empty line 3 still counts as a row.
    expect(result.problems.map(formatProblem)).toEqual([`${file}:5: answer: must not be empty`]);
  });

  it('reads a sheet saved as GBK by Excel on Chinese Windows', async () => {
    // "问题,答案\r\n办事大厅在哪？,高新区政务服务中心一楼。\r\n" encoded as GBK.
    const gbk = 'cecacce22cb4f0b0b80d0ab0eccac2b4f3ccfcd4dac4c4a3bf2cb8dfd0c2c7f8d5fecef1b7fecef1d6d0d0c4d2bbc2a5a1a30d0a';
    const file = await write('gbk.csv', Buffer.from(gbk, 'hex'));
    const result = await importPaths([file]);
    expect(result.problems).toEqual([]);
    expect(result.items).toMatchObject([{ title: '办事大厅在哪？', answer: '高新区政务服务中心一楼。' }]);
  });

  it('reads English headers and keeps an id column', async () => {
    const file = await write('faq-en.csv', 'ID,Question,Similar Questions,Answer,Category\nq-1,Where is the service hall?,Service hall address,"Floor 1, Zone Service Centre.",General\n');
    const result = await importPaths([file]);
    expect(result.problems).toEqual([]);
    expect(result.items).toMatchObject([
      { id: 'q-1', title: 'Where is the service hall?', similarQuestions: ['Service hall address'], answer: 'Floor 1, Zone Service Centre.', category: 'General' },
    ]);
  });

  it('reports a sheet without a question and answer header', async () => {
    const file = await write('not-faq.csv', '名称,地址\n政务服务中心,高新大道1号\n');
    const result = await importPaths([file]);
    expect(result.items).toEqual([]);
    expect(result.problems.map(formatProblem)).toEqual([
      `${file}: no header row with a question and an answer column (问题/question, 答案/answer)`,
    ]);
  });
});

describe('XLSX FAQ sheets', () => {
  async function writeWorkbook(name: string): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('常见问题');
    sheet.addRow(['示范高新区政务服务常见问题清单']);
    sheet.addRow(['编号', '标准问题', '相似问题', '回答', '类别', '服务对象']);
    sheet.addRow(['FAQ-001', '营业执照丢了怎么办？', '执照遗失怎么补办\n营业执照补办', '登录政务服务网申请补领。', '企业开办', '企业']);
    sheet.addRow(['FAQ-002', '公司注册要多久？', '', { richText: [{ text: '材料齐全的' }, { font: { bold: true }, text: '1个工作日内' }, { text: '办结。' }] }, '', '企业、个人']);
    sheet.addRow(['FAQ-003', '没有答案的问题', '', '', '', '']);
    // The category cell spans rows 3–5, as sheets maintained by hand often have it.
    sheet.mergeCells('E3:E5');
    const path = join(tmp.dir, name);
    // Only the first worksheet is read.
    const notes = workbook.addWorksheet('说明');
    notes.addRow(['问题', '答案']);
    notes.addRow(['不应导入', '不应导入']);
    await workbook.xlsx.writeFile(path);
    return path;
  }

  it('reads the first worksheet below a title row, rich text and merged cells included', async () => {
    const file = await writeWorkbook('faqs.xlsx');
    const result = await importPaths([file]);
    expect(result.items).toEqual([
      expect.objectContaining({
        id: 'FAQ-001',
        title: '营业执照丢了怎么办？',
        similarQuestions: ['执照遗失怎么补办', '营业执照补办'],
        answer: '登录政务服务网申请补领。',
        category: '企业开办',
        audience: ['enterprise'],
        source: 'faqs.xlsx',
      }),
      expect.objectContaining({ id: 'FAQ-002', answer: '材料齐全的1个工作日内办结。', category: '企业开办', audience: ['enterprise', 'individual'] }),
    ]);
    expect(result.problems.map(formatProblem)).toEqual([`${file}:5: answer: must not be empty`]);
  });

  it('reports a file that is not a workbook', async () => {
    const file = await write('broken.xlsx', 'this is not a zip file');
    const result = await importPaths([file]);
    expect(result.items).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.message).toMatch(/^not a readable XLSX file: /);
  });
});
