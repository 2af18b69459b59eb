/**
 * @module server/admin/test-support
 * Helpers for the back-office tests: one account per role, a client that logs in over real HTTP
 * and keeps its cookie and CSRF token like a browser would, a small knowledge base, and a server
 * over it with a quick refresher. Imports no test framework, so it is harmless in a build.
 */
import { Assistant } from '../../answering/index.js';
import { ROLES, type Role } from '../../accounts/roles.js';
import { createAccount } from '../../accounts/service.js';
import { itemSchema, type Item } from '../../knowledge/index.js';
import { openStore, type Store, type StoreOptions } from '../../storage/index.js';
import type { ServerOptions } from '../app.js';
import { startServer, type Running } from '../test-support.js';

export const PASSWORD = 'xinghe-zone-2026';
export const TODAY = '2026-11-23';

/** The account of each role, named after it. */
export const STAFF: Record<Role, string> = { admin: 'boss', editor: 'li.editor', reviewer: 'wang.reviewer', window: 'zhao.window' };

export async function createStaff(store: Store): Promise<void> {
  for (const role of ROLES) await createAccount(store, { name: STAFF[role], role, password: PASSWORD }, 'cli');
}

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A browser-like client of the back office: sends its cookie, and the CSRF token on writes. */
export class AdminClient {
  cookie?: string;
  csrfToken?: string;

  constructor(readonly base: string) {}

  async login(name: string, password = PASSWORD): Promise<Reply> {
    const reply = await this.request('POST', '/api/admin/login', { name, password });
    const setCookie = reply.headers.get('set-cookie');
    if (reply.status === 200 && setCookie) {
      this.cookie = setCookie.split(';')[0];
      this.csrfToken = reply.body.csrfToken;
    }
    return reply;
  }

  /** A request with the session; `csrf: false` leaves the token out, a string sends that instead. */
  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: false | string; headers?: Record<string, string> } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    const csrf = options.csrf === undefined ? this.csrfToken : options.csrf;
    if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(`${this.base}${path}`, { method, headers, body: payload });
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('application/json')
      ? await res.json()
      : type.includes('text') || type.includes('ndjson')
        ? await res.text()
        : Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body: unknown = {}) {
    return this.request<T>('POST', path, body);
  }
  put<T = any>(path: string, body: unknown) {
    return this.request<T>('PUT', path, body);
  }
  patch<T = any>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = any>(path: string, body?: unknown) {
    return this.request<T>('DELETE', path, body);
  }
}

/** A client logged in as `name`; throws when the login fails. */
export async function loggedIn(base: string, name: string): Promise<AdminClient> {
  const client = new AdminClient(base);
  const reply = await client.login(name);
  if (reply.status !== 200) throw new Error(`login of ${name} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return client;
}

/** A small knowledge base: a guide, two FAQs and two policies, one of them expiring on TODAY. */
export const ITEMS: Item[] = [
  {
    kind: 'guide',
    id: 'guide-license',
    title: '企业设立登记',
    category: '企业开办',
    department: '行政审批局',
    materials: [{ name: '公司登记申请书', form: '原件', copies: 1 }],
    steps: ['网上申请', '窗口受理', '审核发照'],
    promisedTimeLimit: '1个工作日',
    fee: '不收费',
    place: '政务服务中心一楼3号窗口',
  },
  { kind: 'faq', id: 'faq-parking', title: '政务服务中心停车收费吗？', answer: '政务服务中心地下停车场对办事群众免费开放。', category: '综合服务' },
  { kind: 'faq', id: 'faq-hours', title: '政务服务中心几点上班？', answer: '周一至周五上午9:00至下午5:00。', category: '综合服务' },
  {
    kind: 'policy',
    id: 'policy-talent-rent',
    title: '星河高新区人才租房补贴办法',
    text: '对新引进的博士每月给予租房补贴3000元，硕士每月2000元，补贴期限三年。',
    category: '人才服务',
    expiryDate: TODAY,
  },
  {
    kind: 'policy',
    id: 'policy-tech-award',
    title: '星河高新区高新技术企业认定奖励办法',
    text: '对首次通过高新技术企业认定的企业给予一次性奖励20万元。',
    category: '科技创新',
    expiryDate: '2028-12-31',
  },
].map((i) => itemSchema.parse(i));

export interface AdminSetup {
  store: Store;
  assistant: Assistant;
  server: Running;
  base: string;
  close(): Promise<void>;
}

/** A store with ITEMS published and one account per role, an assistant, and a server with a quick refresher. */
export async function startAdminServer(
  options: ServerOptions & { assistantToday?: string; storeOptions?: StoreOptions; items?: Item[] } = {},
): Promise<AdminSetup> {
  const { assistantToday, storeOptions, items, ...serverOptions } = options;
  const store = await openStore(storeOptions ?? { dataDir: 'memory://' });
  await store.upsertItems(items ?? ITEMS);
  await createStaff(store);
  const assistant = await Assistant.create(store, { today: assistantToday ?? TODAY });
  const server = await startServer(assistant, store, {
    refreshMs: 200,
    rateLimit: 0,
    adminLoginRateLimit: 0,
    today: () => TODAY,
    ...serverOptions,
  });
  return {
    store,
    assistant,
    server,
    base: server.base,
    close: async () => {
      await server.close();
      await store.close();
    },
  };
}

/** Asks the public chat API (at least once) until `check` holds or `ms` pass; returns the last answer. */
export async function pollChat(base: string, message: string, check: (answer: any) => boolean, ms = 30_000): Promise<any> {
  const started = Date.now();
  for (;;) {
    const res = await fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message }) });
    const answer = ((await res.json()) as { answer: unknown }).answer;
    if (check(answer) || Date.now() - started >= ms) return answer;
    await new Promise((r) => setTimeout(r, 200));
  }
}
