/**
 * @module web/enterprise/api
 * The client of docs/ENTERPRISE-API.md: the session is the HttpOnly cookie `xiaoxin_enterprise`,
 * every write carries the CSRF token. Errors come in Chinese, a refused profile with `errors`.
 */
import type { MatchesReply } from '../../../src/enterprise/portal/matches.js';
import type { FormSummary } from '../../../src/enterprise/portal/forms.js';

export type { ConditionRow, MatchesReply, MatchView, MissingFact } from '../../../src/enterprise/portal/matches.js';
export type { FormSummary } from '../../../src/enterprise/portal/forms.js';
import type { DirectoryCard } from '../../../src/directory/present.js';
import type { DirectoryKind } from '../../../src/directory/model.js';

export type { DirectoryCard, DirectoryKind };

export interface Enterprise {
  id: string;
  creditCode: string;
  name: string;
  status: 'pending' | 'active' | 'disabled';
  statusLabel: string;
}
export interface EnterpriseUser {
  id: string;
  username?: string;
  displayName?: string;
  login: string;
}
export interface Session {
  enterprise: Enterprise;
  user: EnterpriseUser;
  csrfToken: string;
}
export interface Fact {
  key: string;
  label: string;
  value: unknown;
  source: 'self-declared' | 'verified';
  verifiedBy?: string;
  verifiedAt?: string;
}
export interface ProfileView {
  profile: Record<string, unknown>;
  facts: Fact[];
}
export interface FieldInfo {
  label: string;
  unit: string;
  explanation: string;
  yearly?: boolean;
}
export interface FieldCatalogue {
  fields: Record<string, FieldInfo>;
  ip: Record<string, { label: string; ipClass: 'I' | 'II' }>;
}
export interface FieldError {
  field: string;
  label: string;
  message: string;
}
export interface FactVersion {
  key: string;
  label: string;
  version: number;
  change: 'set' | 'removed' | 'verified';
  value?: unknown;
  changedBy: string;
  changedAt: string;
}

export class PortalError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}

/** A market post of the enterprise's own, with its state (src/directory/model StoredEntry). */
export interface OwnPost {
  entry: { id: string; name: string; type: string; direction: 'supply' | 'demand'; expiresOn: string; summary?: string };
  status: 'published' | 'pending' | 'rejected' | 'archived';
  reviewNote?: string;
  updatedAt: string;
}

let csrfToken = '';
export const setCsrfToken = (token: string) => (csrfToken = token);
/** For the other clients of the portal (notices-api). */
export const currentCsrfToken = () => csrfToken;

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers = new Headers({ accept: 'application/json' });
  if (body !== undefined) headers.set('content-type', 'application/json');
  if (method !== 'GET') headers.set('x-csrf-token', csrfToken);
  let response: Response;
  try {
    response = await fetch(`/api/enterprise${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new PortalError(0, '网络连接失败，请检查网络后重试');
  }
  const parsed = (await response.json().catch(() => ({}))) as { error?: string; errors?: FieldError[] };
  if (!response.ok) throw new PortalError(response.status, parsed.error ?? response.statusText, parsed.errors ?? []);
  return parsed as T;
}

export const api = {
  loginOptions: () => request<{ oidc: boolean }>('GET', '/login-options'),
  me: () => request<Session>('GET', '/me'),
  login: (creditCode: string, username: string, password: string) => request<Session>('POST', '/login', { creditCode, username, password }),
  register: (body: Record<string, string>) => request<{ message: string }>('POST', '/register', body),
  logout: () => request<{ ok: boolean }>('POST', '/logout', {}),
  fields: () => request<FieldCatalogue>('GET', '/profile/fields'),
  profile: () => request<ProfileView>('GET', '/profile'),
  saveProfile: (profile: Record<string, unknown>) => request<ProfileView & { changed: string[]; removed: string[] }>('PUT', '/profile', { profile }),
  history: () => request<{ versions: FactVersion[] }>('GET', '/profile/history?limit=50'),
  matches: () => request<MatchesReply>('GET', '/matches'),
  forms: () => request<{ asOf: string; forms: FormSummary[] }>('GET', '/forms'),
  posts: () => request<{ posts: OwnPost[] }>('GET', '/directory/posts'),
  submitPost: (post: Record<string, unknown>) => request<OwnPost>('POST', '/directory/posts', post),
};

/** The public directory (docs/ENTERPRISE-API.md, “The 七找 directory”): no login needed. */
export async function searchDirectory(query: Record<string, string | number | boolean | undefined>): Promise<{ entries: DirectoryCard[]; total: number }> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '' && value !== false) params.set(key, String(value));
  const response = await fetch(`/api/directory?${params}`, { headers: { accept: 'application/json' } }).catch(() => {
    throw new PortalError(0, '网络连接失败，请检查网络后重试');
  });
  const body = (await response.json().catch(() => ({}))) as { error?: string; entries?: DirectoryCard[]; total?: number };
  if (!response.ok) throw new PortalError(response.status, body.error ?? response.statusText);
  return { entries: body.entries ?? [], total: body.total ?? 0 };
}

export interface DirectoryVocabulary {
  kinds: { kind: DirectoryKind; label: string; types: string[] }[];
  fieldLabels: Record<string, string>;
}

export async function directoryVocabulary(): Promise<DirectoryVocabulary> {
  const response = await fetch('/api/directory/vocabulary', { headers: { accept: 'application/json' } });
  return (await response.json()) as DirectoryVocabulary;
}
