/**
 * Personal data over real HTTP: what a person types into the chat and the feedback form, and what
 * a clerk logs at the counter, is stored with every kind of personal data replaced (issue #9, 7).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from './test-support.js';
import { loggedIn, STAFF, startAdminServer, type AdminSetup } from './admin/test-support.js';

const PERSONAL =
  '我叫王五，卡号6222 0212 3456 7890 128，护照E12345678，港澳通行证C12345678，住创业路88号5栋2单元301室，电话13812345678';
const REDACTED =
  '我叫王五，卡号[银行卡号]，护照[护照号]，港澳通行证[通行证号]，住创业路[地址]，电话[手机号]';

let setup: AdminSetup;

beforeAll(async () => {
  setup = await startAdminServer();
}, 60_000);
afterAll(async () => setup?.close());

describe('stored text is redacted', () => {
  it('in the question log and the conversation state of a chat', async () => {
    const reply = await postJson<{ sessionId: string; turnId: string }>(`${setup.base}/api/chat`, {
      message: `政务服务中心停车收费吗？${PERSONAL}`,
      channel: 'web',
    });
    expect(reply.status).toBe(200);
    const logged = await setup.store.getQuestion(reply.body.turnId);
    expect(logged?.question).toBe(`政务服务中心停车收费吗？${REDACTED}`);
    expect((await setup.store.getSession(reply.body.sessionId))?.lastQuestion).toBe(`政务服务中心停车收费吗？${REDACTED}`);
  });

  it('in a feedback comment', async () => {
    const chat = await postJson<{ turnId: string }>(`${setup.base}/api/chat`, { message: '政务服务中心几点上班？' });
    const reply = await postJson(`${setup.base}/api/feedback`, { turnId: chat.body.turnId, helpful: false, comment: PERSONAL });
    expect(reply.status).toBe(200);
    expect((await setup.store.getQuestion(chat.body.turnId))?.feedbackComment).toBe(REDACTED);
  });

  it('in a question and a note logged at the counter', async () => {
    const clerk = await loggedIn(setup.base, STAFF.window);
    const reply = await clerk.post('/api/admin/questions', { question: `企业设立登记要带什么材料，${PERSONAL}`, note: PERSONAL });
    expect(reply.status).toBe(200);
    const logged = await setup.store.getQuestion(reply.body.id);
    expect(logged?.question).toBe(`企业设立登记要带什么材料，${REDACTED}`);
    expect(logged?.note).toBe(REDACTED);
  });
});
