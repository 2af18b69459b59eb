/**
 * Import and export through the back office over real HTTP: a preview reports each bad row with
 * its file and line and stores nothing; a commit submits the items for review (or publishes
 * them, for a reviewer who asks); the export re-imports as unchanged, JSONL and XLSX alike.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlStore } from '../../storage/index.js';
import { ITEMS, loggedIn, pollChat, STAFF, startAdminServer, type AdminClient, type AdminSetup } from './test-support.js';

// With a source, as an FAQ sheet row gets one (the sheet reader fills in the file name otherwise).
const KNOWLEDGE = ITEMS.map((i) => (i.kind === 'faq' ? { ...i, source: '星河高新区政务服务中心' } : i));
const parking = KNOWLEDGE.find((i) => i.id === 'faq-parking')!;

let setup: AdminSetup;
let editor: AdminClient;
let reviewer: AdminClient;

beforeAll(async () => {
  setup = await startAdminServer({ items: KNOWLEDGE });
  editor = await loggedIn(setup.base, STAFF.editor);
  reviewer = await loggedIn(setup.base, STAFF.reviewer);
}, 120_000);
afterAll(async () => setup?.close());

function form(files: Record<string, string | Buffer>, fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  for (const [name, content] of Object.entries(files)) data.append('files', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}
const jsonl = (...rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

async function stored(): Promise<string> {
  const db = (setup.store as SqlStore).db;
  return JSON.stringify([
    await db.query('SELECT id, content_hash FROM items ORDER BY id'),
    await db.query('SELECT item_id, version, status FROM item_versions ORDER BY item_id, version'),
    await db.query('SELECT value::integer AS v FROM store_revision'),
  ]);
}

const UPLOAD = {
  'new-faqs.jsonl': jsonl(
    { kind: 'faq', id: 'faq-new-hall', title: '新办事大厅几点开门？', answer: '新办事大厅早上八点半开门。', category: '综合服务' },
    { kind: 'faq', id: 'faq-no-answer', title: '没有答案的问题？' },
    { kind: 'faq', id: 'faq-hours', title: '政务服务中心几点上班？', answer: '周一至周五上午8:30至下午5:30。', category: '综合服务', source: '星河高新区政务服务中心' },
    parking,
  ),
  '常见问题.csv': '问题,答案,分类\n老年人办事有绿色通道吗？,设有老年人优先窗口。,综合服务\n只有问题没有答案？,,综合服务\n',
};

describe('import preview and commit', () => {
  let previewId = '';

  it('previews: creates, updates, unchanged, and each bad row by file and line — storing nothing', async () => {
    const before = await stored();
    const reply = await editor.request('POST', '/api/admin/import/preview', form(UPLOAD));
    expect(reply.status).toBe(200);
    const preview = reply.body;
    previewId = preview.previewId;
    expect(preview.files).toEqual(['new-faqs.jsonl', '常见问题.csv']);
    expect(preview.create.map((c: { id: string }) => c.id)).toEqual(['faq-new-hall', expect.stringMatching(/^faq-/)]);
    expect(preview.update).toEqual([
      expect.objectContaining({ id: 'faq-hours', kind: 'faq', changes: [expect.objectContaining({ field: 'answer', after: '周一至周五上午8:30至下午5:30。' })] }),
    ]);
    expect(preview.unchanged).toEqual(['faq-parking']);
    expect(preview.problems).toEqual([
      { file: 'new-faqs.jsonl', line: 2, message: expect.stringMatching(/answer/) },
      { file: '常见问题.csv', line: 3, message: expect.stringMatching(/answer/) },
    ]);
    expect(Date.parse(preview.expiresAt) - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(await stored()).toBe(before);
  });

  it('commits as drafts submitted for review, once, without changing the answers', async () => {
    const reply = await editor.post('/api/admin/import/commit', { previewId });
    expect(reply.body).toMatchObject({ published: false, updated: ['faq-hours'], unchanged: ['faq-parking'] });
    expect(reply.body.created).toHaveLength(2);
    expect(reply.body.versions).toEqual(expect.arrayContaining([{ itemId: 'faq-hours', version: 2, status: 'in_review' }]));
    const pending = (await editor.get('/api/admin/review-queue')).body.pending.map((p: { itemId: string }) => p.itemId);
    expect(pending.sort()).toEqual([...reply.body.created, 'faq-hours'].sort());
    expect(await setup.store.getItem('faq-hours')).toMatchObject({ answer: '周一至周五上午9:00至下午5:00。' });
    expect((await pollChat(setup.base, '政务服务中心几点上班', () => true, 0)).text).toContain('9:00');
    expect((await editor.post('/api/admin/import/commit', { previewId })).status).toBe(404);
    expect((await editor.get('/api/admin/audit')).status).toBe(403);
    expect((await setup.store.audit.query({ action: 'import.commit' }))[0]).toMatchObject({ actor: 'li.editor', detail: '导入：new-faqs.jsonl、常见问题.csv' });
  });

  it('publishes at once only for someone who may publish, and never their own import under four eyes', async () => {
    const file = { 'window.jsonl': jsonl({ kind: 'faq', id: 'faq-window-5', title: '5号窗口办什么？', answer: '5号窗口办理社保业务。' }) };
    const byEditor = (await editor.request('POST', '/api/admin/import/preview', form(file))).body.previewId;
    const refused = await editor.post('/api/admin/import/commit', { previewId: byEditor, publish: true });
    expect(refused).toMatchObject({ status: 403, body: { error: expect.stringMatching(/^publish:/) } });
    // Nobody else can use someone's preview; its owner still can.
    expect((await reviewer.request('POST', '/api/admin/import/preview', form(file))).status).toBe(403);
    const boss = await loggedIn(setup.base, STAFF.admin);
    expect((await boss.post('/api/admin/import/commit', { previewId: byEditor })).status).toBe(404);
    expect((await editor.post('/api/admin/import/commit', { previewId: byEditor })).body.versions).toEqual([{ itemId: 'faq-window-5', version: 1, status: 'in_review' }]);

    // Importing needs knowledge:edit and publishing knowledge:publish: both are the administrator's,
    // but four eyes: what one imports, another reviewer publishes.
    const boss2 = await loggedIn(setup.base, STAFF.admin);
    const byAdmin = (await boss2.request('POST', '/api/admin/import/preview', form({ 'window.jsonl': jsonl({ kind: 'faq', id: 'faq-window-6', title: '6号窗口办什么？', answer: '6号窗口办理公积金业务。', source: '窗口指引' }) }))).body.previewId;
    const selfPublished = await boss2.post('/api/admin/import/commit', { previewId: byAdmin, publish: true });
    expect(selfPublished).toMatchObject({ status: 403, body: { error: expect.stringMatching(/^publish: another reviewer must publish what you import \(four eyes\)/) } });
    expect(await setup.store.versions.history('faq-window-6')).toEqual([]);
    const submitted = await boss2.post('/api/admin/import/commit', { previewId: byAdmin });
    expect(submitted.body).toMatchObject({ published: false, created: ['faq-window-6'], versions: [{ itemId: 'faq-window-6', version: 1, status: 'in_review' }] });
    expect((await boss2.post('/api/admin/items/faq-window-6/versions/1/publish', {})).status).toBe(403);
    expect((await reviewer.post('/api/admin/items/faq-window-6/versions/1/publish', {})).status).toBe(200);
    expect((await setup.store.versions.history('faq-window-6'))[0]).toMatchObject({ status: 'published', author: 'boss', reviewedBy: 'wang.reviewer' });
    expect((await pollChat(setup.base, '6号窗口办什么', (a) => a.citations[0]?.id === 'faq-window-6')).citations[0].id).toBe('faq-window-6');
  });

  it('uses the kind field for documents, and refuses a request without files', async () => {
    const text = '星河高新区关于加快发展数字经济的若干措施\n一、对新认定的数字经济企业给予奖励。';
    const reply = await editor.request('POST', '/api/admin/import/preview', form({ '数字经济措施.txt': text }, { kind: 'policy' }));
    expect(reply.body.create).toEqual([{ id: '数字经济措施', kind: 'policy', title: expect.any(String) }]);
    const none = await editor.request('POST', '/api/admin/import/preview', form({}, { kind: 'policy' }));
    expect(none).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^files:/) } });
    const badKind = await editor.request('POST', '/api/admin/import/preview', form({ 'a.txt': text }, { kind: 'memo' }));
    expect(badKind.body).toEqual({ error: 'kind: must be one of policy, guide, faq, article' });
  });
});

describe('export', () => {
  it('downloads JSONL that imports again as all unchanged', async () => {
    const reply = await editor.get('/api/admin/export?format=jsonl');
    expect(reply.headers.get('content-disposition')).toMatch(/^attachment; filename="xiaoxin-knowledge-\d{4}-\d{2}-\d{2}\.jsonl"$/);
    const lines = (reply.body as string).trim().split('\n');
    const published = await setup.store.listItems();
    expect(lines).toHaveLength(published.length);
    expect(JSON.parse(lines[0]!)).not.toHaveProperty('updatedAt');
    const again = (await editor.request('POST', '/api/admin/import/preview', form({ 'export.jsonl': reply.body as string }))).body;
    expect(again).toMatchObject({ create: [], update: [], problems: [] });
    expect(again.unchanged.sort()).toEqual(published.map((i) => i.id).sort());
  });

  it('downloads XLSX with one sheet per kind; its FAQ sheet imports again as unchanged', async () => {
    const reply = await editor.get('/api/admin/export?format=xlsx');
    expect(reply.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    // exceljs's types predate Buffer's type parameter.
    await workbook.xlsx.load(reply.body as Parameters<typeof workbook.xlsx.load>[0]);
    const published = await setup.store.listItems();
    const count = (kind: string) => published.filter((i) => i.kind === kind).length;
    expect(workbook.worksheets.map((w) => [w.name, w.actualRowCount - 1])).toEqual([
      ['常见问题', count('faq')],
      ['办事指南', count('guide')],
      ['政策文件', count('policy')],
      ['文章', 0],
    ]);
    const guides = workbook.getWorksheet('办事指南')!;
    const guideRow = guides.getRow(2).values as string[];
    expect(guideRow).toContain('公司登记申请书，原件，1份');
    // Every element of a guide has its column, the ones added for issue #10 too.
    const headers = guides.getRow(1).values as string[];
    for (const header of ['事项类型', '到现场次数', '补贴/奖励标准', '申报时间', '监督投诉电话', '办理结果', '温馨提示']) {
      expect(headers).toContain(header);
    }
    const again = (await editor.request('POST', '/api/admin/import/preview', form({ 'export.xlsx': reply.body as Buffer }))).body;
    expect(again).toMatchObject({ create: [], update: [], problems: [] });
    expect(again.unchanged.sort()).toEqual(published.filter((i) => i.kind === 'faq').map((i) => i.id).sort());
  });

  it('is for editors', async () => {
    const clerk = await loggedIn(setup.base, STAFF.window);
    expect((await clerk.get('/api/admin/export?format=jsonl')).status).toBe(403);
    expect((await editor.get('/api/admin/export?format=pdf')).body).toEqual({ error: 'format: must be one of jsonl, xlsx' });
  });
});
