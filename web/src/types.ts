/**
 * @module web/types
 * The shapes of docs/API.md as the web app sees them. They mirror `src/answering/answer.ts` and
 * `src/knowledge/schema.ts`; the web app is built separately, so it keeps its own copy.
 */

export type ItemKind = 'policy' | 'guide' | 'faq' | 'article';
export type AnswerType = 'guide-field' | 'faq' | 'passage' | 'clarify' | 'none';

export interface Citation {
  id: string;
  title: string;
  kind: ItemKind;
  /** Last valid day of a policy (`YYYY-MM-DD`). */
  validUntil?: string;
}

export interface Answer {
  text: string;
  type: AnswerType;
  citations: Citation[];
  confidence: number;
  suggestions: string[];
  field?: string;
  choices?: Citation[];
}

export type Channel = 'web' | 'kiosk' | 'widget' | 'api';

export interface ChatReply {
  sessionId: string;
  /** For POST /api/feedback; absent on servers older than docs/API.md. */
  turnId?: string;
  answer: Answer;
}

interface ItemBase {
  id: string;
  title: string;
  category?: string;
  tags?: string[];
  audience?: string[];
  source?: string;
  /** False for an expired policy (GET /api/items/:id). */
  current?: boolean;
}

export interface Material {
  name: string;
  form?: string;
  copies?: number;
  notes?: string;
}

/** A service guide's own fields, as the public app and the back office both read them. */
export interface GuideFields {
  department?: string;
  servedParty?: string;
  conditions?: string[];
  materials?: Material[];
  steps?: string[];
  statutoryTimeLimit?: string;
  promisedTimeLimit?: string;
  fee?: string;
  place?: string;
  hours?: string;
  phone?: string;
  onlineUrl?: string;
  itemType?: string;
  subsidy?: string;
  applicationPeriod?: string;
  visits?: string;
  result?: string;
  complaintPhone?: string;
  legalBasis?: string[];
  notes?: string;
}

export interface Guide extends ItemBase, GuideFields {
  kind: 'guide';
}

export interface Policy extends ItemBase {
  kind: 'policy';
  issuer?: string;
  docNumber?: string;
  issueDate?: string;
  effectiveDate?: string;
  expiryDate?: string;
  level?: 'national' | 'provincial' | 'city' | 'zone';
  text: string;
  interpretation?: string;
}

export interface Faq extends ItemBase {
  kind: 'faq';
  similarQuestions?: string[];
  answer: string;
  links?: string[];
}

export interface Article extends ItemBase {
  kind: 'article';
  date?: string;
  text: string;
}

export type Item = Guide | Policy | Faq | Article;

export interface AppConfig {
  zoneName: string;
  hotline: string;
  serviceWindow: string;
  kioskIdleSeconds: number;
  maxMessageChars: number;
  /** The installation is a hall kiosk (XIAOXIN_KIOSK); absent on older servers, meaning false. */
  kiosk?: boolean;
}

export interface HotTopics {
  questions: string[];
  categories: { name: string; questions: string[] }[];
}

export interface Suggestion {
  text: string;
  itemId: string;
  kind: string;
}
