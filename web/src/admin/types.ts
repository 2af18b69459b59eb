/**
 * @module web/admin/types
 * The shapes of docs/ADMIN-API.md as the back office uses them.
 */
export type Role = 'admin' | 'editor' | 'reviewer' | 'window';
export type Permission = 'knowledge:read' | 'knowledge:edit' | 'knowledge:publish' | 'insights:read' | 'questions:log' | 'accounts:manage' | 'audit:read' | string;
// The knowledge model's shapes are the public app's: one definition for both.
export type { ItemKind, Material } from '../types';
import type { GuideFields, ItemKind } from '../types';

export interface User {
  name: string;
  role: Role;
  displayName?: string;
  permissions: Permission[];
}

export interface SessionReply {
  user: User;
  csrfToken: string;
}

export interface ItemListEntry {
  id: string;
  kind: ItemKind;
  title: string;
  category?: string;
  status: 'published' | 'draft-only' | 'withdrawn';
  current?: boolean;
  updatedAt: string;
  dueDate?: string;
  dueReason?: DueReason;
  openVersion?: { version: number; status: 'draft' | 'in_review' };
}

export type DueReason = 'expired' | 'expires-soon' | 'review-overdue' | 'review-soon';
export type VersionStatus = 'draft' | 'in_review' | 'published' | 'rejected' | 'superseded' | 'withdrawn' | string;

export interface VersionSummary {
  itemId: string;
  version: number;
  status: VersionStatus;
  author: string;
  note?: string;
  createdAt: string;
  reviewedBy?: string;
  reviewedAt?: string;
  reviewNote?: string;
}


/**
 * An item as the knowledge model has it; the editor works on this loose shape. A guide's fields
 * are the public app's (`GuideFields`): one definition for both.
 */
export interface Item extends GuideFields {
  kind: ItemKind;
  id: string;
  title: string;
  category?: string;
  tags?: string[];
  audience?: string[];
  source?: string;
  // policy
  issuer?: string;
  docNumber?: string;
  issueDate?: string;
  effectiveDate?: string;
  expiryDate?: string;
  level?: string;
  text?: string;
  interpretation?: string;
  reviewDate?: string;
  // faq
  similarQuestions?: string[];
  answer?: string;
  links?: string[];
  // article
  date?: string;
  createdAt?: string;
  updatedAt?: string;
}

export interface ItemDetail {
  id: string;
  published?: Item;
  current: boolean;
  versions: VersionSummary[];
}

export interface TextPiece {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export interface FieldChange {
  field: string;
  label: string;
  before?: unknown;
  after?: unknown;
  pieces?: TextPiece[];
}

export interface DueItem {
  id: string;
  title: string;
  kind: ItemKind;
  category?: string;
  reason: DueReason;
  dueDate: string;
  daysLeft: number;
}

export interface PendingVersion extends VersionSummary {
  kind: ItemKind;
  title: string;
  category?: string;
}

export interface StalenessGroup {
  dated: number;
  stale: number;
  undated: number;
}

export interface StalenessReport extends StalenessGroup {
  today: string;
  total: number;
  staleShare: number;
  byKind: Record<string, StalenessGroup>;
  byCategory: Record<string, StalenessGroup>;
}

export interface Counted {
  value: string;
  count: number;
}

export interface InsightsSummary {
  from: string;
  to: string;
  /** Today in the zone's time zone: the server decides, not the browser's clock. */
  today: string;
  timeZone: string;
  totals: { asked: number; answered: number; helpful: number; notHelpful: number; answeredShare: number; helpfulShare: number };
  daily: { day: string; asked: number; answered: number; helpful: number; notHelpful: number }[];
  hotQuestions: { question: string; questionKey: string; count: number }[];
  themes: Counted[];
  kinds: Counted[];
  channels: Counted[];
}

export interface Cluster {
  representative: string;
  total: number;
  variants: { text: string; count: number }[];
}

export interface ImportPreview {
  previewId: string;
  expiresAt?: string;
  files?: string[];
  /**
   * `fields`: a guide's filled fields (GUIDE_FIELDS names, print order), read from its text or given by name.
   * `scanned`: its text was read by OCR from a scan (识别自扫描件), for staff to check before publishing.
   */
  create: { id: string; kind: ItemKind; title: string; fields?: string[]; scanned?: boolean }[];
  update: { id: string; kind: ItemKind; title: string; fields?: string[]; scanned?: boolean; changes: FieldChange[] }[];
  unchanged: string[];
  problems: { file: string; line?: number; message: string }[];
}

export interface ImportCommit {
  published: boolean;
  created: string[];
  updated: string[];
  unchanged: string[];
}

export interface Citation {
  id: string;
  title: string;
  kind: string;
  validUntil?: string;
}

export interface Answer {
  text: string;
  type: string;
  confidence: number;
  citations: Citation[];
  field?: string;
}

export interface HitCandidate {
  rank: number;
  id: string;
  title: string;
  kind: ItemKind;
  category?: string;
  current: boolean;
  score: number;
  matchedWords: string[];
  missingWords: string[];
  pinyinMatches: string[];
  coverage?: number;
  bestSentences?: string;
}

export interface HitTest {
  question: string;
  normalized: string;
  corrected?: string;
  words: { term: string; source: 'word' | 'synonym' | 'expansion' | string; from?: string; weight: number }[];
  bigrams: string[];
  candidates: HitCandidate[];
  answer: Answer;
}

export interface Account {
  name: string;
  role: Role;
  displayName?: string;
  disabled: boolean;
  lockedUntil?: string;
  createdAt: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  target?: string;
  before?: unknown;
  after?: unknown;
  detail?: string;
}

/** GET /api/admin/hot-questions: pinned ones in order, then ranked, then hidden. */
export type HotQuestionState = 'pinned' | 'hidden' | 'ranked';
export interface HotQuestion {
  itemId: string;
  kind: ItemKind;
  question: string;
  state: HotQuestionState;
  sessions: number;
  answered: number;
  curated: boolean;
}
export interface HotQuestionList {
  candidates: HotQuestion[];
  shown: string[];
}
