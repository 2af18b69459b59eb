/**
 * @module enterprise/rule-book/contract
 * The shapes of /api/admin/rules (docs/ADMIN-API.md) that the server sends and the back office
 * reads (imported there as types): one contract for both sides.
 */
import type { RuleVersion, RuleVersionStatus, RuleVersionSummary } from '../../storage/index.js';
import type { MatchView } from '../portal/matches.js';
import type { RuleResult } from '../rules/evaluate.js';
import type { CasesReport, DraftProblem } from './draft.js';
import type { SourceDiffLine } from './source-diff.js';

export type { CasesReport, DraftProblem, MatchView, RuleVersion, RuleVersionStatus, RuleVersionSummary, SourceDiffLine };
export { RULE_STATUS_TEXT } from '../../storage/rule-status.js';

/** One rule in the list: what is published, and the change on its way through review. */
export interface RuleListEntry {
  id: string;
  name: string;
  kind: string;
  level?: string;
  /** 文号 and titles of the legal basis, in words */
  legalBasis?: string;
  validFrom?: string;
  validTo?: string;
  /** the published version, when one is */
  published?: { version: number; author: string; reviewedBy?: string; reviewedAt?: string; shipped: boolean };
  /** a draft or a version in review */
  open?: { version: number; status: RuleVersionStatus; author: string; createdAt: string };
  versions: number;
  updatedAt: string;
}

export interface RuleListReply {
  rules: RuleListEntry[];
}

export interface RuleDetailReply {
  id: string;
  /** newest first, without their texts */
  versions: RuleVersionSummary[];
  /** what the editor opens: the open change if there is one, else the published version, else the newest */
  current: RuleVersion;
  allowSelfPublish: boolean;
}

/** A saved draft, with its own test cases run (when it carries them). */
export interface DraftReply {
  version: RuleVersion;
  cases?: CasesReport;
}

/** A refused draft: nothing was stored. */
export interface DraftRefusal {
  error: string;
  problems: DraftProblem[];
}

export interface RuleDiffReply {
  id: string;
  version: number;
  against?: number;
  rule: SourceDiffLine[];
  tests: SourceDiffLine[];
}

export interface RuleTryReply {
  asOf: string;
  /** which rule text was tried: a draft sent with the request, or a stored version */
  tried: { id: string; name: string; version?: number; draft: boolean };
  /** whose profile: an enterprise's stored one, or the facts typed in */
  profile: { from: 'enterprise' | 'facts'; enterpriseId?: string; enterpriseName?: string };
  result: RuleResult;
  /** the same result as the portal shows a match: conditions as rows, missing facts named */
  match: MatchView;
  cases?: CasesReport;
}
