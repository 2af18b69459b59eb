/**
 * @module web/admin/enterprises-api
 * The client of docs/ENTERPRISE-API.md, section "Staff: /api/admin/enterprises". The shapes are
 * the server's own (imported as types): one contract for both sides. Errors come in Chinese and
 * name the field first (`creditCode（统一社会信用代码）：…`), which `fieldOfError` reads.
 */
import type { PublicEnterprise, PublicEnterpriseUser } from '../../../src/enterprise/accounts/service.js';
import type { FactVersionView, FactView, ProfileView } from '../../../src/enterprise/profiles/service.js';
import type { SheetImportResult, SheetProblem } from '../../../src/enterprise/profiles/sheet-import.js';
import type { EnterpriseStatus } from '../../../src/storage/enterprises.js';
import { request, withQuery } from './api';

export type { EnterpriseStatus, FactVersionView, FactView, ProfileView, PublicEnterprise, PublicEnterpriseUser };

export interface EnterpriseList {
  enterprises: PublicEnterprise[];
  total: number;
  page: number;
  pageSize: number;
}

export interface EnterpriseDetail {
  enterprise: PublicEnterprise;
  users: PublicEnterpriseUser[];
}

/** What the import answers: each problem also as one line (`第7行 C列（职工总数）：应为数字`). */
export type ProfileImportResult = Omit<SheetImportResult, 'problems'> & { problems: (SheetProblem & { text: string })[] };

export interface NewEnterprise {
  creditCode: string;
  name: string;
  contactName?: string;
  contactPhone?: string;
}

export interface NewEnterpriseUser {
  username: string;
  password: string;
  displayName?: string;
}

export type StatusAction = 'approve' | 'enable' | 'disable';

const enc = encodeURIComponent;
const base = (id: string) => `/enterprises/${enc(id)}`;

export const enterprisesApi = {
  list: (query: { status?: EnterpriseStatus | ''; q?: string; page: number; pageSize: number }) =>
    request<EnterpriseList>('GET', withQuery('/enterprises', query)),
  create: (body: NewEnterprise) => request<PublicEnterprise>('POST', '/enterprises', body),
  get: (id: string) => request<EnterpriseDetail>('GET', base(id)),
  setStatus: (id: string, action: StatusAction) => request<PublicEnterprise>('POST', `${base(id)}/${action}`, {}),
  addUser: (id: string, body: NewEnterpriseUser) => request<PublicEnterpriseUser>('POST', `${base(id)}/users`, body),
  profile: (id: string) => request<ProfileView>('GET', `${base(id)}/profile`),
  history: (id: string, limit = 200) => request<{ versions: FactVersionView[] }>('GET', withQuery(`${base(id)}/profile/history`, { limit })),
  verify: (id: string, facts: string[], note?: string) =>
    request<{ verified: FactView[] }>('POST', `${base(id)}/profile/verify`, { facts, ...(note ? { note } : {}) }),
  importSheet: (form: FormData) => request<ProfileImportResult>('POST', '/enterprises/import', form),
};

/** The export download's address (a plain link: the cookie goes with it). */
export const ENTERPRISE_EXPORT_URL = '/api/admin/enterprises/export';

/**
 * The field an error message names first (`creditCode（统一社会信用代码）：…` → `creditCode`), so
 * that a form shows it beside that field; undefined when it names none.
 */
export function fieldOfError(message: string): string | undefined {
  return /^([A-Za-z][\w.]*)(?:（[^）]*）)?：/.exec(message)?.[1]?.split('.')[0];
}
