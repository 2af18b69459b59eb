/** @module ingestion/index.test — folders, unknown files, id clashes, idempotence and the summary. */
import { copyFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test/temp-dir.js';
import { contentHash } from '../knowledge/index.js';
import { sha256Hex } from './ids.js';
import { formatProblem, importPaths, importSummary } from './index.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

const tmp = useTempDir('xiaoxin-import-');
const write = tmp.write;

describe('importPaths on folders', () => {
  it('recurses in sorted order, skips hidden and lock files, reports unknown extensions', async () => {
    const root = join(tmp.dir, 'kb');
    await write('kb/b/2-article.txt', '高新区举办创新大赛\n本报讯 近日，高新区举办创新创业大赛。');
    await write('kb/a.jsonl', JSON.stringify({ kind: 'faq', id: 'f1', title: '问题', answer: '答案' }));
    await write('kb/b/1-faq.csv', '问题,答案\n办事大厅在哪？,政务服务中心一楼。\n');
    await write('kb/.hidden/secret.txt', '不应导入');
    await write('kb/.draft.md', '不应导入');
    await write('kb/b/~$2-article.docx', 'Word lock file');
    await write('kb/logo.gif', 'not text');
    await write('kb/old.doc', 'legacy Word');
    const result = await importPaths([root]);
    expect(result.files).toEqual([join(root, 'a.jsonl'), join(root, 'b', '1-faq.csv'), join(root, 'b', '2-article.txt')]);
    expect(result.items.map((i) => i.kind)).toEqual(['faq', 'faq', 'article']);
    expect(result.problems.map(formatProblem)).toEqual([
      `${join(root, 'logo.gif')}: unsupported file type .gif; skipped`,
      `${join(root, 'old.doc')}: unsupported file type .doc; skipped; save it as .docx and import that`,
    ]);
  });

  it('skips questions.jsonl beside corpus.jsonl silently when the folder is imported', async () => {
    const corpus = [{ id: 'd1', title: '通知一', text: '通知一 正文。' }, { id: 'd2', title: '', text: '关于做好复工复产工作的通知 各单位：正文。' }];
    await write('eval/corpus.jsonl', corpus.map((r) => JSON.stringify(r)).join('\n'));
    const questions = await write('eval/questions.jsonl', JSON.stringify({ id: 'q1', question: '问？', doc_id: 'd1', answer: '正文' }));
    const result = await importPaths([join(tmp.dir, 'eval')]);
    expect(result.problems).toEqual([]);
    expect(result.files).toEqual([join(tmp.dir, 'eval', 'corpus.jsonl')]);
    expect(result.items.map((i) => [i.id, i.kind, i.title])).toEqual([
      ['d1', 'policy', '通知一'],
      ['d2', 'policy', '关于做好复工复产工作的通知'],
    ]);
    // Named on its own it is reported, since the person asked for it.
    const named = await importPaths([questions]);
    expect(named.items).toEqual([]);
    expect(named.problems.map(formatProblem)).toEqual([`${questions}: an eval question set (questions.jsonl beside corpus.jsonl), not items; skipped`]);
  });

  it('reports a path that does not exist and goes on with the others', async () => {
    const good = await write('one/ok.jsonl', JSON.stringify({ kind: 'faq', id: 'ok', title: '问', answer: '答' }));
    const missing = join(tmp.dir, 'nowhere');
    const result = await importPaths([missing, good]);
    expect(result.items.map((i) => i.id)).toEqual(['ok']);
    expect(result.problems.map(formatProblem)).toEqual([`${missing}: no such file or folder`]);
  });

  it('reads a file named twice, or inside a folder also named, once', async () => {
    const file = await write('twice/x.jsonl', JSON.stringify({ kind: 'faq', id: 'x', title: '问', answer: '答' }));
    const result = await importPaths([file, join(tmp.dir, 'twice'), file]);
    expect(result.items).toHaveLength(1);
    expect(result.problems).toEqual([]);
  });
});

describe('ids', () => {
  it('gives a second file with the same name a suffix from its path, and says so', async () => {
    const first = await write('clash/a/通知.txt', '关于开展申报工作的通知\n各有关企业：请按时申报。');
    const second = await write('clash/b/通知.txt', '关于开展评审工作的通知\n各有关单位：请按时参加评审。');
    const result = await importPaths([join(tmp.dir, 'clash')]);
    const suffix = sha256Hex(second).slice(0, 8);
    expect(result.items.map((i) => i.id)).toEqual(['通知', `通知-${suffix}`]);
    expect(result.problems.map(formatProblem)).toEqual([`${second}: id "通知" is already used by ${first}; imported as "通知-${suffix}"`]);
  });

  it('keeps ids stable: importing the same files twice gives identical items', async () => {
    const root = join(tmp.dir, 'stable');
    await write('stable/faq.csv', '问题,相似问题,答案\n营业执照丢了怎么办？,执照遗失|补办执照,登录政务服务网申请补领。\n');
    await write('stable/notice.html', '<html><body><article><h1>关于开展申报的通知</h1><p>各有关企业：请按时申报。</p></article></body></html>');
    await write('stable/page.txt', '高新区上线数字人\n本报讯 近日，高新区政务服务大厅\n推出政务AI数字人。');
    await write('stable/policy.md', '---\nkind: policy\ntitle: 补助办法\nissueDate: 2024-03-05\n---\n第一条 为鼓励研发，制定本办法。');
    const doc = new Document({ sections: [{ children: [new Paragraph({ text: '企业开办指南' }), new Paragraph({ text: '一、办理条件：在高新区注册的企业。' })] }] });
    await write('stable/kaiban.docx', await Packer.toBuffer(doc));
    await copyFile(join(FIXTURES, 'policy-zh.pdf'), join(root, 'policy-zh.pdf'));
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('FAQ').addRows([
      ['question', 'answer'],
      ['Where is the hall?', 'Floor 1.'],
    ]);
    await workbook.xlsx.writeFile(join(root, 'faq.xlsx'));

    const first = await importPaths([root]);
    const second = await importPaths([root]);
    expect(first.problems).toEqual([]);
    expect(first.items).toHaveLength(7);
    expect(second.items).toEqual(first.items);
    expect(second.items.map(contentHash)).toEqual(first.items.map(contentHash));
    expect(first.items.map((i) => i.id)).toEqual([
      expect.stringMatching(/^faq-[0-9a-f]{12}$/),
      expect.stringMatching(/^faq-[0-9a-f]{12}$/),
      'kaiban',
      'notice',
      'page',
      // Code-point order: `policy-zh.pdf` sorts before `policy.md`.
      'policy-zh',
      'policy',
    ]);
  });

  it('keeps a document id when the file is edited, so re-import updates the same item', async () => {
    const file = await write('edit/办事指南 2024.txt', '企业开办指南\n一、办理条件：在高新区注册的企业。');
    const before = await importPaths([file]);
    await writeFile(file, '企业开办指南\n一、办理条件：在高新区注册的企业。\n二、办理时限：1个工作日。');
    const after = await importPaths([file]);
    expect(before.items[0]!.id).toBe('办事指南-2024');
    expect(after.items[0]!.id).toBe('办事指南-2024');
    expect(contentHash(after.items[0]!)).not.toBe(contentHash(before.items[0]!));
  });
});

describe('importSummary and formatProblem', () => {
  it('formats problems as file:line: message, or file: message without a line', () => {
    expect(formatProblem({ file: 'faqs.csv', line: 7, message: 'answer: must not be empty' })).toBe('faqs.csv:7: answer: must not be empty');
    expect(formatProblem({ file: 'scan.pdf', message: 'no text found' })).toBe('scan.pdf: no text found');
  });

  it('summarises counts by kind in Chinese and English and lists the problems', async () => {
    const file = await write('summary/faqs.csv', '问题,答案\n问一,答一\n问二,\n问三,答三\n');
    const result = await importPaths([join(tmp.dir, 'summary')]);
    expect(importSummary(result)).toBe(
      [
        '导入 2 条（问答 2），读取 1 个文件，1 个问题。',
        'Imported 2 items (2 faq) from 1 file, 1 problem.',
        `  ${file}:3: answer: must not be empty`,
      ].join('\n'),
    );
  });

  it('names the items read from scans, for staff to check', () => {
    const summary = importSummary({ items: [], problems: [], files: ['a.png', 'b.pdf'], scanned: ['a', 'b'] });
    expect(summary.split('\n')[2]).toBe('其中 2 条识别自扫描件（OCR），发布前请对照原件核对：a，b');
  });

  it('counts the problems it does not list', () => {
    const problems = Array.from({ length: 25 }, (_, i) => ({ file: 'x.csv', line: i + 2, message: 'answer: must not be empty' }));
    const summary = importSummary({ items: [], problems, files: ['x.csv'], scanned: [] });
    expect(summary.split('\n')).toHaveLength(2 + 20 + 1);
    expect(summary).toContain('导入 0 条，读取 1 个文件，25 个问题。');
    expect(summary.endsWith('  … 另有 5 个问题 / 5 more problems')).toBe(true);
  });
});
