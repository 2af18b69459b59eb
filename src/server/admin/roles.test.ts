/**
 * Every back-office route against every role, over real HTTP: exactly the roles the route's
 * permission allows get through; the others get 403 (401 when not logged in), and a refused write
 * changes nothing in the database. The table is written from docs/ADMIN-API.md and checked against
 * the routes the server documents, so a new route without a row here fails the test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES_DIR } from '../../enterprise/rules/load.js';
import { ROLES, type Role } from '../../accounts/roles.js';
import { itemSchema } from '../../knowledge/index.js';
import type { SqlStore } from '../../storage/index.js';
import { AdminClient, loggedIn, STAFF, startAdminServer, type AdminSetup } from './test-support.js';

type Who = Role | 'nobody';

interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The documented route, as /api/docs lists it. */
  route: string;
  /** The request actually sent. */
  path?: string;
  body?: () => unknown;
  allowed: readonly Role[];
}

const ALL = ROLES;
const EDIT = ['admin', 'editor'] as const;
const PUBLISH = ['admin', 'reviewer'] as const;
const INSIGHTS = ['admin', 'editor', 'reviewer'] as const;
const ADMIN = ['admin'] as const;
/** rules:edit and rules:review: as for items, editors write and reviewers publish. */
const RULES_EDIT = ['admin', 'editor'] as const;
const RULES_REVIEW = ['admin', 'reviewer'] as const;
const ruleText = (id: string) => readFileSync(join(RULES_DIR, `${id}.yaml`), 'utf8');
/** directory:manage — those who keep the knowledge keep the 七找 directory. */
const DIRECTORY = ['admin', 'editor', 'reviewer'] as const;

const faqDraft = (answer: string) => ({
  item: { kind: 'faq', id: 'faq-parking', title: '政务服务中心停车收费吗？', answer, category: '综合服务' },
});
const upload = () => {
  const form = new FormData();
  const line = JSON.stringify({ kind: 'faq', id: 'faq-upload', title: '上传的问题？', answer: '上传的答案。' });
  form.append('files', new Blob([`${line}\n`], { type: 'application/json' }), 'upload.jsonl');
  return form;
};

// In order: the routes that withdraw, roll back or log out come after those that need what they change.
const CASES: RouteCase[] = [
  { method: 'GET', route: '/api/admin/me', allowed: ALL },
  { method: 'GET', route: '/api/admin/items', allowed: ALL },
  { method: 'GET', route: '/api/admin/items/{id}', path: '/api/admin/items/faq-parking', allowed: ALL },
  { method: 'GET', route: '/api/admin/items/{id}/versions/{version}', path: '/api/admin/items/faq-parking/versions/1', allowed: ALL },
  { method: 'GET', route: '/api/admin/items/{id}/versions/{version}/diff', path: '/api/admin/items/faq-parking/versions/2/diff', allowed: ALL },
  {
    method: 'POST',
    route: '/api/admin/items',
    body: () => ({ item: { kind: 'faq', id: 'faq-new', title: '新问题？', answer: '新答案。' } }),
    allowed: EDIT,
  },
  { method: 'PUT', route: '/api/admin/items/{id}/draft', path: '/api/admin/items/faq-hours/draft', body: () => ({ item: { kind: 'faq', title: '几点上班？', answer: '九点。' } }), allowed: EDIT },
  { method: 'POST', route: '/api/admin/items/{id}/versions/{version}/submit', path: '/api/admin/items/faq-hours/versions/2/submit', allowed: EDIT },
  { method: 'POST', route: '/api/admin/items/{id}/versions/{version}/publish', path: '/api/admin/items/faq-parking/versions/2/publish', body: () => ({ note: '同意' }), allowed: PUBLISH },
  { method: 'GET', route: '/api/admin/publish-rule', allowed: ALL },
  { method: 'POST', route: '/api/admin/items/{id}/versions/{version}/reject', path: '/api/admin/items/guide-license/versions/2/reject', body: () => ({ reason: '材料写错了' }), allowed: PUBLISH },
  { method: 'POST', route: '/api/admin/import/preview', body: upload, allowed: EDIT },
  { method: 'POST', route: '/api/admin/import/commit', body: () => ({ previewId: 'no-such-preview' }), allowed: EDIT },
  { method: 'GET', route: '/api/admin/export', path: '/api/admin/export?format=jsonl', allowed: EDIT },
  { method: 'GET', route: '/api/admin/review-queue', allowed: ALL },
  { method: 'GET', route: '/api/admin/staleness', allowed: ALL },
  { method: 'POST', route: '/api/admin/upkeep/run', allowed: ADMIN },
  { method: 'GET', route: '/api/admin/insights', allowed: INSIGHTS },
  { method: 'GET', route: '/api/admin/insights/clusters', allowed: INSIGHTS },
  { method: 'POST', route: '/api/admin/insights/clusters/faq', body: () => ({ question: '无人机要报备吗？', similarQuestions: ['飞无人机要报备吗'], answer: '须提前报备。' }), allowed: EDIT },
  { method: 'GET', route: '/api/admin/questions', allowed: INSIGHTS },
  { method: 'POST', route: '/api/admin/questions', body: () => ({ question: '停车收费吗', category: '综合服务' }), allowed: ALL },
  { method: 'GET', route: '/api/admin/hot-questions', allowed: ALL },
  { method: 'PUT', route: '/api/admin/hot-questions/{itemId}', path: '/api/admin/hot-questions/faq-hours', body: () => ({ state: 'pinned' }), allowed: EDIT },
  { method: 'PUT', route: '/api/admin/hot-questions', body: () => ({ pinned: ['faq-hours'] }), allowed: EDIT },
  { method: 'GET', route: '/api/admin/hit-test', path: `/api/admin/hit-test?q=${encodeURIComponent('停车收费吗')}`, allowed: ALL },
  { method: 'GET', route: '/api/admin/accounts', allowed: ADMIN },
  { method: 'POST', route: '/api/admin/accounts', body: () => ({ name: 'new.person', role: 'window', password: 'xinghe-zone-2027' }), allowed: ADMIN },
  { method: 'PATCH', route: '/api/admin/accounts/{name}', path: `/api/admin/accounts/${STAFF.window}`, body: () => ({ displayName: '赵窗口' }), allowed: ADMIN },
  { method: 'POST', route: '/api/admin/accounts/{name}/unlock', path: `/api/admin/accounts/${STAFF.window}/unlock`, allowed: ADMIN },
  { method: 'GET', route: '/api/admin/audit', allowed: ADMIN },
  { method: 'GET', route: '/api/admin/enterprises', allowed: ALL },
  { method: 'POST', route: '/api/admin/enterprises', body: () => ({ creditCode: '91320500MA1N0000AT', name: '甲公司' }), allowed: EDIT },
  { method: 'GET', route: '/api/admin/enterprises/{id}', path: '/api/admin/enterprises/ent_none', allowed: ALL },
  { method: 'POST', route: '/api/admin/enterprises/{id}/approve', path: '/api/admin/enterprises/ent_none/approve', allowed: EDIT },
  { method: 'POST', route: '/api/admin/enterprises/{id}/enable', path: '/api/admin/enterprises/ent_none/enable', allowed: EDIT },
  { method: 'POST', route: '/api/admin/enterprises/{id}/disable', path: '/api/admin/enterprises/ent_none/disable', allowed: EDIT },
  { method: 'POST', route: '/api/admin/enterprises/{id}/users', path: '/api/admin/enterprises/ent_none/users', body: () => ({ username: 'zhang', password: 'xinghe-zone-2027' }), allowed: EDIT },
  { method: 'GET', route: '/api/admin/enterprises/{id}/profile', path: '/api/admin/enterprises/ent_none/profile', allowed: ALL },
  { method: 'GET', route: '/api/admin/enterprises/{id}/profile/history', path: '/api/admin/enterprises/ent_none/profile/history', allowed: ALL },
  { method: 'POST', route: '/api/admin/enterprises/{id}/profile/verify', path: '/api/admin/enterprises/ent_none/profile/verify', body: () => ({ facts: ['employees'] }), allowed: EDIT },
  { method: 'POST', route: '/api/admin/enterprises/import', body: upload, allowed: EDIT },
  { method: 'GET', route: '/api/admin/enterprises/export', allowed: ALL },
  { method: 'GET', route: '/api/admin/enterprises/{id}/matches', path: '/api/admin/enterprises/ent_none/matches', allowed: ALL },
  { method: 'GET', route: '/api/admin/enterprises/{id}/forms', path: '/api/admin/enterprises/ent_none/forms', allowed: ALL },
  { method: 'GET', route: '/api/admin/enterprises/{id}/forms/{file}', path: '/api/admin/enterprises/ent_none/forms/high-tech-enterprise-application.pdf', allowed: ALL },
  { method: 'GET', route: '/api/admin/outreach/rules', allowed: ALL },
  { method: 'GET', route: '/api/admin/outreach', path: '/api/admin/outreach?rule=high-tech-enterprise', allowed: ALL },
  { method: 'GET', route: '/api/admin/outreach.xlsx', path: '/api/admin/outreach.xlsx?rule=high-tech-enterprise', allowed: ALL },
  { method: 'POST', route: '/api/admin/outreach/deliveries/{id}/retry', path: '/api/admin/outreach/deliveries/00000000-0000-4000-8000-000000000000.webhook/retry', allowed: EDIT },
  { method: 'GET', route: '/api/admin/directory', allowed: ALL },
  { method: 'GET', route: '/api/admin/directory/vocabulary', allowed: ALL },
  { method: 'GET', route: '/api/admin/directory/{id}', path: '/api/admin/directory/none', allowed: ALL },
  { method: 'POST', route: '/api/admin/directory', body: () => ({ kind: 'service', name: '甲知识产权代理所', type: '知识产权代理' }), allowed: DIRECTORY },
  { method: 'PUT', route: '/api/admin/directory/{id}', path: '/api/admin/directory/none', body: () => ({ kind: 'service', name: '乙代理所', type: '知识产权代理' }), allowed: DIRECTORY },
  { method: 'POST', route: '/api/admin/directory/{id}/archive', path: '/api/admin/directory/none/archive', allowed: DIRECTORY },
  { method: 'POST', route: '/api/admin/directory/{id}/restore', path: '/api/admin/directory/none/restore', allowed: DIRECTORY },
  { method: 'POST', route: '/api/admin/directory/{id}/approve', path: '/api/admin/directory/none/approve', allowed: DIRECTORY },
  { method: 'POST', route: '/api/admin/directory/{id}/reject', path: '/api/admin/directory/none/reject', body: () => ({ note: '信息不全' }), allowed: DIRECTORY },
  { method: 'GET', route: '/api/admin/rules', allowed: ALL },
  { method: 'GET', route: '/api/admin/rules/{id}', path: '/api/admin/rules/sme-size', allowed: ALL },
  { method: 'GET', route: '/api/admin/rules/{id}/versions/{version}', path: '/api/admin/rules/sme-size/versions/1', allowed: ALL },
  { method: 'GET', route: '/api/admin/rules/{id}/versions/{version}/diff', path: '/api/admin/rules/sme-size/versions/2/diff', allowed: ALL },
  { method: 'POST', route: '/api/admin/rules/{id}/try', path: '/api/admin/rules/sme-size/try', body: () => ({ facts: { employees: 10 } }), allowed: ALL },
  { method: 'PUT', route: '/api/admin/rules/{id}/draft', path: '/api/admin/rules/xinghe-srdi-award/draft', body: () => ({ source: `${ruleText('xinghe-srdi-award')}# 草稿\n` }), allowed: RULES_EDIT },
  { method: 'POST', route: '/api/admin/rules/{id}/versions/{version}/submit', path: '/api/admin/rules/xinghe-srdi-award/versions/2/submit', allowed: RULES_EDIT },
  { method: 'POST', route: '/api/admin/rules/{id}/versions/{version}/publish', path: '/api/admin/rules/sme-size/versions/2/publish', body: () => ({ note: '同意' }), allowed: RULES_REVIEW },
  { method: 'POST', route: '/api/admin/rules/{id}/versions/{version}/reject', path: '/api/admin/rules/srdi-sme/versions/2/reject', body: () => ({ reason: '依据不足' }), allowed: RULES_REVIEW },
  { method: 'POST', route: '/api/admin/rules/{id}/versions/{version}/rollback', path: '/api/admin/rules/sme-size/versions/1/rollback', allowed: RULES_REVIEW },
  { method: 'POST', route: '/api/admin/items/{id}/versions/{version}/rollback', path: '/api/admin/items/faq-parking/versions/1/rollback', allowed: PUBLISH },
  { method: 'DELETE', route: '/api/admin/items/{id}', path: '/api/admin/items/policy-tech-award', body: () => ({ reason: '已废止' }), allowed: PUBLISH },
  { method: 'POST', route: '/api/admin/logout', allowed: ALL },
];

let setup: AdminSetup;
const clients = new Map<Who, AdminClient>();

beforeAll(async () => {
  setup = await startAdminServer();
  // What the write routes act on: a change of faq-parking in review, and one of guide-license.
  const versions = setup.store.versions;
  await versions.saveDraft(itemSchema.parse({ kind: 'faq', id: 'faq-parking', title: '政务服务中心停车收费吗？', answer: '前两小时免费。', category: '综合服务' }), 'li.editor');
  await versions.submit('faq-parking', 2, 'li.editor');
  const license = await setup.store.getItem('guide-license');
  if (license?.kind !== 'guide') throw new Error('guide-license is missing');
  await versions.saveDraft({ ...license, fee: '10元' }, 'li.editor');
  await versions.submit('guide-license', 2, 'li.editor');
  for (const role of ROLES) clients.set(role, await loggedIn(setup.base, STAFF[role]));
  clients.set('nobody', new AdminClient(setup.base));
  // Rule changes in review (by the editor) for the rule routes to act on.
  const editor = clients.get('editor')!;
  for (const id of ['sme-size', 'srdi-sme']) {
    const saved = await editor.put(`/api/admin/rules/${id}/draft`, { source: `${ruleText(id)}# 修订\n` });
    if (saved.status !== 200) throw new Error(JSON.stringify(saved.body));
    await editor.post(`/api/admin/rules/${id}/versions/2/submit`, {});
  }
}, 120_000);

afterAll(async () => setup?.close());

/** Everything a refused request could have touched. */
async function snapshot(): Promise<string> {
  const db = (setup.store as SqlStore).db;
  const tables = {
    items: await db.query('SELECT id, content_hash FROM items ORDER BY id'),
    versions: await db.query('SELECT item_id, version, status FROM item_versions ORDER BY item_id, version'),
    accounts: await db.query('SELECT name, role, display_name, disabled, failed_logins FROM accounts ORDER BY name'),
    sessions: await db.query('SELECT count(*)::integer AS n FROM login_sessions'),
    audit: await db.query('SELECT count(*)::integer AS n FROM audit_log'),
    questions: await db.query('SELECT count(*)::integer AS n FROM question_log'),
    jobs: await db.query('SELECT name, last_day FROM job_runs ORDER BY name'),
    revision: await db.query('SELECT value::integer AS value FROM store_revision'),
    rules: await db.query('SELECT rule_id, version, status FROM rule_versions ORDER BY rule_id, version'),
  };
  return JSON.stringify(tables);
}

describe('role boundaries of the back-office API', () => {
  it('has a row for every documented admin route', async () => {
    const docs = (await (await fetch(`${setup.base}/api/docs/json`)).json()) as { paths: Record<string, Record<string, { tags?: string[] }>> };
    const documented = Object.entries(docs.paths)
      .filter(([path]) => path.startsWith('/api/admin/') && path !== '/api/admin/login')
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => {
        expect(op.tags, `${method} ${path}`).toEqual(['admin']);
        return `${method.toUpperCase()} ${path}`;
      }));
    expect(documented.sort()).toEqual(CASES.map((c) => `${c.method} ${c.route}`).sort());
  });

  it.each(CASES.map((c) => [`${c.method} ${c.route}`, c] as const))('%s', async (_name, c) => {
    const path = c.path ?? c.route;
    const refused: Who[] = ['nobody', ...ROLES.filter((r) => !c.allowed.includes(r))];
    const before = await snapshot();
    for (const who of refused) {
      const reply = await clients.get(who)!.request(c.method, path, c.body?.());
      expect(reply.status, `${who}: ${JSON.stringify(reply.body)}`).toBe(who === 'nobody' ? 401 : 403);
      expect(reply.body.error).toMatch(who === 'nobody' ? /not logged in/ : /may not do this/);
    }
    expect(await snapshot(), 'a refused request changed the database').toBe(before);
    for (const who of c.allowed) {
      const reply = await clients.get(who)!.request(c.method, path, c.body?.());
      // Allowed: past the guard. A second editor creating the same item may meet a 404 or 409, never 401/403/5xx.
      expect([401, 403], `${who}: ${JSON.stringify(reply.body)}`).not.toContain(reply.status);
      expect(reply.status, `${who}: ${JSON.stringify(reply.body)}`).toBeLessThan(500);
    }
  });

  it('lets the first allowed role through for real (not just past the guard)', async () => {
    // Spot checks of the writes above: each took effect once.
    expect((await setup.store.versions.history('faq-new'))[0]).toMatchObject({ status: 'draft', author: 'boss' });
    expect((await setup.store.getItem('faq-parking'))).toMatchObject({ answer: '政务服务中心地下停车场对办事群众免费开放。' });
    expect((await setup.store.versions.get('guide-license', 2))?.status).toBe('rejected');
    expect(await setup.store.getItem('policy-tech-award')).toBeUndefined();
    expect((await setup.store.accounts.get('new.person'))?.role).toBe('window');
    expect((await setup.store.rules.get('srdi-sme', 2))?.status).toBe('rejected');
    expect((await setup.store.rules.get('sme-size', 2))).toMatchObject({ status: 'retired', reviewedBy: 'boss' });
  });
});
