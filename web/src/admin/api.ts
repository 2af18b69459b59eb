/**
 * @module web/admin/api
 * The client of docs/ADMIN-API.md. The session is the HttpOnly cookie `xiaoxin_admin` (same
 * origin, sent by the browser); every write carries the session's CSRF token in `x-csrf-token`.
 * A 401 anywhere means the session ended: the app goes back to the login screen.
 */
import type {
  Account,
  AuditEntry,
  Cluster,
  DueItem,
  FieldChange,
  HitTest,
  HotQuestionList,
  HotQuestionState,
  ImportCommit,
  ImportPreview,
  InsightsSummary,
  Item,
  ItemDetail,
  ItemListEntry,
  PendingVersion,
  SessionReply,
  StalenessReport,
  VersionSummary,
} from './types';
import type { OutreachView } from '../../../src/enterprise/notices/outreach.js';
import type { Delivery } from '../../../src/storage/notices.js';

export type { OutreachRow, OutreachView } from '../../../src/enterprise/notices/outreach.js';
export interface OutreachRule {
  id: string;
  name: string;
  level: string;
  inForce: boolean;
  summary?: string;
}

export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AdminApiError';
  }
}

let csrfToken = '';
let onUnauthorized: () => void = () => undefined;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

export type Query = Record<string, string | number | boolean | undefined>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** One call of the back office's API; other clients of it (enterprises-api.ts) use it too. */
export async function request<T>(method: string, path: string, body?: unknown, options: { quiet401?: boolean } = {}): Promise<T> {
  const headers = new Headers({ accept: 'application/json' });
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers.set('content-type', 'application/json');
    payload = JSON.stringify(body);
  }
  if (method !== 'GET') headers.set('x-csrf-token', csrfToken);
  let response: Response;
  try {
    response = await fetch(`/api/admin${path}`, { method, headers, body: payload, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new AdminApiError(0, '网络连接失败，请检查网络后重试');
  }
  const parsed: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const b = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>;
    const message = typeof b.error === 'string' ? b.error : response.statusText;
    if (response.status === 401 && !options.quiet401) onUnauthorized();
    throw new AdminApiError(response.status, message, b);
  }
  return parsed as T;
}

const enc = encodeURIComponent;
const versionPath = (id: string, version: number) => `/items/${enc(id)}/versions/${version}`;

/** A directory entry as the back office handles it: loose while being edited, checked by the server. */
export type DirectoryEntryInput = Record<string, unknown> & { id?: string; kind: string; name?: string; type?: string };
export interface StoredDirectoryEntry {
  entry: DirectoryEntryInput & { id: string; name: string; type: string };
  status: 'published' | 'pending' | 'rejected' | 'archived';
  version: number;
  enterpriseId?: string;
  reviewNote?: string;
  updatedBy: string;
  updatedAt: string;
}
export interface DirectoryEntryVersion {
  version: number;
  change: string;
  status: string;
  changedBy: string;
  changedAt: string;
  reviewNote?: string;
}

export const adminApi = {
  outreachRules: () => request<{ rules: OutreachRule[] }>('GET', '/outreach/rules'),
  outreach: (rule: string) => request<OutreachView>('GET', withQuery('/outreach', { rule })),
  retryDelivery: (id: string) => request<{ delivery: Delivery }>('POST', `/outreach/deliveries/${enc(id)}/retry`, {}),
  directory: (query: Query) => request<{ entries: StoredDirectoryEntry[] }>('GET', withQuery('/directory', query)),
  directoryEntry: (id: string) => request<{ stored: StoredDirectoryEntry; versions: DirectoryEntryVersion[] }>('GET', `/directory/${enc(id)}`),
  directoryVocabulary: () =>
    request<{ kinds: { kind: string; label: string; types: string[] }[]; fieldLabels: Record<string, string>; statuses: Record<string, string> }>('GET', '/directory/vocabulary'),
  createDirectoryEntry: (entry: DirectoryEntryInput) => request<StoredDirectoryEntry>('POST', '/directory', entry),
  saveDirectoryEntry: (id: string, entry: DirectoryEntryInput) => request<StoredDirectoryEntry>('PUT', `/directory/${enc(id)}`, entry),
  archiveDirectoryEntry: (id: string, archived: boolean) => request<StoredDirectoryEntry>('POST', `/directory/${enc(id)}/${archived ? 'archive' : 'restore'}`, {}),
  reviewDirectoryPost: (id: string, decision: 'approve' | 'reject', note?: string) =>
    request<StoredDirectoryEntry>('POST', `/directory/${enc(id)}/${decision}`, decision === 'reject' ? { note } : {}),

  login: (name: string, password: string) => request<SessionReply>('POST', '/login', { name, password }, { quiet401: true }),
  me: () => request<SessionReply>('GET', '/me', undefined, { quiet401: true }),
  logout: () => request<{ ok: true }>('POST', '/logout', {}),

  items: (query: Query) => request<{ items: ItemListEntry[]; total: number }>('GET', withQuery('/items', query)),
  item: (id: string) => request<ItemDetail>('GET', `/items/${enc(id)}`),
  version: (id: string, version: number) => request<VersionSummary & { item: Item }>('GET', versionPath(id, version)),
  diff: (id: string, version: number, against?: number) =>
    request<{ changes: FieldChange[]; against?: number }>('GET', withQuery(`${versionPath(id, version)}/diff`, { against })),
  createItem: (item: Item, note?: string) => request<VersionSummary>('POST', '/items', { item, ...(note ? { note } : {}) }),
  saveDraft: (id: string, item: Item, note?: string) =>
    request<VersionSummary>('PUT', `/items/${enc(id)}/draft`, { item, ...(note ? { note } : {}) }),
  submit: (id: string, version: number) => request<VersionSummary>('POST', `${versionPath(id, version)}/submit`, {}),
  publish: (id: string, version: number, note?: string) =>
    request<VersionSummary>('POST', `${versionPath(id, version)}/publish`, note ? { note } : {}),
  reject: (id: string, version: number, reason: string) => request<VersionSummary>('POST', `${versionPath(id, version)}/reject`, { reason }),
  rollback: (id: string, version: number) => request<VersionSummary>('POST', `${versionPath(id, version)}/rollback`, {}),
  withdraw: (id: string, reason?: string) => request<{ ok: true }>('DELETE', `/items/${enc(id)}`, reason ? { reason } : {}),

  publishRule: () => request<{ allowSelfPublish: boolean }>('GET', '/publish-rule'),

  importPreview: (form: FormData) => request<ImportPreview>('POST', '/import/preview', form),
  importCommit: (previewId: string, publish: boolean) => request<ImportCommit>('POST', '/import/commit', { previewId, publish }),

  reviewQueue: (days?: number) => request<{ pending: PendingVersion[]; due: DueItem[]; days?: number; today?: string }>('GET', withQuery('/review-queue', { days })),
  staleness: () => request<StalenessReport>('GET', '/staleness'),
  runUpkeep: () =>
    request<{ day: string; due: DueItem[]; expiredToday: DueItem[]; alerts: { channel: string; ok: boolean; error?: string }[] }>('POST', '/upkeep/run', {}),

  /** Without `from` and `to`: the last 30 days up to the zone's today. */
  insights: (from?: string, to?: string) => request<InsightsSummary>('GET', withQuery('/insights', { from, to })),
  clusters: (from: string, to: string) => request<{ clusters: Cluster[] }>('GET', withQuery('/insights/clusters', { from, to })),
  clusterFaq: (body: { question: string; similarQuestions: string[]; answer: string; category?: string }) =>
    request<{ id: string; version: number; status?: string }>('POST', '/insights/clusters/faq', body),
  logQuestion: (body: { question: string; category?: string; note?: string }) =>
    request<{ id: string; answer: import('./types').Answer }>('POST', '/questions', body),

  hotQuestions: () => request<HotQuestionList>('GET', '/hot-questions'),
  setHotQuestionState: (itemId: string, state: HotQuestionState) => request<HotQuestionList>('PUT', `/hot-questions/${enc(itemId)}`, { state }),
  orderHotQuestions: (pinned: string[]) => request<HotQuestionList>('PUT', '/hot-questions', { pinned }),

  hitTest: (q: string) => request<HitTest>('GET', withQuery('/hit-test', { q })),

  accounts: () => request<Account[]>('GET', '/accounts'),
  createAccount: (body: { name: string; role: string; password: string; displayName?: string }) => request<Account>('POST', '/accounts', body),
  updateAccount: (name: string, body: { role?: string; displayName?: string; password?: string; disabled?: boolean }) =>
    request<Account>('PATCH', `/accounts/${enc(name)}`, body),
  unlockAccount: (name: string) => request<Account>('POST', `/accounts/${enc(name)}/unlock`, {}),
  audit: (query: Query) => request<{ entries: AuditEntry[]; nextBeforeId?: number }>('GET', withQuery('/audit', query)),
};

/** The outreach list of a rule as CSV (a plain link: the cookie goes with it). */
export function outreachCsvUrl(rule: string): string {
  return withQuery('/api/admin/outreach', { rule, format: 'csv' });
}

/** The outreach list of a rule as an Excel workbook, a sheet per group (a plain link too). */
export function outreachXlsxUrl(rule: string): string {
  return withQuery('/api/admin/outreach.xlsx', { rule });
}

/** The export download's address (a plain link: the cookie goes with it). */
export function exportUrl(format: 'jsonl' | 'xlsx'): string {
  return `/api/admin/export?format=${format}`;
}
