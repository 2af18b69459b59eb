/**
 * A scan imported through the back office over real HTTP: the preview marks the item read by OCR
 * (`scanned: true`, shown as 识别自扫描件) and only that one, and a hostile image is a problem
 * naming the file as uploaded while the rest of the upload is previewed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAN_RENDER_SCANS, scannedPages } from '../../ingestion/ocr/scan-test-support.js';
import { loggedIn, STAFF, startAdminServer, type AdminClient, type AdminSetup } from './test-support.js';

let setup: AdminSetup;
let editor: AdminClient;

beforeAll(async () => {
  setup = await startAdminServer({ items: [] });
  editor = await loggedIn(setup.base, STAFF.editor);
}, 120_000);
afterAll(async () => setup?.close());

const NOTICE = '星河高新区关于延长政务服务大厅周末办理时间的通知\n自下月起，政务服务大厅周六上午九时至十二时开放综合受理窗口，办理营业执照和社保业务。';

describe.skipIf(!CAN_RENDER_SCANS)('import preview of a scan', () => {
  it('marks the item read by OCR, and names a truncated image as a problem', { timeout: 240_000 }, async () => {
    const [png] = await scannedPages(NOTICE);
    const data = new FormData();
    data.append('files', new Blob([new Uint8Array(png!)]), '周末办理通知.png');
    data.append('files', new Blob([new Uint8Array(png!.subarray(0, 2000))]), '残缺.png');
    data.append('files', new Blob([`${JSON.stringify({ kind: 'faq', id: 'faq-sat', title: '周六能办事吗？', answer: '周六上午可以。' })}\n`]), 'faq.jsonl');
    const reply = await editor.request('POST', '/api/admin/import/preview', data);
    expect(reply.status).toBe(200);
    const body = reply.body as { create: { id: string; title: string; scanned?: boolean }[]; problems: { file: string; message: string }[] };
    expect(body.create.map((c) => [c.id, c.scanned ?? false])).toEqual([
      ['周末办理通知', true],
      ['faq-sat', false],
    ]);
    expect(body.create[0]!.title).toBe('星河高新区关于延长政务服务大厅周末办理时间的通知');
    expect(body.problems).toEqual([{ file: '残缺.png', message: 'PNG 图片不完整（文件被截断）；已跳过' }]);
  });
});
