/**
 * @module server/admin/import-guide.test — the import preview lists, for each guide, the fields
 * read from its text, so an editor sees what was recognised before committing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeParsePools } from '../../ingestion/index.js';
import { loggedIn, STAFF, startAdminServer, type AdminClient, type AdminSetup } from './test-support.js';

let setup: AdminSetup;
let editor: AdminClient;

beforeAll(async () => {
  setup = await startAdminServer();
  editor = await loggedIn(setup.base, STAFF.editor);
}, 120_000);
afterAll(async () => {
  await setup?.close();
  await closeParsePools();
});

const GUIDE = `松岭县老年人高龄津贴申领指南
【事项类型】行政给付
【申请条件】年满80周岁的本县户籍老年人。
【申请材料】居民身份证、户口簿
【补贴标准】80—89周岁每人每月100元
【申报时间】常年受理
【受理地点】户籍所在地村（社区）便民服务站
【监督投诉电话】0771-5231100`;

describe('POST /api/admin/import/preview', () => {
  it('lists the fields recognised in a guide document; a policy has none', async () => {
    const form = new FormData();
    form.append('files', new Blob([GUIDE]), 'gaoling.txt');
    form.append('files', new Blob(['关于做好高龄津贴发放工作的通知\n松民发〔2024〕3号\n各乡镇：请按月发放。']), 'notice.txt');
    const reply = await editor.request('POST', '/api/admin/import/preview', form);
    expect(reply.status).toBe(200);
    const create = (reply.body as { create: Array<{ id: string; kind: string; fields?: string[] }> }).create;
    expect(create.find((c) => c.id === 'gaoling')).toEqual({
      id: 'gaoling',
      kind: 'guide',
      title: '松岭县老年人高龄津贴申领指南',
      fields: ['itemType', 'conditions', 'materials', 'subsidy', 'applicationPeriod', 'place', 'complaintPhone'],
    });
    expect(create.find((c) => c.id === 'notice')).toMatchObject({ kind: 'policy' });
    expect(create.find((c) => c.id === 'notice')).not.toHaveProperty('fields');
  });
});
