/** @module ingestion/markdown.test — Markdown with and without YAML front matter. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test/temp-dir.js';
import { formatProblem, importPaths } from './index.js';

const tmp = useTempDir('xiaoxin-md-');
const write = tmp.write;

describe('Markdown with front matter', () => {
  it('maps front-matter fields onto the item, YAML dates back to YYYY-MM-DD, body to text', async () => {
    const file = await write(
      'rd-subsidy.md',
      [
        '---',
        'kind: policy',
        'id: rd-subsidy-2024',
        'title: 示范高新区研发费用补助办法',
        'docNumber: 示高管发〔2024〕12号',
        'issueDate: 2024-03-05',
        'effectiveDate: 2024-04-01',
        'expiryDate: 2026-12-31',
        'level: zone',
        'tags: [研发, 补助]',
        'audience: [enterprise]',
        '---',
        '',
        '# 示范高新区研发费用补助办法',
        '',
        '第一条 为鼓励企业加大研发投入，制定本办法。',
        '',
      ].join('\n'),
    );
    const result = await importPaths([file]);
    expect(result.problems).toEqual([]);
    expect(result.items).toEqual([
      {
        kind: 'policy',
        id: 'rd-subsidy-2024',
        title: '示范高新区研发费用补助办法',
        docNumber: '示高管发〔2024〕12号',
        issueDate: '2024-03-05',
        effectiveDate: '2024-04-01',
        expiryDate: '2026-12-31',
        level: 'zone',
        tags: ['研发', '补助'],
        audience: ['enterprise'],
        source: 'rd-subsidy.md',
        text: '# 示范高新区研发费用补助办法\n\n第一条 为鼓励企业加大研发投入，制定本办法。',
      },
    ]);
  });

  it('puts the body of a FAQ into its answer and reads list fields written as text', async () => {
    const file = await write(
      'faq-license.md',
      ['---', 'kind: faq', 'title: 营业执照丢了怎么办？', 'similarQuestions: 执照遗失怎么补办；营业执照补办', 'reviewDate: 2024-01-15', '---', '登录政务服务网申请补领，', '无需登报。'].join('\n'),
    );
    const result = await importPaths([file]);
    expect(result.problems).toEqual([]);
    expect(result.items[0]).toMatchObject({
      kind: 'faq',
      id: 'faq-license',
      title: '营业执照丢了怎么办？',
      similarQuestions: ['执照遗失怎么补办', '营业执照补办'],
      answer: '登录政务服务网申请补领，\n无需登报。',
      reviewDate: '2024-01-15',
    });
  });

  it('detects the kind, title and dates front matter leaves out', async () => {
    const file = await write(
      'notice.md',
      ['---', 'category: 科技创新', '---', '# 关于开展2024年度高新技术企业认定工作的通知', '', '各有关企业：现将有关事项通知如下。', '', '示范高新区管理委员会', '', '2024年3月5日'].join('\n'),
    );
    const result = await importPaths([file]);
    expect(result.problems).toEqual([]);
    expect(result.items[0]).toMatchObject({
      kind: 'policy',
      id: 'notice',
      title: '关于开展2024年度高新技术企业认定工作的通知',
      category: '科技创新',
      issueDate: '2024-03-05',
      issuer: '示范高新区管理委员会',
    });
  });

  it('reports invalid front matter and invalid fields by name', async () => {
    const yaml = await write('bad-yaml.md', '---\ntitle: [unclosed\n---\n正文');
    const field = await write('bad-field.md', '---\nkind: article\ndate: 2024-13-45\n---\n正文。');
    const result = await importPaths([yaml, field]);
    expect(result.items).toEqual([]);
    expect(result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/bad-yaml\.md: front matter is not valid YAML: /),
      `${field}: date: is not a real calendar date`,
    ]);
  });
});

describe('Markdown without front matter', () => {
  it('is a document: cleaned text, title from the first heading, kind detected', async () => {
    const file = await write(
      '高新区 数字人.md',
      ['## 高新区上线政务AI数字人', '', '◎本报记者 张景阳', '', '近日，随州高新区政务服务大厅推出政务', '', 'AI数字人“高小新”。'].join('\n'),
    );
    const result = await importPaths([file]);
    expect(result.problems).toEqual([]);
    expect(result.items).toEqual([
      {
        kind: 'article',
        id: '高新区-数字人',
        title: '高新区上线政务AI数字人',
        source: '高新区 数字人.md',
        tags: [],
        audience: [],
        text: '## 高新区上线政务AI数字人\n\n◎本报记者 张景阳\n\n近日，随州高新区政务服务大厅推出政务AI数字人“高小新”。',
      },
    ]);
  });
});
