/**
 * @module web/types
 * The shapes of docs/API.md as the web app sees them. The answer, the items and the channels are
 * the server's own types (one contract, not a hand-kept copy): type-only imports, which the build
 * erases, so no server code reaches the browser bundle.
 */
import type { Answer } from '../../src/answering/answer.js';
import type { Guide, Item } from '../../src/knowledge/schema.js';

export type { Answer, AnswerType, Citation } from '../../src/answering/answer.js';
export type { Article, Faq, Guide, Item, ItemKind, Material, Policy } from '../../src/knowledge/schema.js';
export type { Channel } from '../../src/insights/question-log.js';
import type { SpeechFeatures } from '../../src/speech/features.js';
export type { SpeechFeatures };

export interface ChatReply {
  sessionId: string;
  /** For POST /api/feedback; absent on servers older than docs/API.md. */
  turnId?: string;
  answer: Answer;
}

/**
 * A service guide's own fields, each optional: the back office's editor (web/admin/types) works on
 * a loose item that grows field by field before the server validates it.
 */
export type GuideFields = Partial<Omit<Guide, 'kind' | 'id' | 'title' | 'category' | 'tags' | 'audience' | 'source'>>;

/** An item as GET /api/items/:id gives it: as imported, plus whether it is still in force (false for an expired policy). */
export type PublicItem = Item & { current: boolean };

export interface AppConfig {
  zoneName: string;
  hotline: string;
  serviceWindow: string;
  kioskIdleSeconds: number;
  maxMessageChars: number;
  /** The installation is a hall kiosk (XIAOXIN_KIOSK); absent on older servers, meaning false. */
  kiosk?: boolean;
  /** Speech through the server; absent on older servers, meaning none. */
  speech?: SpeechFeatures;
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
