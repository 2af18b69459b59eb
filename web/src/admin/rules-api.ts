/**
 * @module web/admin/rules-api
 * The client of docs/ADMIN-API.md, section "Rules": eligibility rules with their versions, drafts
 * checked by the server (a refused draft's `problems` come with the error), review steps, the line
 * diff and 在企业上试算. The shapes are the server's own (imported as types): one contract.
 */
import type {
  DraftProblem,
  DraftReply,
  RuleDetailReply,
  RuleDiffReply,
  RuleListReply,
  RuleTryReply,
  RuleVersion,
} from '../../../src/enterprise/rule-book/contract.js';
import { AdminApiError, request, withQuery } from './api';

export type {
  CasesReport,
  DraftProblem,
  DraftReply,
  RuleDetailReply,
  RuleDiffReply,
  RuleListEntry,
  RuleTryReply,
  RuleVersion,
  RuleVersionSummary,
  SourceDiffLine,
} from '../../../src/enterprise/rule-book/contract.js';
import { RULE_STATUS_TEXT } from '../../../src/enterprise/rule-book/contract.js';

export interface TryRequest {
  source?: string;
  tests?: string;
  version?: number;
  enterpriseId?: string;
  facts?: string;
  asOf?: string;
}

const enc = encodeURIComponent;
const versionPath = (id: string, version: number) => `/rules/${enc(id)}/versions/${version}`;

export const rulesApi = {
  list: () => request<RuleListReply>('GET', '/rules'),
  get: (id: string) => request<RuleDetailReply>('GET', `/rules/${enc(id)}`),
  version: (id: string, version: number) => request<RuleVersion>('GET', versionPath(id, version)),
  diff: (id: string, version: number, against?: number) => request<RuleDiffReply>('GET', withQuery(`${versionPath(id, version)}/diff`, { against })),
  saveDraft: (id: string, source: string, tests: string, note?: string) =>
    request<DraftReply>('PUT', `/rules/${enc(id)}/draft`, { source, ...(tests.trim() ? { tests } : {}), ...(note ? { note } : {}) }),
  submit: (id: string, version: number) => request<RuleVersion>('POST', `${versionPath(id, version)}/submit`, {}),
  publish: (id: string, version: number, note?: string) => request<RuleVersion>('POST', `${versionPath(id, version)}/publish`, note ? { note } : {}),
  reject: (id: string, version: number, reason: string) => request<RuleVersion>('POST', `${versionPath(id, version)}/reject`, { reason }),
  rollback: (id: string, version: number) => request<RuleVersion>('POST', `${versionPath(id, version)}/rollback`, {}),
  try: (id: string, body: TryRequest) => request<RuleTryReply>('POST', `/rules/${enc(id)}/try`, body),
};

/** The problems a refused draft came back with (empty for any other error). */
export function draftProblems(e: unknown): DraftProblem[] {
  return e instanceof AdminApiError && Array.isArray(e.body.problems) ? (e.body.problems as DraftProblem[]) : [];
}

/** The status badges' words, the server's own. */
export const RULE_STATUS_LABELS: Readonly<Record<string, string>> = RULE_STATUS_TEXT;
